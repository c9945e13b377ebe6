package com.vigil.app.cli;

import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Version from the build (filtered resource). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/vigil-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Vigil " + version() + " (Java " + System.getProperty("java.version") + ")"};
    }
}
