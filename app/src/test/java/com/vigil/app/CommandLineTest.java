package com.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("Vigil 0."), out.toString());
    }

    @Test
    void simOnABusyPortFailsWithAClearMessage() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int code = run("sim", "--port", String.valueOf(busy.getLocalPort()), "--seconds", "1");
            assertEquals(2, code);
            assertTrue(err.toString().contains("cannot listen on 127.0.0.1:" + busy.getLocalPort()), err.toString());
            assertTrue(err.toString().contains("--port"), "says what to do: " + err);
        }
    }

    @Test
    void simWithABrokenPlantFileNamesFileAndLine() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("plant", ".yaml");
        java.nio.file.Files.writeString(f, "plant: x\nareas:\n  - id: A\ntags:\n  - id: T\n    area: A\n    range: [1]\n");
        assertEquals(2, run("sim", "--plant", f.toString(), "--port", "0", "--seconds", "1"));
        assertTrue(err.toString().contains(f + ":7: field 'range'"), err.toString());
    }

    @Test
    void unknownBenchmarkIsRefused() {
        assertEquals(2, run("bench", "nonsense"));
        assertTrue(err.toString().contains("unknown benchmark 'nonsense'"), err.toString());
    }
}
