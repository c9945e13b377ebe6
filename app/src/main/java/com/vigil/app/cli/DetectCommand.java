package com.vigil.app.cli;

import com.vigil.app.evaluate.DemoPlantEvaluation;
import com.vigil.app.runtime.AssetModelStore;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFileException;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.sim.scenario.ScenarioSpec;
import com.vigil.sim.scenario.Scenarios;
import com.vigil.warning.detect.EarlyWarningModel;
import com.vigil.warning.offline.OfflineDetect;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil detect}: runs the early-warning detectors over benchmark files and writes one
 * {@code <file>.pred.csv} per input ({@code row,anomaly,changepoint}), using the same detector classes as
 * the online engine; or ({@code --format demo}) measures the online early warning on the simulated demo
 * plant against the simulator's ground truth. See docs/early-warning.md.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Run the early-warning detectors offline over SKAB or TEP files and write predictions;",
                "or --format demo: measure the online early warning on the simulated demo plant (a scenario day "
                        + "and a normal day) against the simulator's ground truth."})
public final class DetectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, description = "skab, tep or demo")
    String format;

    @Option(names = "--in", description = "Input directory (SKAB tree, or the TEP .dat files); not for demo.")
    Path in;

    @Option(names = "--out", description = "Output directory for the .pred.csv files (demo: warnings.csv, optional).")
    Path out;

    @Option(names = "--detector", description = "Detector configuration, e.g. screen-pca, dpca, pca:alarm=1.2 "
            + "(default: the best for the format; demo: the asset models' detector, default pca).")
    String detector;

    @Option(names = "--hours", description = "demo: simulated hours of each evaluated day (default ${DEFAULT-VALUE}).")
    double hours = 24;

    @Option(names = "--seed", description = "demo: seed of the scenario day (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--normal-seed", description = "demo: seed of the normal day (default ${DEFAULT-VALUE}).")
    long normalSeed = 43;

    @Option(names = "--train-seed", description = "demo: seed of the simulated normal day the asset models are "
            + "trained on when --models is not given (default ${DEFAULT-VALUE}).")
    long trainSeed = 7;

    @Option(names = "--train-days", description = "demo: simulated normal days to train on (seeds --train-seed, +1, ...; default ${DEFAULT-VALUE}).")
    int trainDays = 3;

    @Option(names = "--models", description = "demo: load the asset models from this directory instead of training.")
    Path models;

    @Option(names = "--scenario", paramLabel = "NAME[:TARGET][@TIME]",
            description = "demo: scenario on the scenario day (repeatable; default cooling-failure@2h and bearing-wear@6h).")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--plant", description = "demo: plant file (default: the built-in demo plant).")
    Path plantFile;

    @Option(names = "--db", paramLabel = "FILE", description = "demo: also run the composite rules written in the "
            + "console that are switched on in this Vigil database (vigil rules --db FILE lists them).")
    Path db;

    @Override
    public Integer call() {
        PrintStream log = System.err;
        if (!"demo".equals(format)) {
            if (in == null || out == null) {
                log.println("vigil detect: --format " + format + " needs --in DIR and --out DIR");
                return 2;
            }
            return OfflineDetect.run(format, in, out, detector, log);
        }
        try {
            PlantDefinition plant = PlantFiles.loadOrDemo(plantFile);
            List<PlantDefinition.RuleDef> consoleRules = consoleRules(plant, log);
            if (consoleRules == null) {
                return 2;
            }
            List<ScenarioSpec> specs = new ArrayList<>();
            for (String s : scenarios.isEmpty() ? List.of("cooling-failure@2h", "bearing-wear@6h") : scenarios) {
                specs.add(Scenarios.parseCli(s));
            }
            List<String> notes = new ArrayList<>();
            Map<String, EarlyWarningModel> m;
            if (models != null) {
                m = AssetModelStore.load(plant, models, notes);
                log.println("Loaded " + m.size() + " asset models from " + models);
            } else {
                log.println("Training asset models on " + trainDays + " x " + (int) hours + " h of simulated normal operation (seeds "
                        + trainSeed + ".." + (trainSeed + trainDays - 1) + ") ...");
                m = AssetModelStore.trainOnSimulatedDays(plant, trainSeed, trainDays, hours,
                        detector == null ? com.vigil.warning.online.AssetModels.DEFAULT_DETECTOR : detector, notes);
            }
            notes.forEach(n -> log.println("  note: " + n));
            log.println("Evaluating: scenario day (seed " + seed + ", " + String.join(", ", scenarios.isEmpty()
                    ? List.of("cooling-failure@2h", "bearing-wear@6h") : scenarios) + ") and normal day (seed " + normalSeed + ") ...");
            DemoPlantEvaluation.Result r = DemoPlantEvaluation.run(plant, m, seed, normalSeed, hours, specs, consoleRules);
            DemoPlantEvaluation.report(r, out, System.out);
            return 0;
        } catch (PlantFileException | IllegalArgumentException e) {
            log.println("vigil detect: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            log.println("vigil detect: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The console rules of {@code --db} that are switched on and run with this plant file (the others are named with
     * their reason and left out, as the console leaves them out); none without {@code --db}; null when the database
     * cannot be read.
     */
    private List<PlantDefinition.RuleDef> consoleRules(PlantDefinition plant, PrintStream log) {
        List<PlantDefinition.RuleDef> out = new ArrayList<>();
        if (db == null) {
            return out;
        }
        if (!java.nio.file.Files.isRegularFile(db)) {
            log.println("vigil detect: no database at " + db.toAbsolutePath() + " (option --db FILE)");
            return null;
        }
        List<com.vigil.persistence.rules.ConsoleRuleRow> rows;
        try (com.vigil.persistence.db.Database d = com.vigil.persistence.db.Database.open(db.toAbsolutePath())) {
            rows = new com.vigil.persistence.rules.ConsoleRuleStore(d).all();
        } catch (RuntimeException e) {
            log.println("vigil detect: " + db + ": " + e.getMessage());
            return null;
        }
        for (com.vigil.persistence.rules.ConsoleRuleRow r : rows) {
            if (!r.enabled()) {
                continue;
            }
            try {
                com.vigil.app.runtime.RuleBook.runnable(plant, r);
                out.add(com.vigil.app.runtime.RuleBook.toDef(r));
            } catch (com.vigil.app.runtime.CompositeRuleAlarms.RuleProblem e) {
                log.println("  note: console rule " + r.id() + " left out, it cannot run with this plant file: "
                        + e.getMessage());
            }
        }
        log.println("Console rules from " + db + ": " + out.size() + " switched on and runnable");
        return out;
    }
}
