package com.vigil.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UserCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli(String... passwords) {
        CommandLine cl = new CommandLine(new UserCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        java.util.Iterator<String> it = java.util.List.of(passwords).iterator();
        UserCommand.CreateAdmin c = cl.getSubcommands().get("create-admin").getCommand();
        c.passwords = prompt -> it.next().toCharArray();
        return cl;
    }

    @Test
    void firstAdministratorOnceWithAChosenPassword() {
        String db = dir.resolve("vigil.db").toString();
        assertEquals(1, cli("Long-Enough-1", "Long-Enough-2").execute("create-admin", "--db", db, "--name", "boss"));
        assertTrue(err.toString().contains("differ"), err.toString());
        assertEquals(1, cli("short", "short").execute("create-admin", "--db", db, "--name", "boss"));
        assertTrue(err.toString().contains("at least 10"), err.toString());
        assertEquals(0, cli("Long-Enough-1", "Long-Enough-1").execute("create-admin", "--db", db, "--name", "boss"));
        assertEquals(1, cli("Long-Enough-1", "Long-Enough-1").execute("create-admin", "--db", db, "--name", "boss2"));
        assertTrue(err.toString().contains("already exists"), err.toString());
        assertEquals(0, cli().execute("list", "--db", db));
        assertTrue(out.toString().contains("boss") && out.toString().contains("ADMIN"), out.toString());
    }
}
