package com.vigil.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.persistence.db.Database;
import com.vigil.persistence.db.DatabaseException;
import com.vigil.persistence.journal.AlarmJournalStore;
import com.vigil.persistence.journal.JournalRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlarmJournalStoreTest {
    @TempDir
    Path dir;

    @Test
    void journalSurvivesReopen() {
        Path file = dir.resolve("vigil.db");
        try (Database db = Database.open(file)) {
            AlarmJournalStore store = new AlarmJournalStore(db);
            long id = store.append(new JournalRecord(null, 1000, "RX.R201.TT:H", "RX.R201.TT", "H", 2, "RX", "NORMAL",
                    "UNACK", "RAISE", "system", "ADMIN", null, null, null, 175.5));
            assertTrue(id > 0);
            store.append(new JournalRecord(null, 2000, "RX.R201.TT:H", "RX.R201.TT", "H", 2, "RX", "UNACK", "ACKED",
                    "ACK", "op1", "OPERATOR", "checked cooling water 检查冷却水", "OP=op1 SL=pending", null, null));
        }
        try (Database db = Database.open(file)) {
            AlarmJournalStore store = new AlarmJournalStore(db);
            assertEquals(2, store.count());
            List<JournalRecord> rows = store.between(0, 10_000, "RX.R201.TT");
            assertEquals("UNACK", rows.get(0).toState());
            assertEquals(175.5, rows.get(0).value());
            assertEquals("op1", rows.get(1).user());
            assertEquals("OP=op1 SL=pending", rows.get(1).tiers());
            assertEquals("checked cooling water 检查冷却水", rows.get(1).comment());
            assertEquals("ACKED", store.latest(1).get(0).toState());
            assertEquals(1, store.query(null, null, null, "RX", 2, "op1", 10).size(), "by area, priority and user");
            assertEquals(2, store.query(0L, 10_000L, "RX.R201.TT", null, null, null, 10).size(), "by time and tag");
            assertEquals(0, store.query(null, null, null, "TF", null, null, 10).size(), "other area");
            assertEquals(0, store.query(1500L, null, null, null, null, "system", 10).size(), "user and time");
        }
    }

    @Test
    void fileThatIsNotADatabaseIsReportedAndKept() throws Exception {
        Path file = dir.resolve("vigil.db");
        byte[] junk = "this is not a database, but somebody's notes".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, junk);
        DatabaseException e = assertThrows(DatabaseException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a Vigil database"), e.getMessage());
        assertArrayEquals(junk, Files.readAllBytes(file), "file untouched");
    }

    @Test
    void databaseFromNewerVigilIsRefused() throws Exception {
        Path file = dir.resolve("vigil.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        DatabaseException e = assertThrows(DatabaseException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("newer Vigil"), e.getMessage());
    }

    @Test
    void unwritableDirectoryIsReported() throws Exception {
        Path blocker = dir.resolve("plain-file");
        Files.writeString(blocker, "x");
        DatabaseException e = assertThrows(DatabaseException.class, () -> Database.open(blocker.resolve("sub/vigil.db")));
        assertTrue(e.getMessage().contains("cannot create the data directory"), e.getMessage());
    }
}
