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
    void rulesChecksThePlantFilesRulesAsTheConsoleLoadsThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertEquals(0, run("rules"), err.toString());
        assertTrue(out.toString().startsWith("4 composite rules OK in the demo plant"), out.toString());
        assertTrue(out.toString().contains("reactor-hot-unattended           grade 1  for 120 s  clear after 120 s  reads "
                + "RX.R201.TT, RX.R202.TT, RX.R203.TT, operator_present"), out.toString());
        java.nio.file.Path f = dir.resolve("plant.yaml");
        java.nio.file.Files.writeString(f, String.join("\n", "plant: x", "areas:", "  - id: A", "tags:", "  - id: A.T",
                "    area: A", "    range: [0, 100]", "rules:", "  - id: hot", "    when: \"A.T > 50 and\"", "    grade: 2",
                "    message: Hot", ""));
        assertEquals(2, run("rules", "--plant", f.toString()));
        assertTrue(err.toString().contains(f + ":10: field 'rules[0].when': rule 'hot', line 1, column 13: expected"),
                err.toString());
    }

    @Test
    void rulesListsTheConsolesRulesAndWhetherTheyRunWithThePlantFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("vigil.db");
        try (com.vigil.persistence.db.Database db = com.vigil.persistence.db.Database.open(file)) {
            var store = new com.vigil.persistence.rules.ConsoleRuleStore(db);
            store.save(new com.vigil.persistence.rules.ConsoleRuleRow("r201-hot", "RX.R201.TT > 170 for 30s", 2, null, null,
                    "hot", null, null, true, 0, "eng", 1), 0);
            store.save(new com.vigil.persistence.rules.ConsoleRuleRow("old", "RX.R201.TT > 1", 4, null, null, "old", null,
                    null, false, 0, "eng", 1), 0);
        }
        assertEquals(0, run("rules", "--db", file.toString()), err.toString());
        assertTrue(out.toString().contains("2 console rules in " + file), out.toString());
        assertTrue(out.toString().contains("r201-hot                         grade 2  on   rev 1 by eng: for 30 s  clear after 30 s  reads RX.R201.TT"),
                out.toString());
        assertTrue(out.toString().contains("old                              grade 4  off  rev 2 by eng: RX.R201.TT > 1"), out.toString());
        java.nio.file.Path f = dir.resolve("plant.yaml");
        java.nio.file.Files.writeString(f, String.join("\n", "plant: x", "areas:", "  - id: A", "tags:", "  - id: A.T",
                "    area: A", "    range: [0, 100]", ""));
        assertEquals(2, run("rules", "--plant", f.toString(), "--db", file.toString()));
        assertTrue(out.toString().contains("CANNOT RUN: line 1, column 1: unknown tag 'RX.R201.TT'"), out.toString());
        assertTrue(err.toString().contains("1 console rule(s) switched on cannot run with this plant file"), err.toString());
    }

    @Test
    void detectOnTheDemoPlantRefusesAMissingDatabaseBeforeTraining(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(2, run("detect", "--format", "demo", "--db", dir.resolve("none.db").toString()));
        } finally {
            System.setErr(before);
        }
        String text = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("vigil detect: no database at " + dir.resolve("none.db").toAbsolutePath()), text);
        assertTrue(!text.contains("Training"), "refused before the models are trained: " + text);
    }

    @Test
    void consoleWithABrokenRuleStopsBeforeAnyWindowNamingFileLineAndColumn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path f = dir.resolve("plant.yaml");
        java.nio.file.Files.writeString(f, String.join("\n", "plant: x", "areas:", "  - id: A", "tags:", "  - id: A.T",
                "    area: A", "    range: [0, 100]", "rules:", "  - id: hot", "    when: \"A.T > 50 for 2 minutes\"",
                "    grade: 2", "    message: Hot", ""));
        assertEquals(2, run("console", "--plant", f.toString(), "--data-dir", dir.toString()));
        assertTrue(err.toString().startsWith("vigil console: " + f), err.toString());
        assertTrue(err.toString().contains(":10: field 'rules[0].when': rule 'hot', line 1, column"), err.toString());
        java.nio.file.Path models = com.vigil.app.runtime.VigilRuntime.modelsDir(dir, f);
        assertTrue(models.getFileName().toString().startsWith("models-plant-"), "another plant's models are kept apart: " + models);
        assertTrue(!models.equals(com.vigil.app.runtime.VigilRuntime.modelsDir(dir, dir.resolve("other").resolve("plant.yaml"))),
                "also from a plant file of the same name elsewhere");
        assertEquals(dir.resolve("models"), com.vigil.app.runtime.VigilRuntime.modelsDir(dir, null));
    }

    @Test
    void replayWritesTheJournalOfTheStandardsTransitions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path data = dir.resolve("data.csv");
        java.nio.file.Files.writeString(data, String.join("\n",
                "timestamp,tag,value,quality",
                "2026-11-23T08:00:00Z,WH.GD11,0.5,GOOD",
                "2026-11-23T08:01:00Z,WH.GD11,25.0,GOOD",
                "2026-11-23T08:05:00Z,WH.GD11,2.0,GOOD", ""));
        java.nio.file.Path actions = dir.resolve("actions.csv");
        java.nio.file.Files.writeString(actions, String.join("\n",
                "timestamp,action,tag,user,role,comment",
                "2026-11-23T08:02:00Z,ack,WH.GD11,op1,OPERATOR,ventilation on",
                "2026-11-23T08:03:00Z,confirm,WH.GD11,sl1,SHIFT_LEADER,checked", ""));
        java.nio.file.Path journal = dir.resolve("journal.csv");
        assertEquals(0, run("replay", "--data", data.toString(), "--actions", actions.toString(),
                "--journal", journal.toString()), err.toString());
        java.util.List<String> lines = java.nio.file.Files.readAllLines(journal);
        assertEquals("timestamp,tag,alarm,priority,from_state,to_state,user,comment", lines.get(0));
        String all = String.join("\n", lines);
        assertTrue(all.contains("WH.GD11,H,GRADE_2,NORMAL,UNACK"), all);
        assertTrue(all.contains("WH.GD11,H,GRADE_2,UNACK,ACKED,op1"), all);
        assertTrue(all.contains("WH.GD11,H,GRADE_2,ACKED,NORMAL"), all);
    }

    @Test
    void replayOfAMalformedCsvNamesFileLineAndField(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path data = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(data, "timestamp,tag,value\n2026-11-23T08:00:00Z,WH.GD11,abc\n");
        assertEquals(2, run("replay", "--data", data.toString(), "--journal", dir.resolve("j.csv").toString()));
        assertTrue(err.toString().contains("bad.csv") && err.toString().contains("line 2")
                && err.toString().contains("value"), err.toString());
    }

    @Test
    void unknownBenchmarkIsRefused() {
        assertEquals(2, run("bench", "nonsense"));
        assertTrue(err.toString().contains("unknown benchmark 'nonsense'"), err.toString());
    }
}
