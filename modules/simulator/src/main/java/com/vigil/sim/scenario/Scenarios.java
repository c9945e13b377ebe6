package com.vigil.sim.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scenario catalogue and the two ways to write scenarios down: {@code NAME[:TARGET][@TIME]} on the
 * command line and a timeline file with lines {@code at,scenario,target,params}.
 */
public final class Scenarios {
    /** Valid scenario names with a one-line explanation and their default target. */
    public static final Map<String, String[]> CATALOG = catalog();
    public static final List<String> NAMES = List.copyOf(CATALOG.keySet());

    private Scenarios() {
    }

    private static Map<String, String[]> catalog() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("gas-leak", new String[] {"combustible gas leak next to a detector, spreading to neighbouring detectors "
                + "by distance (params: peak %LEL at the source, ramp s, speed m/s, length m, x, y)", "WH.GD11"});
        m.put("toxic-leak", new String[] {"toxic gas leak next to a toxic detector, spreading like gas-leak", "WH.TD11"});
        m.put("cooling-failure", new String[] {"reactor cooling water lost; temperature creeps up over 20-40 min "
                + "(params: residual fraction of flow, default 0.08)", "RX.R201"});
        m.put("bearing-wear", new String[] {"pump/compressor bearing wear: vibration, current and bearing temperature "
                + "grow (params: hours to failure, default 8)", "PS.P401"});
        m.put("sensor-drift", new String[] {"measurement drifts away from the truth (params: rate per hour in the "
                + "tag's unit, default 10 % of span)", "TF.T101.LT"});
        m.put("sensor-freeze", new String[] {"measurement stops changing (stuck value)", "RX.R201.PT"});
        m.put("sensor-spike", new String[] {"measurement jumps for a few seconds (params: size in the tag's unit, "
                + "default 40 % of span; seconds, default 5)", "CP.C301.PT"});
        m.put("comm-loss", new String[] {"the OPC UA server stops answering (transport unbound) for a while "
                + "(params: duration simulated seconds, default 60)", "server"});
        m.put("relief-open", new String[] {"a relief valve left open: vessel pressure falls, the PSV reads open",
                "RX.R201"});
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Throws with the valid names when {@code name} is not a scenario. */
    public static void check(String name) {
        if (!CATALOG.containsKey(name)) {
            throw new IllegalArgumentException("unknown scenario '" + name + "'; valid scenarios: "
                    + String.join(", ", NAMES));
        }
    }

    public static String defaultTarget(String name) {
        check(name);
        return CATALOG.get(name)[1];
    }

    private static final Pattern CLI = Pattern.compile("([a-z-]+)(?::([^@]+))?(?:@(.+))?");

    /**
     * Parses {@code NAME[:TARGET][@TIME]}, e.g. {@code cooling-failure}, {@code gas-leak:WH.GD13@10m},
     * {@code bearing-wear@random}. Without a time the scenario starts at once.
     */
    public static ScenarioSpec parseCli(String text) {
        Matcher m = CLI.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("scenario must be NAME[:TARGET][@TIME], was '" + text + "'; valid "
                    + "scenarios: " + String.join(", ", NAMES));
        }
        check(m.group(1));
        double at = m.group(3) == null ? 0 : parseTime(m.group(3));
        return new ScenarioSpec(at, m.group(1), m.group(2), Map.of());
    }

    /**
     * Seconds from {@code 90}, {@code 90s}, {@code 15m}, {@code 2h}, {@code 1h30m}, {@code 00:15:00}; {@code random}
     * gives NaN (a random time drawn from the seed).
     */
    public static double parseTime(String t) {
        String s = t.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("random")) {
            return Double.NaN;
        }
        if (s.matches("\\d+:\\d{1,2}(:\\d{1,2}(\\.\\d+)?)?")) {
            String[] p = s.split(":");
            double v = Integer.parseInt(p[0]) * 3600.0 + Integer.parseInt(p[1]) * 60.0;
            return p.length > 2 ? v + Double.parseDouble(p[2]) : v;
        }
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)([hms]?)").matcher(s);
        double total = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            double v = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "h" -> v * 3600;
                case "m" -> v * 60;
                default -> v;
            };
            end = m.end();
        }
        if (end != s.length() || s.isEmpty()) {
            throw new IllegalArgumentException("time must be like 90, 90s, 15m, 1h30m, 00:15:00 or random, was '" + t + "'");
        }
        return total;
    }

    /**
     * Reads a timeline file: one scenario a line, {@code at,scenario,target,params}; {@code params} are
     * {@code key=value} pairs separated by {@code ;} (e.g. {@code peak=80;speed=0.1}); an empty target means the
     * default; blank lines and {@code #} comments are skipped, as is a header line starting with {@code at}.
     * Errors name the file and line.
     */
    public static List<ScenarioSpec> readTimeline(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<ScenarioSpec> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase().startsWith("at,"))) {
                continue;
            }
            String[] f = line.split(",", 4);
            try {
                if (f.length < 2) {
                    throw new IllegalArgumentException("expected at,scenario,target,params");
                }
                check(f[1].trim());
                Map<String, String> params = new LinkedHashMap<>();
                if (f.length > 3 && !f[3].isBlank()) {
                    for (String kv : f[3].split(";")) {
                        String[] p = kv.split("=", 2);
                        if (p.length != 2 || p[0].isBlank()) {
                            throw new IllegalArgumentException("parameter must be key=value, was '" + kv + "'");
                        }
                        params.put(p[0].trim(), p[1].trim());
                    }
                }
                String target = f.length > 2 && !f[2].isBlank() ? f[2].trim() : null;
                out.add(new ScenarioSpec(parseTime(f[0]), f[1].trim(), target, params));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
