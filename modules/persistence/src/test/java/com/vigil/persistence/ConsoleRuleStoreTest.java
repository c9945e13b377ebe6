package com.vigil.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.persistence.db.Database;
import com.vigil.persistence.rules.ConsoleRuleRow;
import com.vigil.persistence.rules.ConsoleRuleStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleRuleStoreTest {
    @TempDir
    Path dir;

    static ConsoleRuleRow rule(String id, String when, boolean enabled, String by) {
        return new ConsoleRuleRow(id, when, 2, null, "反应器过热", "Reactor hot", null, "Check cooling", enabled, 0, by, 1000);
    }

    @Test
    void rulesAreSavedWithAGrowingRevisionAndSurviveReopening() {
        Path file = dir.resolve("vigil.db");
        try (Database db = Database.open(file)) {
            ConsoleRuleStore store = new ConsoleRuleStore(db);
            assertEquals(0, store.revision());
            ConsoleRuleRow a = store.save(rule("hot", "RX.R201.TT > 170", true, "eng"), 0);
            ConsoleRuleRow b = store.save(rule("cold", "RX.R201.TT < 20", true, "eng"), 0);
            assertEquals(1, a.revision());
            assertEquals(2, b.revision());
            ConsoleRuleRow a2 = store.save(rule("hot", "RX.R201.TT > 175 for 1m", false, "admin"), 1);
            assertEquals(3, a2.revision());
            assertEquals(3, store.revision());
        }
        try (Database db = Database.open(file)) {
            ConsoleRuleStore store = new ConsoleRuleStore(db);
            assertEquals(2, store.all().size());
            ConsoleRuleRow hot = store.find("hot").orElseThrow();
            assertEquals("RX.R201.TT > 175 for 1m", hot.when());
            assertFalse(hot.enabled(), "switched off, kept");
            assertEquals("admin", hot.changedBy());
            assertEquals("反应器过热", hot.messageZh());
            assertEquals("Check cooling", hot.guidanceEn());
        }
    }

    @Test
    void aSaveOverAnotherConsolesChangeIsRefusedAndWritesNothing() {
        try (Database db = Database.open(dir.resolve("vigil.db"))) {
            ConsoleRuleStore store = new ConsoleRuleStore(db);
            store.save(rule("hot", "RX.R201.TT > 170", true, "eng1"), 0);
            store.save(rule("hot", "RX.R201.TT > 171", true, "eng2"), 1); // the other console's save
            ConsoleRuleStore.ConcurrentRuleChangeException late = assertThrows(ConsoleRuleStore.ConcurrentRuleChangeException.class,
                    () -> store.save(rule("hot", "RX.R201.TT > 165", true, "eng1"), 1));
            assertTrue(late.getMessage().contains("changed by eng2"), late.getMessage());
            assertEquals("RX.R201.TT > 171", late.current().when());
            ConsoleRuleStore.ConcurrentRuleChangeException taken = assertThrows(ConsoleRuleStore.ConcurrentRuleChangeException.class,
                    () -> store.save(rule("hot", "RX.R201.TT > 1", true, "eng3"), 0));
            assertTrue(taken.getMessage().contains("exists already"), taken.getMessage());
            assertEquals("RX.R201.TT > 171", store.find("hot").orElseThrow().when());
            assertEquals(2, store.revision());
        }
    }

    @Test
    void aSchemaTwoDatabaseGetsTheRuleTable() throws Exception {
        Path file = dir.resolve("v2.db");
        try (Database db = Database.open(file)) {
            new ConsoleRuleStore(db).save(rule("x", "A > 1", true, "e"), 0);
        }
        // back to what the previous Vigil left: schema 2 without the table
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("DROP TABLE console_rule");
            st.execute("DROP TABLE console_presence");
            st.execute("PRAGMA user_version = 2");
        }
        try (Database db = Database.open(file)) {
            ConsoleRuleStore store = new ConsoleRuleStore(db);
            assertTrue(store.all().isEmpty());
            store.save(rule("x", "A > 2", true, "e"), 0);
            assertEquals(1, store.all().size());
        }
    }
}
