package com.vigil.app.cli;

import com.vigil.app.runtime.DataDirs;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFileException;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.sim.headless.HeadlessRun;
import com.vigil.sim.replay.ReplayData;
import com.vigil.sim.replay.ReplayFormatException;
import com.vigil.sim.scenario.ScenarioSpec;
import com.vigil.sim.scenario.Scenarios;
import com.vigil.sim.scenario.TruthEvent;
import com.vigil.sim.server.DemoPlantServer;
import com.vigil.sim.server.PortInUseException;
import com.vigil.sim.server.ReplayServer;
import com.vigil.sim.server.ServerSecurity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil sim}: the demo plant OPC UA server alone, with scenarios and a ground-truth log; or headless
 * (no server, as fast as possible, samples to CSV); or a replay of recorded data as an OPC UA server.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the demo plant OPC UA server alone (opc.tcp://ADDR:PORT/vigil-demo, node ids ns=2;s=<tag>), "
                + "optionally with scenarios; or --headless (no server, as fast as possible, CSV "
                + "timestamp,tag,value,quality); or --replay FILE (serve SKAB or timestamp,tag,value[,quality] CSV).",
                "Scenarios: gas-leak, toxic-leak, cooling-failure, bearing-wear, sensor-drift, sensor-freeze, "
                        + "sensor-spike, comm-loss, relief-open (--list-scenarios explains them).",
                "Ground truth (timestamp,sim_seconds,scenario_id,scenario,target,area,event,tag,limit,value; event "
                        + "START/CROSS/END) goes to --truth, default DATA_DIR/sim/ground-truth-<time>.csv."})
public final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "TCP port (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port = DemoPlantServer.DEFAULT_PORT;

    @Option(names = "--bind", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--plant", description = "Plant file (YAML); default: the built-in demo plant.")
    Path plantFile;

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}): same seed, same plant.")
    long seed = 42;

    @Option(names = "--speed", description = "Simulated seconds per real second (default ${DEFAULT-VALUE}; 60 = an "
            + "hour per minute). With --replay: replay speed.")
    double speed = 1.0;

    @Option(names = "--seconds", description = "Stop after this many real seconds (default: run until interrupted).")
    long seconds;

    @Option(names = "--scenario", paramLabel = "NAME[:TARGET][@TIME]", description = "Inject a scenario, e.g. "
            + "cooling-failure, gas-leak:WH.GD13@10m, bearing-wear@random (TIME in simulated time: 90s, 15m, 1h30m, "
            + "00:15:00, random). Repeatable.")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--scenario-param", paramLabel = "KEY=VALUE", description = "Parameter for the --scenario "
            + "options (e.g. hours=1, peak=80, duration=120).")
    Map<String, String> scenarioParams = new java.util.LinkedHashMap<>();

    @Option(names = "--timeline", description = "Scenario timeline file: lines at,scenario,target,params "
            + "(params key=value;key=value).")
    Path timeline;

    @Option(names = "--truth", description = "Ground-truth log (CSV); default DATA_DIR/sim/ground-truth-<time>.csv.")
    Path truth;

    @Option(names = "--data-dir", description = "Vigil data directory (default: VIGIL_DATA_DIR or the user data "
            + "directory).")
    Path dataDir;

    @Option(names = "--start", description = "Simulated start instant (ISO-8601; default: now, headless: "
            + "2026-01-01T00:00:00Z).")
    Instant start;

    @Option(names = "--list-scenarios", description = "List the scenarios and exit.")
    boolean listScenarios;

    @Option(names = "--headless", description = "No server: step as fast as possible and write samples as CSV.")
    boolean headless;

    @Option(names = "--duration", description = "Headless: simulated time to run (default ${DEFAULT-VALUE}).")
    String duration = "24h";

    @Option(names = "--step", description = "Headless: simulated seconds per step (default ${DEFAULT-VALUE}).")
    double step = 1.0;

    @Option(names = "--sample", description = "Headless: write every tag every N simulated seconds (default "
            + "${DEFAULT-VALUE}; 0 = no samples).")
    double sample = 10.0;

    @Option(names = "--out", description = "Headless: samples CSV (default: stdout).")
    Path out;

    @Option(names = "--replay", description = "Serve recorded data as an OPC UA server: SKAB (;-separated, datetime "
            + "column) or timestamp,tag,value[,quality].")
    Path replay;

    @Option(names = "--loop", description = "Replay: start again at the end.")
    boolean loop;

    @Option(names = "--security", description = "none (default) or sign-and-encrypt (adds Basic256Sha256 + "
            + "SignAndEncrypt; None stays available).")
    String security = "none";

    @Option(names = "--pki", description = "Directory for the server certificate (created on first start, then "
            + "kept) and trust list (default DATA_DIR/sim/pki).")
    Path pki;

    @Option(names = "--trust-all-clients", description = "Accept every client certificate.")
    boolean trustAllClients;

    @Option(names = "--trust-dir", description = "Directory of trusted client certificates (DER) (default "
            + "PKI/pki/trusted/certs; rejected ones land in PKI/pki/rejected).")
    Path trustDir;

    @Option(names = "--user", description = "Accept this user name (with --password) besides anonymous.")
    String user;

    @Option(names = "--password", description = "Password for --user.", arity = "0..1", interactive = true)
    String password;

    @Option(names = "--no-anonymous", description = "Refuse anonymous sessions (needs --user).")
    boolean noAnonymous;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        if (listScenarios) {
            Scenarios.CATALOG.forEach((k, v) -> outw.printf("%-16s default target %-11s %s%n", k, v[1], v[0]));
            outw.flush();
            return 0;
        }
        PlantDefinition plant;
        try {
            plant = PlantFiles.loadOrDemo(plantFile);
        } catch (PlantFileException e) {
            err.println("vigil sim: " + e.getMessage());
            return 2;
        }
        List<ScenarioSpec> specs = new ArrayList<>();
        double durationSeconds;
        try {
            for (String s : scenarios) {
                ScenarioSpec p = Scenarios.parseCli(s);
                specs.add(new ScenarioSpec(p.at(), p.name(), p.target(), scenarioParams));
            }
            if (timeline != null) {
                specs.addAll(Scenarios.readTimeline(timeline));
            }
            durationSeconds = Scenarios.parseTime(duration);
        } catch (IllegalArgumentException e) {
            err.println("vigil sim: " + e.getMessage());
            return 2;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("vigil sim: file not found: " + e.getFile());
            return 2;
        }
        ServerSecurity sec;
        try {
            sec = security();
        } catch (IllegalArgumentException e) {
            err.println("vigil sim: " + e.getMessage());
            return 2;
        }
        if (replay != null) {
            return replay(plant, sec, outw, err);
        }
        try {
            // validate targets and parameters before anything is written
            com.vigil.sim.dynamics.PlantDynamics probe = new com.vigil.sim.dynamics.PlantDynamics(plant, seed);
            specs.forEach(probe::schedule);
        } catch (IllegalArgumentException e) {
            err.println("vigil sim: " + e.getMessage());
            return 2;
        }
        Path truthFile = truth != null ? truth : DataDirs.resolve(dataDir).resolve("sim").resolve("ground-truth-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()) + ".csv");
        // the log is written when there are scenarios (or --truth asks for it): no stray files otherwise
        boolean wantTruth = truth != null || !specs.isEmpty();
        if (wantTruth && truthFile.toAbsolutePath().getParent() != null) {
            Files.createDirectories(truthFile.toAbsolutePath().getParent());
        }
        try (TruthWriter tw = new TruthWriter(wantTruth ? truthFile : null)) {
            if (headless) {
                return headless(plant, specs, durationSeconds, tw, wantTruth ? truthFile : null, outw, err);
            }
            return serve(plant, specs, sec, tw, wantTruth ? truthFile : null, outw, err);
        }
    }

    private ServerSecurity security() {
        boolean sae = switch (security.toLowerCase()) {
            case "none" -> false;
            case "sign-and-encrypt", "signandencrypt", "basic256sha256" -> true;
            default -> throw new IllegalArgumentException("--security must be none or sign-and-encrypt, was '"
                    + security + "'");
        };
        if (noAnonymous && user == null) {
            throw new IllegalArgumentException("--no-anonymous needs --user");
        }
        if (user != null && password == null) {
            throw new IllegalArgumentException("--user needs --password");
        }
        Path pkiDir = pki;
        if (pkiDir == null && (sae || user != null)) {
            pkiDir = DataDirs.resolve(dataDir).resolve("sim").resolve("pki");
        }
        return new ServerSecurity(sae, pkiDir, trustAllClients, trustDir, !noAnonymous, user, password);
    }

    private int serve(PlantDefinition plant, List<ScenarioSpec> specs, ServerSecurity sec, TruthWriter tw,
                      Path truthFile, PrintWriter outw, PrintWriter err) throws Exception {
        DemoPlantServer server = new DemoPlantServer(plant, bind, port, seed, speed, 500).security(sec);
        if (start != null) {
            server.startAt(start);
        }
        server.onTruth(tw);
        try {
            for (ScenarioSpec s : specs) {
                server.schedule(s);
            }
        } catch (IllegalArgumentException e) {
            err.println("vigil sim: " + e.getMessage());
            return 2;
        }
        try {
            server.start();
        } catch (PortInUseException e) {
            err.println("vigil sim: " + e.getMessage());
            return 2;
        }
        outw.println("demo plant '" + plant.plant().name() + "' with " + plant.plant().tags().size()
                + " tags serving at " + server.endpointUrl() + (sec.signAndEncrypt() ? " (None and Basic256Sha256/"
                + "SignAndEncrypt; certificate in " + server.pkiDir() + ")" : "") + " at speed " + speed);
        if (!specs.isEmpty()) {
            outw.println("scenarios: " + specs.stream().map(s -> s.name() + (s.target() == null ? "" : ":" + s.target())
                    + (s.random() ? "@random" : "@" + s.at() + "s")).toList() + "; ground truth: " + truthFile);
        }
        outw.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.stop();
            tw.flushQuietly();
            stop.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        if (seconds > 0) {
            Thread.sleep(seconds * 1000);
            server.stop();
            Runtime.getRuntime().removeShutdownHook(hook);
            outw.println("stopped after " + seconds + " s at simulated " + server.clock().instant()
                    + (truthFile == null ? "" : "; " + server.groundTruth().size() + " ground-truth events in " + truthFile));
            outw.flush();
            return 0;
        }
        stop.await();
        return 0;
    }

    private int headless(PlantDefinition plant, List<ScenarioSpec> specs, double durationSeconds, TruthWriter tw,
                         Path truthFile, PrintWriter outw, PrintWriter err) throws IOException {
        Instant t0 = start != null ? start : com.vigil.sim.dynamics.PlantDynamics.DEFAULT_START;
        long began = System.nanoTime();
        HeadlessRun.Result r;
        try (Writer w = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            Writer target = out == null ? (sample > 0 ? outw : null) : w;
            r = HeadlessRun.run(plant, seed, t0, durationSeconds, step, sample, specs, target, tw);
        } catch (IllegalArgumentException e) {
            err.println("vigil sim: " + e.getMessage());
            return 2;
        }
        double wall = (System.nanoTime() - began) / 1e9;
        String summary = String.format(java.util.Locale.ROOT, "headless: %.0f simulated s (%d steps, %d rows) in %.1f s "
                + "(%.0fx real time); %s", r.simulatedSeconds(), r.steps(), r.rows(), wall,
                r.simulatedSeconds() / Math.max(wall, 1e-3), truthFile == null ? "no scenarios, no ground truth"
                        : r.groundTruth().size() + " ground-truth events in " + truthFile);
        if (out == null && sample > 0) {
            err.println(summary); // stdout carries the CSV
        } else {
            outw.println(summary);
            for (TruthEvent e : r.groundTruth()) {
                if (!e.event().equals("CROSS") || e.hardLimit() || e.limit().equals("H") || e.limit().equals("L")) {
                    outw.println("  " + e.csv());
                }
            }
        }
        outw.flush();
        return 0;
    }

    private int replay(PlantDefinition plant, ServerSecurity sec, PrintWriter outw, PrintWriter err) throws Exception {
        ReplayData data;
        try {
            data = ReplayData.read(replay);
        } catch (ReplayFormatException e) {
            err.println("vigil sim: " + e.getMessage());
            return 2;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("vigil sim: file not found: " + e.getFile());
            return 2;
        }
        ReplayServer server = new ReplayServer(data, plant, bind, port, speed, loop).security(sec);
        try {
            server.start();
        } catch (PortInUseException e) {
            err.println("vigil sim: " + e.getMessage());
            return 2;
        }
        outw.println("replaying " + replay + " (" + data.tags().size() + " tags, " + data.frames().size()
                + " instants, " + data.start() + " .. " + data.end() + ") at " + speed + "x on " + server.endpointUrl());
        outw.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        long deadline = seconds > 0 ? System.currentTimeMillis() + seconds * 1000 : Long.MAX_VALUE;
        while (System.currentTimeMillis() < deadline && !server.finished()) {
            Thread.sleep(100);
        }
        server.stop();
        outw.println("replay stopped at recorded time " + server.clock().instant());
        outw.flush();
        return 0;
    }

    /** Writes ground-truth events as they happen (flushed per event, so a killed run keeps its log). */
    static final class TruthWriter implements java.util.function.Consumer<TruthEvent>, AutoCloseable {
        private final BufferedWriter w;

        TruthWriter(Path file) throws IOException {
            w = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            if (w != null) {
                w.write(TruthEvent.HEADER);
                w.write('\n');
                w.flush();
            }
        }

        @Override
        public synchronized void accept(TruthEvent e) {
            if (w == null) {
                return;
            }
            try {
                w.write(e.csv());
                w.write('\n');
                w.flush();
            } catch (IOException ex) {
                System.err.println("vigil sim: cannot write the ground truth: " + ex.getMessage());
            }
        }

        synchronized void flushQuietly() {
            if (w == null) {
                return;
            }
            try {
                w.flush();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        @Override
        public synchronized void close() throws IOException {
            if (w != null) {
                w.close();
            }
        }
    }
}
