package com.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil models train|list} on a recorded file of the demo plant, and its bad-input messages. */
class ModelsCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void trainsOnARecordingSavesAndLists(@TempDir Path dir) throws Exception {
        Path rec = dir.resolve("normal.csv");
        assertEquals(0, run("sim", "--headless", "--duration", "1h", "--sample", "5", "--out", rec.toString(),
                "--truth", dir.resolve("truth.csv").toString()), err.toString());
        Path models = dir.resolve("models");
        assertEquals(0, run("models", "train", "--data", rec.toString(), "--out", models.toString()), err.toString());
        assertTrue(out.toString().contains("asset models to " + models), out.toString());
        long files;
        try (var s = Files.list(models)) {
            files = s.filter(p -> p.toString().endsWith(".model")).count();
        }
        assertTrue(files >= 30, "one model per asset: " + files);
        assertTrue(Files.exists(models.resolve("RX.R201.model")));
        out.getBuffer().setLength(0);
        assertEquals(0, run("models", "list", "--dir", models.toString()));
        assertTrue(out.toString().startsWith(files + " asset models in " + models), out.toString());
        assertTrue(out.toString().contains("RX.R201.TT"), out.toString());
    }

    @Test
    void aMalformedRecordingNamesFileLineAndField(@TempDir Path dir) throws Exception {
        Path rec = dir.resolve("bad.csv");
        Files.writeString(rec, "timestamp,tag,value,quality\n2026-01-01T00:00:00Z,RX.R201.TT,151.2,GOOD\n"
                + "2026-01-01T00:00:01Z,RX.R201.TT,hot,GOOD\n");
        assertEquals(1, run("models", "train", "--data", rec.toString(), "--out", dir.resolve("m").toString()));
        assertTrue(err.toString().contains(rec + ", line 3, field value: 'hot' is not a number"), err.toString());
        assertTrue(Files.notExists(dir.resolve("m")), "nothing saved");
    }
}
