package com.vigil.sim.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Recorded data to serve again: SKAB files ({@code ;}-separated, a {@code datetime} column, one column per
 * signal; the {@code anomaly} and {@code changepoint} label columns are served too) or the generic long format
 * {@code timestamp,tag,value[,quality]} (ISO-8601 instants, or {@code yyyy-MM-dd HH:mm:ss[.SSS]} read as UTC;
 * quality GOOD / BAD / UNCERTAIN; a header line is optional). A malformed line stops the reading with file and
 * line number.
 */
public final class ReplayData {
    /** One recorded value. {@code value} is NaN for a bad sample. */
    public record Sample(String tag, double value, String quality) {
    }

    /** All samples recorded at one instant. */
    public record Frame(Instant time, List<Sample> samples) {
    }

    private final List<Frame> frames;
    private final Set<String> tags;

    private ReplayData(List<Frame> frames, Set<String> tags) {
        this.frames = frames;
        this.tags = tags;
    }

    public List<Frame> frames() {
        return frames;
    }

    /** Tag ids in the order they first appear. */
    public Set<String> tags() {
        return tags;
    }

    public Instant start() {
        return frames.isEmpty() ? Instant.EPOCH : frames.get(0).time();
    }

    public Instant end() {
        return frames.isEmpty() ? Instant.EPOCH : frames.get(frames.size() - 1).time();
    }

    /** Reads a SKAB or long-format file (chosen by its first line). */
    public static ReplayData read(Path file) throws IOException, ReplayFormatException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null) {
                throw new ReplayFormatException(file.toString(), 1, "the file is empty");
            }
            first = stripBom(first);
            if (first.contains(";") && first.toLowerCase().contains("datetime")) {
                return skab(file.toString(), first, r);
            }
            return longFormat(file.toString(), first, r);
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static ReplayData skab(String file, String header, BufferedReader r) throws IOException,
            ReplayFormatException {
        String[] cols = header.split(";", -1);
        int dt = -1;
        for (int i = 0; i < cols.length; i++) {
            cols[i] = cols[i].trim();
            if (cols[i].equalsIgnoreCase("datetime")) {
                dt = i;
            }
        }
        String[] ids = new String[cols.length];
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < cols.length; i++) {
            if (i != dt) {
                ids[i] = tagId(cols[i]);
                if (ids[i].isEmpty()) {
                    throw new ReplayFormatException(file, 1, "column " + (i + 1) + " has no name");
                }
                tags.add(ids[i]);
            }
        }
        TreeMap<Instant, List<Sample>> byTime = new TreeMap<>();
        String line;
        int n = 1;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(";", -1);
            if (f.length != cols.length) {
                throw new ReplayFormatException(file, n, "expected " + cols.length + " fields separated by ';', found "
                        + f.length);
            }
            Instant t = time(file, n, f[dt]);
            List<Sample> samples = byTime.computeIfAbsent(t, k -> new ArrayList<>());
            for (int i = 0; i < f.length; i++) {
                if (i != dt) {
                    samples.add(new Sample(ids[i], number(file, n, cols[i], f[i]), "GOOD"));
                }
            }
        }
        return build(byTime, tags);
    }

    private static ReplayData longFormat(String file, String first, BufferedReader r) throws IOException,
            ReplayFormatException {
        TreeMap<Instant, List<Sample>> byTime = new TreeMap<>();
        Set<String> tags = new LinkedHashSet<>();
        int n = 1;
        String line = first;
        if (first.toLowerCase().startsWith("timestamp")) {
            line = r.readLine();
            n++;
        }
        for (; line != null; line = r.readLine(), n++) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < 3 || f.length > 4) {
                throw new ReplayFormatException(file, n, "expected timestamp,tag,value[,quality], found " + f.length
                        + " fields");
            }
            Instant t = time(file, n, f[0]);
            String tag = f[1].trim();
            if (tag.isEmpty()) {
                throw new ReplayFormatException(file, n, "empty tag");
            }
            String quality = f.length == 4 && !f[3].isBlank() ? f[3].trim().toUpperCase() : "GOOD";
            if (!quality.equals("GOOD") && !quality.equals("BAD") && !quality.equals("UNCERTAIN")) {
                throw new ReplayFormatException(file, n, "quality must be GOOD, BAD or UNCERTAIN, was '" + f[3] + "'");
            }
            double v = f[2].isBlank() && !quality.equals("GOOD") ? Double.NaN : number(file, n, "value", f[2]);
            tags.add(tag);
            byTime.computeIfAbsent(t, k -> new ArrayList<>()).add(new Sample(tag, v, quality));
        }
        return build(byTime, tags);
    }

    private static ReplayData build(TreeMap<Instant, List<Sample>> byTime, Set<String> tags) {
        List<Frame> frames = new ArrayList<>(byTime.size());
        byTime.forEach((t, s) -> frames.add(new Frame(t, List.copyOf(s))));
        return new ReplayData(frames, tags);
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS][.S]");

    private static Instant time(String file, int line, String text) throws ReplayFormatException {
        String s = text.trim();
        try {
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
            }
            if (s.contains("T")) {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(s, LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ReplayFormatException(file, line, "not a timestamp: '" + text + "' (use ISO-8601, e.g. "
                    + "2026-01-01T08:00:00Z, or 2026-01-01 08:00:00)");
        }
    }

    private static double number(String file, int line, String column, String text) throws ReplayFormatException {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new ReplayFormatException(file, line, column + ": not a number: '" + text + "'");
        }
    }

    /** A column name as an OPC UA-friendly tag id: letters, digits, '.', '_' and '-'. */
    static String tagId(String column) {
        return column.trim().replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
