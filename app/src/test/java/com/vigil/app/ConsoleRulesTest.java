package com.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.accounts.AccessDeniedException;
import com.vigil.accounts.AccountPolicy;
import com.vigil.accounts.AuditEntry;
import com.vigil.accounts.AuditFilter;
import com.vigil.accounts.DemoAccounts;
import com.vigil.model.Role;
import com.vigil.accounts.Session;
import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.AlarmView;
import com.vigil.alarm.InMemoryAlarmJournal;
import com.vigil.alarm.ManualClock;
import com.vigil.app.runtime.AccountsWiring;
import com.vigil.app.runtime.CompositeRuleAlarms;
import com.vigil.app.runtime.ConsoleRuleAdmin;
import com.vigil.app.runtime.RuleBook;
import com.vigil.model.Sample;
import com.vigil.persistence.db.Database;
import com.vigil.persistence.rules.ConsoleRuleRow;
import com.vigil.persistence.rules.ConsoleRuleStore;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules written in the console: checked against the plant, saved with a comment in the audit trail, running at once
 * on this console and, after a poll, on a second console on the same database file; switching one off clears its
 * alarm everywhere; a save over another console's newer change is refused; a rule this plant cannot run is shown
 * with its reason instead of stopping the others.
 */
class ConsoleRulesTest {
    static final PlantDefinition PLANT = PlantFiles.demo();
    static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path dir;

    /** One console: its own alarm engine and rules over the shared database file. */
    record Console(Database db, AlarmEngine engine, RuleBook book) implements AutoCloseable {
        static Console open(Path file) {
            Database db = Database.open(file);
            AlarmEngine engine = new AlarmEngine(AlarmConfig.fromPlant(PLANT.plant()), new ManualClock(Instant.ofEpochMilli(T0)),
                    new InMemoryAlarmJournal());
            RuleBook book = new RuleBook(engine, PLANT, uncheck(() -> CompositeRuleAlarms.compile(PLANT)));
            book.attach(new ConsoleRuleStore(db));
            return new Console(db, engine, book);
        }

        void feed(int second, double temp) {
            book.rules().onBatch(List.of(Sample.good("RX.R201.TT", T0 + second * 1000L, temp),
                    Sample.good("RX.R201.CWF", T0 + second * 1000L, 60)));
        }

        Optional<AlarmView> alarm(String ruleId) {
            return engine.activeAlarms().stream().filter(a -> a.id().equals(CompositeRuleAlarms.ID_PREFIX + ruleId)).findFirst();
        }

        @Override
        public void close() {
            db.close();
        }
    }

    interface Call<T> {
        T get() throws Exception;
    }

    static <T> T uncheck(Call<T> c) {
        try {
            return c.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ConsoleRuleAdmin.Draft draft(String id, String when, boolean on, long base) {
        return new ConsoleRuleAdmin.Draft(id, when, 2, null, "R-201 过热", "R-201 hot", "", "Check the cooling water",
                on, base);
    }

    @Test
    void aRuleSavedOnOneConsoleRunsOnBothAndSwitchingItOffClearsItsAlarm() throws Exception {
        Path file = dir.resolve("vigil.db");
        try (Console a = Console.open(file); Console b = Console.open(file)) {
            AccountsWiring.Accounts acc = AccountsWiring.open(a.db(), Clock.systemUTC(), AccountPolicy.defaults());
            acc.service().prepareDemo();
            Session engineer = acc.service().loginDemo(DemoAccounts.userName(Role.ENGINEER)).session();
            Session operator = acc.service().loginDemo(DemoAccounts.userName(Role.OPERATOR)).session();
            ConsoleRuleAdmin admin = new ConsoleRuleAdmin(a.book());

            ConsoleRuleAdmin.Draft hot = draft("r201-hot", "RX.R201.TT > 170 for 5s", true, 0);
            assertThrows(AccessDeniedException.class, () -> admin.save(acc.service(), operator, hot, "try"),
                    "operators do not write rules");
            assertThrows(IllegalArgumentException.class, () -> admin.save(acc.service(), engineer, hot, " "),
                    "a comment is required");
            assertTrue(new ConsoleRuleStore(a.db()).all().isEmpty(), "nothing saved");

            ConsoleRuleRow saved = admin.save(acc.service(), engineer, hot, "R-201 runs hot after the catalyst change");
            assertEquals(1, saved.revision());
            assertTrue(a.book().rules().ids().contains("r201-hot"), "running here at once");
            assertFalse(b.book().rules().ids().contains("r201-hot"), "the other console has not looked yet");
            b.book().poll();
            assertTrue(b.book().rules().ids().contains("r201-hot"), "the other console runs it after its poll");
            assertEquals(5, b.book().rules().ids().size(), "the plant file's four rules and this one");

            for (int s = 0; s <= 6; s++) {
                a.feed(s, 180);
                b.feed(s, 180);
            }
            AlarmView onB = b.alarm("r201-hot").orElseThrow(() -> new AssertionError("raised on the second console"));
            assertTrue(onB.active());
            assertEquals(2, onB.priority().grade());
            assertEquals("RX.R201.TT", onB.tag());
            assertEquals("Check the cooling water", onB.guidance());
            assertEquals("R-201 hot", b.book().def("r201-hot").orElseThrow().message("en"));
            assertTrue(a.alarm("r201-hot").orElseThrow().active());

            // the grade changes while it is raised: cleared and raised again with the new grade, on both consoles
            admin.save(acc.service(), engineer, new ConsoleRuleAdmin.Draft("r201-hot", "RX.R201.TT > 170 for 5s", 1, null,
                    "R-201 过热", "R-201 hot", "", "Check the cooling water", true, 1), "it is worse than we thought");
            b.book().poll();
            assertFalse(b.alarm("r201-hot").map(AlarmView::active).orElse(false), "cleared, waiting its 5 s again");
            // the cleared occurrence keeps its grade 2 until it is acknowledged and confirmed (its tier chain)
            for (Console c : List.of(a, b)) {
                assertTrue(c.engine().acknowledge("RULE:r201-hot", new com.vigil.model.Actor("op", Role.OPERATOR), null).accepted());
                assertTrue(c.engine().confirm("RULE:r201-hot", new com.vigil.model.Actor("sl", Role.SHIFT_LEADER), "seen").accepted());
            }
            for (int s = 7; s <= 13; s++) {
                a.feed(s, 180);
                b.feed(s, 180);
            }
            assertEquals(1, b.alarm("r201-hot").orElseThrow().priority().grade(), "raised again with grade 1");
            assertEquals(1, a.alarm("r201-hot").orElseThrow().priority().grade());

            // the engineer switches it off on console A: cleared there at once, on B after its poll
            admin.save(acc.service(), engineer, draft("r201-hot", "RX.R201.TT > 170 for 5s", false, 2), "nuisance during start-up");
            assertFalse(a.alarm("r201-hot").map(AlarmView::active).orElse(false), "cleared on A");
            b.book().poll();
            assertFalse(b.alarm("r201-hot").map(AlarmView::active).orElse(false), "cleared on B");
            assertFalse(b.book().rules().ids().contains("r201-hot"));
            assertEquals("R-201 hot", b.book().def("r201-hot").orElseThrow().message("en"),
                    "a switched-off rule keeps its texts for the alarm history");

            // an edit based on an old revision (another console saved since) is refused and audited FAILED
            assertThrows(ConsoleRuleStore.ConcurrentRuleChangeException.class, () -> admin.save(acc.service(), engineer,
                    draft("r201-hot", "RX.R201.TT > 150", true, 2), "stale editor"));
            assertEquals("RX.R201.TT > 170 for 5s", new ConsoleRuleStore(b.db()).find("r201-hot").orElseThrow().when());

            List<AuditEntry> changes = acc.service().audit().find(new AuditFilter(null, null, null, Set.of("CONFIG_CHANGE")), 10);
            assertEquals(List.of("REFUSED", "DONE", "DONE", "DONE", "FAILED"), changes.stream().map(AuditEntry::outcome).toList(),
                    changes.toString());
            assertEquals("composite rule r201-hot", changes.get(1).target());
            assertEquals("none", changes.get(1).before());
            assertTrue(changes.get(1).after().startsWith("on, grade 2, when: RX.R201.TT > 170 for 5s"), changes.get(1).after());
            assertTrue(changes.get(2).after().startsWith("on, grade 1, "), changes.get(2).after());
            assertTrue(changes.get(3).after().startsWith("off, "), changes.get(3).after());
            assertTrue(changes.get(3).after().contains("guidance:  / Check the cooling water"), changes.get(3).after());
            assertEquals("nuisance during start-up", changes.get(3).comment());
            assertTrue(acc.service().audit().verify().ok());
        }
    }

    @Test
    void draftsAreCheckedAgainstThePlantWithTheConditionsLineAndColumn() throws Exception {
        try (Console a = Console.open(dir.resolve("vigil.db"))) {
            ConsoleRuleAdmin admin = new ConsoleRuleAdmin(a.book());
            ConsoleRuleAdmin.DraftProblem syntax = assertThrows(ConsoleRuleAdmin.DraftProblem.class,
                    () -> admin.check(draft("x", "RX.R201.TT > 170 and\n  rate(RX.R201.TT 5m) > 0.5", true, 0)));
            assertEquals(ConsoleRuleAdmin.DraftProblem.Kind.RULE, syntax.kind());
            assertEquals(CompositeRuleAlarms.RuleProblem.Kind.SYNTAX, syntax.rule().kind());
            assertEquals(2, syntax.rule().line());
            assertEquals(19, syntax.rule().column());
            assertEquals("',' and a time window, e.g. rate(RX.R201.TT, 5m)", syntax.rule().expected());
            ConsoleRuleAdmin.DraftProblem tag = assertThrows(ConsoleRuleAdmin.DraftProblem.class,
                    () -> admin.check(draft("x", "RX.R201.TT > 1 and RX.R209.TT > 1", true, 0)));
            assertEquals(CompositeRuleAlarms.RuleProblem.Kind.UNKNOWN_TAG, tag.rule().kind());
            assertEquals("RX.R209.TT", tag.rule().tag());
            assertEquals(20, tag.rule().column());
            assertEquals(ConsoleRuleAdmin.DraftProblem.Kind.ID_IN_PLANT_FILE, assertThrows(ConsoleRuleAdmin.DraftProblem.class,
                    () -> admin.check(draft("reactor-hot-unattended", "RX.R201.TT > 1", true, 0))).kind());
            assertEquals(ConsoleRuleAdmin.DraftProblem.Kind.ID_INVALID, assertThrows(ConsoleRuleAdmin.DraftProblem.class,
                    () -> admin.check(draft("hot rule", "RX.R201.TT > 1", true, 0))).kind());
            assertEquals(ConsoleRuleAdmin.DraftProblem.Kind.NO_MESSAGE, assertThrows(ConsoleRuleAdmin.DraftProblem.class,
                    () -> admin.check(new ConsoleRuleAdmin.Draft("x", "RX.R201.TT > 1", 2, null, " ", "", null, null, true, 0))).kind());
            assertEquals(CompositeRuleAlarms.RuleProblem.Kind.NO_PLANT_TAG, assertThrows(ConsoleRuleAdmin.DraftProblem.class,
                    () -> admin.check(draft("x", "not operator_present", true, 0))).rule().kind());
            assertEquals(CompositeRuleAlarms.RuleProblem.Kind.UNKNOWN_DISPLAY_TAG, assertThrows(ConsoleRuleAdmin.DraftProblem.class,
                    () -> admin.check(new ConsoleRuleAdmin.Draft("x", "RX.R201.TT > 1", 2, "RX.R201.XX", "m", "", null, null, true, 0))).rule().kind());
            assertEquals("RX.R201.TT", admin.check(draft("x", "RX.R201.TT > 1 and RX.R201.CWF < 40", true, 0)).valueTag());
        }
    }

    @Test
    void aStoredRuleThisPlantCannotRunIsShownWithItsReasonAndTheOthersRun() throws Exception {
        try (Console a = Console.open(dir.resolve("vigil.db"))) {
            ConsoleRuleStore store = new ConsoleRuleStore(a.db());
            // written by a console whose plant file had a tag this one lacks
            store.save(new ConsoleRuleRow("other-plant", "XX.T1.TT > 3", 3, null, null, "other plant", null, null, true, 0, "eng", 1), 0);
            store.save(new ConsoleRuleRow("fine", "RX.R202.TT > 170", 3, null, null, "fine", null, null, true, 0, "eng", 1), 0);
            // written where the plant file had no rule of that id
            store.save(new ConsoleRuleRow("reactor-hot-unattended", "RX.R201.TT > 3", 3, null, null, "twin", null, null,
                    true, 0, "eng", 1), 0);
            a.book().reload();
            assertEquals(CompositeRuleAlarms.RuleProblem.Kind.ID_IN_PLANT_FILE,
                    a.book().problems().get("reactor-hot-unattended").kind());
            assertEquals(1, a.book().rules().ids().stream().filter("reactor-hot-unattended"::equals).count(),
                    "the plant file's rule runs, once");
            assertTrue(a.book().rules().ids().contains("fine"));
            assertFalse(a.book().rules().ids().contains("other-plant"));
            assertTrue(a.book().problems().get("other-plant").getMessage().contains("unknown tag 'XX.T1.TT'"),
                    a.book().problems().toString());

            // this console can still switch it off (it parses; the plant's tags are not asked of a rule that is off)
            AccountsWiring.Accounts acc = AccountsWiring.open(a.db(), Clock.systemUTC(), AccountPolicy.defaults());
            acc.service().prepareDemo();
            Session engineer = acc.service().loginDemo(DemoAccounts.userName(Role.ENGINEER)).session();
            ConsoleRuleAdmin admin = new ConsoleRuleAdmin(a.book());
            ConsoleRuleAdmin.Draft off = new ConsoleRuleAdmin.Draft("other-plant", "XX.T1.TT > 3", 3, null, null,
                    "other plant", null, null, false, 1);
            assertEquals(null, admin.check(off), "parses, off, not runnable here");
            admin.save(acc.service(), engineer, off, "not for this plant");
            assertFalse(store.find("other-plant").orElseThrow().enabled());
            assertFalse(a.book().problems().containsKey("other-plant"));
            assertThrows(ConsoleRuleAdmin.DraftProblem.class, () -> admin.check(new ConsoleRuleAdmin.Draft("other-plant",
                    "XX.T1.TT >", 3, null, null, "other plant", null, null, false, 2)), "off, but it must still parse");
        }
    }
}
