package com.vigil.app.cli;

import com.vigil.app.console.ConsoleApp;
import com.vigil.app.runtime.CompositeRuleAlarms;
import com.vigil.app.runtime.DataDirs;
import com.vigil.app.runtime.VigilRuntime;
import com.vigil.plantconfig.PlantFileException;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.sim.server.DemoPlantServer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil console}: the GUI on the embedded demo plant (or on a plant file the embedded server simulates). */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Open the console on the embedded demo plant (default command).")
public final class ConsoleCommand implements Callable<Integer> {
    @Option(names = "--data-dir", description = "Where Vigil keeps its database (default: VIGIL_DATA_DIR or the user data directory).")
    Path dataDir;

    @Option(names = "--sim-port", description = "TCP port of the embedded demo plant OPC UA server (default ${DEFAULT-VALUE}).")
    int simPort = DemoPlantServer.DEFAULT_PORT;

    @Option(names = "--seed", description = "Random seed of the demo plant (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--speed", description = "Demo plant speed: simulated seconds per second (default ${DEFAULT-VALUE}).")
    double speed = 1.0;

    @Option(names = "--lang", description = "UI language: zh or en (default: the OS language).")
    String lang;

    @Option(names = "--db", paramLabel = "FILE", description = "Keep the journal, accounts and audit trail in this "
            + "SQLite file as a normal (non-demo) database: no demo accounts, the first start creates the "
            + "administrator. Default: the demo database vigil-demo.db in the data directory.")
    Path db;

    @Option(names = "--plant", paramLabel = "FILE", description = "Plant file the embedded server simulates and the "
            + "console shows, with its limits, guidance and composite rules (default: the built-in demo plant). Its "
            + "asset models are kept apart, in DATA_DIR/models-<file name>.")
    Path plantFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Locale locale = lang == null ? Locale.getDefault() : Locale.forLanguageTag(lang);
        // a broken plant file or rule stops here with file, line and field, before any window opens
        try {
            CompositeRuleAlarms.compile(PlantFiles.loadOrDemo(plantFile));
        } catch (PlantFileException e) {
            spec.commandLine().getErr().println("vigil console: " + e.getMessage());
            return 2;
        }
        return ConsoleApp.launch(new VigilRuntime.Options(DataDirs.resolve(dataDir), simPort, seed, speed,
                db == null ? null : db.toAbsolutePath(), plantFile == null ? null : plantFile.toAbsolutePath()), locale);
    }
}
