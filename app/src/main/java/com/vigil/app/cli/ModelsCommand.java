package com.vigil.app.cli;

import com.vigil.app.runtime.AssetModelStore;
import com.vigil.app.runtime.DataDirs;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFileException;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.warning.detect.EarlyWarningModel;
import com.vigil.warning.online.AssetModels;
import java.io.IOException;
import java.io.PrintWriter;
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
 * {@code vigil models}: the multivariate early-warning models, one per asset, that the console loads from
 * {@code DATA_DIR/models}. {@code train} (re)trains them on a recorded file of normal operation (a historian
 * export or {@code vigil sim --headless} output) or on simulated days of the demo plant; {@code list} shows them.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Train or list the multivariate early-warning models (one per asset) the console uses.",
        subcommands = {ModelsCommand.Train.class, ModelsCommand.ListModels.class})
public final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The given directory, or where the console looks for the plant's models (see VigilRuntime.modelsDir). */
    static Path dir(Path dir, Path dataDir, Path plantFile) {
        return dir != null ? dir.toAbsolutePath()
                : com.vigil.app.runtime.VigilRuntime.modelsDir(DataDirs.resolve(dataDir), plantFile);
    }

    /** {@code vigil models train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train one model per asset on normal operation and save them (replacing older ones).",
                    "With --data: a recorded file timestamp,tag,value,quality of normal operation (historian export, "
                            + "vigil sim --headless). Without: simulated days of normal operation of the demo plant."})
    public static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", paramLabel = "FILE", description = "Recorded normal operation (CSV timestamp,tag,value,quality).")
        Path data;

        @Option(names = "--days", description = "Without --data: simulated days (default ${DEFAULT-VALUE}).")
        int days = 3;

        @Option(names = "--seed", description = "Without --data: seed of the first simulated day (default ${DEFAULT-VALUE}).")
        long seed = 1042;

        @Option(names = "--plant", paramLabel = "FILE", description = "Plant file (default: the built-in demo plant).")
        Path plantFile;

        @Option(names = "--detector", description = "Detector configuration (default ${DEFAULT-VALUE}).")
        String detector = AssetModels.DEFAULT_DETECTOR;

        @Option(names = "--out", paramLabel = "DIR", description = "Model directory (default: where the console looks: "
                + "DATA_DIR/models, or DATA_DIR/models-<plant file name> with --plant).")
        Path out;

        @Option(names = "--data-dir", description = "Data directory (default: VIGIL_DATA_DIR or the user data directory).")
        Path dataDir;

        @Option(names = "--as", paramLabel = "USER", required = true, description = "Your Vigil account (engineer or "
                + "administrator): replacing the models changes what the console warns about, so it is a configuration "
                + "change — the password is asked and the change recorded in the audit trail.")
        String as;

        @Option(names = "--db", paramLabel = "FILE", description = "The Vigil database with the accounts and the audit "
                + "trail (default: the data directory's).")
        Path db;

        @Option(names = "--comment", description = "Reason, recorded in the audit trail.")
        String comment;

        /** Where the --as password comes from (tests replace it). */
        PasswordReader passwords = PasswordReader.SYSTEM;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (SignIn u = SignIn.as(as, db, dataDir, passwords, "replacing the early-warning models")) {
                Path dir = dir(out, dataDir, plantFile);
                String target = "early-warning models " + dir;
                u.accounts().require(u.session(), com.vigil.accounts.ProtectedAction.CONFIG_CHANGE, target);
                String source = data != null ? "trained on " + data : "trained on " + days + " simulated days";
                try {
                    PlantDefinition plant = PlantFiles.loadOrDemo(plantFile);
                    List<String> notes = new ArrayList<>();
                    Map<String, EarlyWarningModel> models = data != null
                            ? AssetModelStore.trainOnRecording(plant, data, detector, notes)
                            : AssetModelStore.trainOnSimulatedDays(plant, seed, days, 24, detector, notes);
                    notes.forEach(n -> err.println("note: " + n));
                    if (models.isEmpty()) {
                        throw new IllegalArgumentException("no asset could be modelled (see the notes above); nothing saved");
                    }
                    int before = AssetModels.load(dir, AssetModels.assets(plant.plant().tags()), new ArrayList<>()).size();
                    List<String> removed = AssetModels.save(models, dir);
                    u.accounts().audit().record(u.session().actor(), com.vigil.accounts.AuditAction.CONFIG_CHANGE, target,
                            before + " asset models", models.size() + " asset models " + source + " (" + detector + ")"
                                    + (removed.isEmpty() ? "" : "; removed " + String.join(", ", removed)), comment);
                    o.println("Saved " + models.size() + " asset models to " + dir + " (" + source + ")"
                            + (removed.isEmpty() ? "" : "; removed the models of " + String.join(", ", removed)));
                    o.println("A running console loads them at its next start.");
                    return 0;
                } catch (PlantFileException | IOException | RuntimeException e) {
                    // the change was allowed but did not happen (or only partly): recorded as failed
                    u.accounts().audit().append(u.session().actor().user(), u.session().actor().role(),
                            com.vigil.accounts.AuditAction.CONFIG_CHANGE, com.vigil.accounts.AuditOutcome.FAILED, target,
                            null, null, (comment == null || comment.isBlank() ? "" : comment + " ") + "(" + source + ": "
                                    + e.getMessage() + ")");
                    throw e;
                }
            } catch (SignIn.Failure e) {
                err.println("vigil models train: " + e.getMessage());
                return 2;
            } catch (com.vigil.accounts.AccessDeniedException e) {
                err.println("vigil models train: refused: " + e.getMessage() + " (recorded in the audit trail)");
                return 3;
            } catch (PlantFileException | IllegalArgumentException e) {
                err.println("vigil models train: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println("vigil models train: " + e.getMessage());
                return 1;
            }
        }
    }

    /** {@code vigil models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the saved asset models.")
    public static final class ListModels implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR", description = "Model directory (default: DATA_DIR/models).")
        Path dir;

        @Option(names = "--plant", paramLabel = "FILE", description = "Plant file (default: the built-in demo plant).")
        Path plantFile;

        @Option(names = "--data-dir", description = "Data directory (default: VIGIL_DATA_DIR or the user data directory).")
        Path dataDir;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                Path d = dir(dir, dataDir, plantFile);
                List<String> notes = new ArrayList<>();
                Map<String, EarlyWarningModel> models = AssetModelStore.load(PlantFiles.loadOrDemo(plantFile), d, notes);
                notes.forEach(n -> err.println("note: " + n));
                o.println(models.size() + " asset models in " + d);
                for (var e : models.entrySet()) {
                    o.printf("  %-12s %-6s %s%n", e.getKey(), e.getValue().detector().kind(), String.join(", ", e.getValue().columns()));
                }
                return 0;
            } catch (PlantFileException e) {
                err.println("vigil models list: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println("vigil models list: " + e.getMessage());
                return 1;
            }
        }
    }
}
