package com.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.app.runtime.SitePresence;
import com.vigil.model.Sample;
import com.vigil.persistence.db.Database;
import com.vigil.persistence.presence.ConsolePresenceStore;
import com.vigil.warning.online.OnlineCompositeRules;
import com.vigil.warning.rules.RuleParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code operator_present} is site-wide: two consoles on one SQLite file, an operator signed in at A keeps the rule
 * "hot and not operator_present for 2m" quiet on B; it raises on B once A's operator signs out, or once A stops
 * beating (killed), judged on B's own clock; a row a killed console left behind never counts.
 */
class SitePresenceTest {
    static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path dir;

    /** One console: its rules, its presence, its own monotonic clock. */
    static final class Console implements AutoCloseable {
        final Database db;
        final List<String> events = new ArrayList<>();
        final OnlineCompositeRules rules;
        final AtomicLong clock = new AtomicLong();
        final SitePresence presence;

        Console(Path file, String id) throws Exception {
            db = Database.open(file);
            rules = new OnlineCompositeRules(List.of(new OnlineCompositeRules.Definition("unattended",
                    RuleParser.parse("temp > 80 and not operator_present for 2m"))), new OnlineCompositeRules.Sink() {
                @Override
                public void raise(String ruleId, long timeMillis, double value) {
                    events.add("raise " + ruleId);
                }

                @Override
                public void clear(String ruleId, long timeMillis) {
                    events.add("clear " + ruleId);
                }
            });
            presence = new SitePresence(id, "ws-" + id, rules, clock::get, () -> T0 + clock.get());
            presence.attach(new ConsolePresenceStore(db));
        }

        /** {@code seconds} pass: a beat every 5 s, the hot temperature every second. */
        void run(int seconds) {
            for (int i = 0; i < seconds; i++) {
                long t = clock.addAndGet(1000);
                if (t % SitePresence.BEAT_MILLIS == 0) {
                    presence.beat();
                }
                rules.onBatch(List.of(Sample.good("temp", T0 + t, 90)));
            }
        }

        @Override
        public void close() {
            db.close();
        }
    }

    @Test
    void anOperatorAtAnotherConsoleCountsUntilSignedOutOrSilent() throws Exception {
        Path file = dir.resolve("vigil.db");
        try (Console a = new Console(file, "A"); Console b = new Console(file, "B")) {
            a.presence.local(true, "zhang");
            assertTrue(a.presence.sitePresent());
            assertFalse(b.presence.sitePresent(), "B has not seen A's beat yet");
            for (int i = 0; i < 36; i++) { // 3 min side by side
                a.run(5);
                b.run(5);
            }
            assertTrue(b.presence.sitePresent(), "zhang at A counts on B");
            assertEquals(List.of(new SitePresence.Present("A", "ws-A", "zhang", false)), b.presence.present());
            assertEquals(List.of(), b.events, "no alarm on B while zhang is at A, past the 2 min");
            assertEquals(List.of(), a.events);

            a.presence.local(false, null); // zhang signs out
            for (int i = 0; i < 30; i++) {
                a.run(5);
                b.run(5);
            }
            assertFalse(b.presence.sitePresent());
            assertEquals(List.of("raise unattended"), b.events, "nobody anywhere for 2 min: raised on B");
            assertEquals(List.of("raise unattended"), a.events, "and on A");

            b.presence.local(true, "li");
            b.run(1);
            assertEquals(List.of(new SitePresence.Present("B", "ws-B", "li", true)), b.presence.present());
            b.run(4); // B's next beat writes li
            a.run(5);
            assertTrue(a.presence.sitePresent(), "li at B counts on A at A's next beat");
            b.run(1);
            for (int i = 0; i < 25; i++) { // a rule clears after its condition has been false for its for time
                a.run(5);
                b.run(5);
            }
            assertEquals(List.of("raise unattended", "clear unattended"), a.events);

            // B is killed: its row stays, its beat stops moving; A drops it 30 s (own clock) after it last saw it move
            a.run(25);
            assertTrue(a.presence.sitePresent(), "25 s without a beat: still counted");
            a.run(15);
            assertFalse(a.presence.sitePresent(), "40 s without a beat (over 30 s since A last saw it move): dropped");
            assertEquals(List.of(), a.presence.present());
        }
    }

    @Test
    void aRowLeftByAKilledConsoleNeverCountsAndALeavingConsoleIsDroppedAtOnce() throws Exception {
        Path file = dir.resolve("vigil.db");
        try (Database db = Database.open(file)) {
            new ConsolePresenceStore(db).beat("dead", "ws-9", "wang", true, T0); // written before a crash
        }
        try (Console a = new Console(file, "A"); Console b = new Console(file, "B")) {
            a.run(60);
            assertFalse(a.presence.sitePresent(), "wang's row never moves: not counted");
            b.presence.local(true, "li");
            b.run(5);
            a.run(5);
            assertFalse(a.presence.sitePresent(), "A sees B for the first time: counted once its beat moves");
            b.run(5);
            a.run(5);
            assertTrue(a.presence.sitePresent());
            b.presence.leave();
            a.run(5);
            assertFalse(a.presence.sitePresent(), "B closed normally: dropped at the next beat");
        }
    }

    @Test
    void aHungDatabaseCannotKeepAnotherConsoleCountedAndADayOldRowIsRemoved() throws Exception {
        Path file = dir.resolve("vigil.db");
        try (Console a = new Console(file, "A"); Console b = new Console(file, "B")) {
            b.presence.local(true, "li");
            for (int i = 0; i < 3; i++) {
                b.run(5);
                a.run(5);
            }
            assertTrue(a.presence.sitePresent());
            assertTrue(a.rules.variable(OnlineCompositeRules.OPERATOR_PRESENT).orElseThrow());
            // A's beats stop (its database hangs): its timer still refreshes the value, and B ages out
            a.clock.addAndGet(SitePresence.STALE_MILLIS + 1000);
            a.presence.refresh();
            assertFalse(a.presence.sitePresent(), "not counted on a frozen view");
            assertFalse(a.rules.variable(OnlineCompositeRules.OPERATOR_PRESENT).orElseThrow(),
                    "and the rules see it without a beat");

            // B is killed; a day later (A's clock) A removes its row
            a.run(5);
            a.clock.addAndGet(SitePresence.PRUNE_AFTER_MILLIS);
            a.run(5);
            try (Database db = Database.open(file)) {
                assertEquals(List.of("A"), new ConsolePresenceStore(db).all().stream()
                        .map(com.vigil.persistence.presence.ConsolePresenceRow::consoleId).toList());
            }
        }
    }
}
