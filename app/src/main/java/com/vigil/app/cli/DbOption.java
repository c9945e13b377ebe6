package com.vigil.app.cli;

import com.vigil.app.runtime.DataDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db FILE} for the account and audit commands: an existing Vigil database (default: the data directory's). */
public final class DbOption {
    @Option(names = "--db", paramLabel = "FILE",
            description = "The Vigil database (default: vigil.db in VIGIL_DATA_DIR or the user data directory; "
                    + "the demo plant console's vigil-demo.db there when no vigil.db exists).")
    Path db;

    Path file() {
        return file(null);
    }

    /** The file, with the data directory of the command ({@code --data-dir}, null = the default). */
    Path file(Path dataDir) {
        if (db != null) {
            return db.toAbsolutePath();
        }
        Path dir = DataDirs.resolve(dataDir);
        Path plant = dir.resolve("vigil.db");
        Path demo = dir.resolve(com.vigil.app.runtime.VigilRuntime.DEMO_DB);
        // the console on the embedded demo plant keeps its journal, accounts and audit in vigil-demo.db
        return !Files.exists(plant) && Files.exists(demo) ? demo : plant;
    }

    /** The file, or null after printing why it cannot be used. */
    Path existing(java.io.PrintWriter err, String command) {
        Path f = file();
        if (!Files.isRegularFile(f)) {
            err.println("vigil " + command + ": no database at " + f + " (option --db FILE)");
            return null;
        }
        return f;
    }
}
