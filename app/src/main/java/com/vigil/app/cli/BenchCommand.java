package com.vigil.app.cli;

import com.vigil.app.bench.IngestBench;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigil bench [NAME...]}: benchmarks, one {@code BENCH <name> <value> <unit> [k=v ...]} line each. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run benchmarks and print lines 'BENCH <name> <value> <unit> [key=value ...]'.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", description = "Benchmarks to run (default: all): ${COMPLETION-CANDIDATES}")
    List<String> names = new ArrayList<>();

    @Option(names = "--seconds", description = "Measured seconds per benchmark where it applies (default ${DEFAULT-VALUE}).")
    double seconds = 5;

    @FunctionalInterface
    interface Bench {
        List<String> run(double seconds) throws Exception;
    }

    static Map<String, Bench> benches() {
        Map<String, Bench> m = new LinkedHashMap<>();
        m.put("ingest", s -> IngestBench.run(10_000, 1_000, s));
        m.put("rules", s -> com.vigil.app.bench.RulesBench.run(10_000, 1_000, 200, s));
        m.put("alarms", s -> {
            List<String> out = new ArrayList<>(com.vigil.alarm.bench.AlarmBench.run(
                    java.time.Duration.ofMillis((long) (s * 1000))));
            out.addAll(com.vigil.app.bench.FloodJournalBench.lines(
                    java.nio.file.Files.createTempDirectory("vigil-bench-flood")));
            return out;
        });
        m.put("opcua", s -> com.vigil.opcua.bench.OpcUaBench.run(10_000, 100, (int) Math.max(1, Math.round(s))));
        m.put("ui-alarms", s -> com.vigil.app.bench.UiAlarmsBench.run(10_000));
        m.put("ui-overview", s -> com.vigil.app.bench.UiOverviewBench.run(1_000));
        m.put("historian", s -> {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("vigil-bench-historian");
            var opts = com.vigil.historian.bench.BenchOptions.defaults(dir).withDemoSamples(
                    new com.vigil.app.bench.DemoPlantSamples(com.vigil.plantconfig.PlantFiles.demo(), 42, 24,
                            1_767_225_600_000L));
            java.nio.file.Path skab = java.nio.file.Path.of("..", "shared", "data", "skab");
            if (java.nio.file.Files.isDirectory(skab)) {
                opts = opts.withSkabDir(skab);
            }
            return com.vigil.historian.bench.HistorianBench.run(opts);
        });
        return m;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Bench> all = benches();
        List<String> run = names.isEmpty() ? new ArrayList<>(all.keySet()) : names;
        for (String n : run) {
            if (!all.containsKey(n)) {
                spec.commandLine().getErr().println("vigil bench: unknown benchmark '" + n + "'; valid: " + all.keySet());
                return 2;
            }
        }
        for (String n : run) {
            for (String line : all.get(n).run(seconds)) {
                spec.commandLine().getOut().println(line);
                spec.commandLine().getOut().flush();
            }
        }
        return 0;
    }
}
