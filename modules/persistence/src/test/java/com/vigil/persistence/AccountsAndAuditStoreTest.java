package com.vigil.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.persistence.accounts.UserAccountStore;
import com.vigil.persistence.accounts.UserRow;
import com.vigil.persistence.audit.AuditLogStore;
import com.vigil.persistence.audit.AuditRow;
import com.vigil.persistence.audit.AuditSeqTakenException;
import com.vigil.persistence.db.Database;
import com.vigil.persistence.db.DatabaseException;
import com.vigil.persistence.journal.AlarmJournalStore;
import com.vigil.persistence.journal.JournalRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsAndAuditStoreTest {
    @TempDir
    Path dir;

    private static AuditRow row(long seq, String user, String action) {
        return new AuditRow(null, seq, 1000L * seq, user, "OPERATOR", action, "DONE", "T" + seq, null, null, "c",
                "p" + seq, "h" + seq);
    }

    @Test
    void schemaOneIsMigratedToTwoKeepingTheJournal() throws Exception {
        Path file = dir.resolve("v1.db");
        // a database as the previous Vigil left it: schema 1 with one journal row
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE alarm_journal (id INTEGER PRIMARY KEY AUTOINCREMENT, time_ms INTEGER NOT NULL, "
                    + "alarm_id TEXT NOT NULL, tag TEXT NOT NULL, alarm_type TEXT NOT NULL, priority INTEGER NOT NULL, "
                    + "area TEXT, from_state TEXT NOT NULL, to_state TEXT NOT NULL, event TEXT NOT NULL, user_name TEXT, "
                    + "user_role TEXT, comment TEXT, tiers TEXT, refusal TEXT, value REAL)");
            st.execute("INSERT INTO alarm_journal (time_ms, alarm_id, tag, alarm_type, priority, from_state, to_state, "
                    + "event) VALUES (1, 'A:H', 'A', 'H', 2, 'NORMAL', 'UNACK', 'ACTIVATE')");
            st.execute("PRAGMA user_version = 1");
        }
        try (Database db = Database.open(file)) {
            assertEquals(1, new AlarmJournalStore(db).count());
            assertEquals(0, new AuditLogStore(db).count());
            assertTrue(new UserAccountStore(db).all().isEmpty());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertEquals(Database.SCHEMA_VERSION, rs.getInt(1));
        }
    }

    @Test
    void accountsRoundTripAndNamesIgnoreCase() {
        try (Database db = Database.open(dir.resolve("vigil.db"))) {
            UserAccountStore users = new UserAccountStore(db);
            users.insert(new UserRow("Li.Wei", "李伟", "OPERATOR", "$argon2id$x", false, true, 0, null, 5L, 1L));
            UserRow r = users.find("li.wei").orElseThrow();
            assertEquals("李伟", r.displayName());
            users.update(new UserRow("li.wei", "李伟", "SHIFT_LEADER", "$argon2id$y", false, true, 3, 99L, 6L, 1L));
            r = users.find("LI.WEI").orElseThrow();
            assertEquals("SHIFT_LEADER", r.role());
            assertEquals(3, r.failedAttempts());
            assertEquals(99L, r.lockedUntilMillis());
            assertEquals("Li.Wei", r.userName(), "the name is not changed by an update");
            assertThrows(DatabaseException.class, () -> users.insert(
                    new UserRow("LI.wei", "", "OPERATOR", "h", false, true, 0, null, null, 1L)), "unique ignoring case");
            assertFalse(r.toString().contains("argon2"));
        }
    }

    @Test
    void demoAccountsOnlyInADatabaseFlaggedDemo() {
        try (Database db = Database.open(dir.resolve("vigil.db"))) {
            UserAccountStore users = new UserAccountStore(db);
            UserRow demo = new UserRow("demo-operator", "Demo", "OPERATOR", null, true, true, 0, null, null, 1L);
            DatabaseException e = assertThrows(DatabaseException.class, () -> users.insert(demo));
            assertTrue(e.getMessage().contains("demo accounts exist only in a demo database"), e.getMessage());
            assertFalse(users.isDemoDatabase());
            users.markDemoDatabase();
            users.markDemoDatabase();
            assertTrue(users.isDemoDatabase());
            users.insert(demo);
            assertTrue(users.find("demo-operator").orElseThrow().demo());
        }
    }

    @Test
    void aDatabaseWithRealAccountsCannotBecomeDemo() {
        try (Database db = Database.open(dir.resolve("vigil.db"))) {
            UserAccountStore users = new UserAccountStore(db);
            users.insert(new UserRow("admin", "", "ADMIN", "$argon2id$x", false, true, 0, null, 1L, 1L));
            DatabaseException e = assertThrows(DatabaseException.class, users::markDemoDatabase);
            assertTrue(e.getMessage().contains("cannot become a demo database"), e.getMessage());
            assertFalse(users.isDemoDatabase());
        }
    }

    @Test
    void auditLogAppendsPagesAndFilters() {
        try (Database db = Database.open(dir.resolve("vigil.db"))) {
            AuditLogStore log = new AuditLogStore(db);
            for (int i = 1; i <= 5; i++) {
                log.append(row(i, i % 2 == 0 ? "op2" : "op1", i == 3 ? "LOGIN" : "ALARM_ACK"));
            }
            assertThrows(AuditSeqTakenException.class, () -> log.append(row(5, "x", "LOGIN")));
            assertEquals(5, log.count());
            assertEquals(5, log.head().orElseThrow().seq());
            assertEquals(List.of(3L, 4L, 5L), log.page(2, Long.MAX_VALUE, 10).stream().map(AuditRow::seq).toList());
            assertEquals(List.of(2L, 4L), log.find(null, null, "OP2", null, 0, 10).stream().map(AuditRow::seq).toList());
            assertEquals(List.of(3L), log.find(null, null, null, Set.of("LOGIN"), 0, 10).stream().map(AuditRow::seq)
                    .toList());
            assertEquals(List.of(2L, 3L), log.find(2000L, 4000L, null, null, 0, 10).stream().map(AuditRow::seq).toList());
            assertEquals(4L, log.seqOfHash("h4").orElseThrow());
            assertEquals("T2", log.bySeq(2).orElseThrow().target());
        }
    }

    @Test
    void auditLogRefusesUpdateAndDeleteEvenInPlainSql() throws Exception {
        Path file = dir.resolve("vigil.db");
        try (Database db = Database.open(file)) {
            new AuditLogStore(db).append(row(1, "op1", "LOGIN"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            SQLException u = assertThrows(SQLException.class, () -> st.execute("UPDATE audit_log SET comment = 'x'"));
            assertTrue(u.getMessage().contains("append-only"), u.getMessage());
            assertThrows(SQLException.class, () -> st.execute("DELETE FROM audit_log"));
        }
    }

    @Test
    void journalStillWorksNextToTheNewTables() {
        try (Database db = Database.open(dir.resolve("vigil.db"))) {
            new AlarmJournalStore(db).append(new JournalRecord(null, 1, "A:H", "A", "H", 2, null, "NORMAL", "UNACK",
                    "ACTIVATE", "system", "ADMIN", null, null, null, 1.0));
            assertEquals(1, new AlarmJournalStore(db).count());
        }
    }
}
