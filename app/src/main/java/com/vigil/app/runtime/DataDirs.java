package com.vigil.app.runtime;

import java.nio.file.Path;
import java.util.Locale;

/** Where Vigil keeps its data: option, then VIGIL_DATA_DIR, then the platform's user data directory. */
public final class DataDirs {
    private DataDirs() {
    }

    public static Path resolve(Path option) {
        if (option != null) {
            return option.toAbsolutePath();
        }
        String env = System.getenv("VIGIL_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Vigil");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Vigil");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("vigil");
    }
}
