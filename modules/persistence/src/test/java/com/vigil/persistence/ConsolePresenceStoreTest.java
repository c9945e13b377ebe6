package com.vigil.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.persistence.db.Database;
import com.vigil.persistence.presence.ConsolePresenceRow;
import com.vigil.persistence.presence.ConsolePresenceStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsolePresenceStoreTest {
    @TempDir
    Path dir;

    @Test
    void twoConsolesOnOneFileSeeEachOthersBeatsAndALeavingConsoleIsGone() {
        Path file = dir.resolve("vigil.db");
        try (Database a = Database.open(file); Database b = Database.open(file)) {
            ConsolePresenceStore sa = new ConsolePresenceStore(a);
            ConsolePresenceStore sb = new ConsolePresenceStore(b);
            ConsolePresenceRow first = sa.beat("A", "ws-1", "zhang", true, 1_000);
            assertEquals(1, first.beat());
            assertEquals(2, sa.beat("A", "ws-1", "zhang", true, 6_000).beat(), "every write moves the beat");
            sb.beat("B", "ws-2", null, false, 6_500);
            List<ConsolePresenceRow> seen = sb.all();
            assertEquals(List.of("A", "B"), seen.stream().map(ConsolePresenceRow::consoleId).toList());
            assertEquals(new ConsolePresenceRow("A", "ws-1", "zhang", true, 2, 6_000), seen.get(0));
            assertEquals(new ConsolePresenceRow("B", "ws-2", null, false, 1, 6_500), seen.get(1));
            ConsolePresenceRow signedOut = sa.beat("A", "ws-1", null, false, 11_000);
            assertEquals(3, signedOut.beat());
            assertTrue(!sb.all().get(0).present(), "the other console reads the sign-out");
            sa.remove("A");
            assertEquals(List.of("B"), sb.all().stream().map(ConsolePresenceRow::consoleId).toList());
        }
        try (Database db = Database.open(file)) {
            assertEquals(1, new ConsolePresenceStore(db).all().size(), "written rows survive a reopen");
        }
    }

    @Test
    void aWriterDoesNotPruneOthersByItsOwnClock() {
        try (Database db = Database.open(dir.resolve("vigil.db"))) {
            ConsolePresenceStore s = new ConsolePresenceStore(db);
            s.beat("behind", "ws-9", "li", true, 0);
            s.beat("ahead", "ws-1", "zhang", true, 10L * 24 * 3600 * 1000); // a clock ten days ahead
            assertEquals(List.of("ahead", "behind"), s.all().stream().map(ConsolePresenceRow::consoleId).toList(),
                    "whether a row is dead is for the reader to judge on its own clock");
            s.remove("behind");
            assertEquals(List.of("ahead"), s.all().stream().map(ConsolePresenceRow::consoleId).toList());
        }
    }

    @Test
    void aSchemaThreeDatabaseGetsThePresenceTable() throws Exception {
        Path file = dir.resolve("v3.db");
        try (Database db = Database.open(file)) {
            new ConsolePresenceStore(db).beat("A", "h", null, false, 1);
        }
        // back to what the previous Vigil left: schema 3 without the table
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("DROP TABLE console_presence");
            st.execute("PRAGMA user_version = 3");
        }
        try (Database db = Database.open(file)) {
            ConsolePresenceStore s = new ConsolePresenceStore(db);
            assertEquals(List.of(), s.all());
            assertEquals(1, s.beat("A", "h", "op", true, 2).beat());
        }
    }
}
