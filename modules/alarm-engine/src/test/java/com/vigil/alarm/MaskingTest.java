package com.vigil.alarm;

import static com.vigil.alarm.Fixture.ENG;
import static com.vigil.alarm.Fixture.OP;
import static com.vigil.alarm.Fixture.SL;
import static com.vigil.alarm.Fixture.SM;
import static com.vigil.alarm.Fixture.high;
import static com.vigil.model.AlarmState.ACKED;
import static com.vigil.model.AlarmState.NORMAL;
import static com.vigil.model.AlarmState.OUT_OF_SERVICE;
import static com.vigil.model.AlarmState.SHELVED;
import static com.vigil.model.AlarmState.SUPPRESSED;
import static com.vigil.model.AlarmState.UNACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Priority;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Shelved, suppressed by design, out of service. */
class MaskingTest {
    static final String A = "T1:H";

    @Test
    void shelveAndAutomaticUnshelveWhileStillActive() {
        Fixture f = new Fixture(high("T1", 90).build());
        f.value("T1", 95);
        ActionResult r = f.engine.shelve(A, OP, Duration.ofMinutes(30), "sensor drifting, WO-4711");
        assertTrue(r.accepted(), r.reason());
        assertEquals(SHELVED, r.state());
        assertEquals(SHELVED, f.state(A));
        AlarmView v = f.view(A);
        assertEquals(Fixture.T0.plus(Duration.ofMinutes(30)), v.shelvedUntil());
        assertTrue(v.stateReason().contains("WO-4711"));
        assertEquals(UNACK, f.last().fromState());
        assertEquals(1, f.engine.health().shelved());
        f.engine.tick();
        assertEquals(Optional.of(Fixture.T0.plus(Duration.ofMinutes(30))), f.engine.nextDeadline());
        f.advance(Duration.ofMinutes(5)).value("T1", 50).value("T1", 99);
        assertEquals(SHELVED, f.state(A), "no annunciation while shelved");
        f.tickAfter(Duration.ofMinutes(24));
        assertEquals(SHELVED, f.state(A));
        f.tickAfter(Duration.ofMinutes(1));
        assertEquals(UNACK, f.state(A), "still active at expiry: annunciated again");
        JournalEntry e = f.last();
        assertEquals(JournalEvent.AUTO_UNSHELVE, e.event());
        assertEquals(SHELVED, e.fromState());
        assertEquals("system", e.user());
        assertEquals(Fixture.T0.plus(Duration.ofMinutes(30)), e.time());
        assertNull(f.view(A).shelvedUntil());
    }

    @Test
    void automaticUnshelveToNormal() {
        Fixture f = new Fixture(high("T1", 90).build());
        f.engine.shelve(A, OP, Duration.ofMinutes(10), "test");
        f.tickAfter(Duration.ofMinutes(11));
        assertEquals(NORMAL, f.state(A));
        assertEquals(SHELVED, f.last().fromState());
        assertEquals(NORMAL, f.last().toState());
    }

    @Test
    void manualUnshelve() {
        Fixture f = new Fixture(high("T1", 90).build());
        f.value("T1", 95);
        f.engine.shelve(A, OP, Duration.ofMinutes(10), "test");
        assertTrue(f.engine.unshelve(A, Fixture.OP2, "back").accepted());
        assertEquals(UNACK, f.state(A));
        assertFalse(f.engine.unshelve(A, OP, "").accepted());
    }

    @Test
    void shelveRules() {
        Fixture f = new Fixture(high("T1", 90).priority(Priority.GRADE_1).build(),
                high("T2", 90).build());
        assertEquals("shelving needs a reason", f.engine.shelve("T2:H", OP, Duration.ofMinutes(5), " ").reason());
        assertFalse(f.engine.shelve("T2:H", OP, Duration.ZERO, "x").accepted());
        assertTrue(f.engine.shelve("T2:H", OP, Duration.ofHours(13), "x").reason().contains("maximum"));
        ActionResult g1 = f.engine.shelve(A, OP, Duration.ofMinutes(5), "x");
        assertFalse(g1.accepted());
        assertTrue(g1.reason().startsWith("OPERATOR may not shelve GRADE_1 alarms"), g1.reason());
        assertFalse(f.engine.shelve(A, ENG, Duration.ofMinutes(5), "x").accepted());
        assertTrue(f.engine.shelve(A, SL, Duration.ofMinutes(5), "x").accepted());
        assertTrue(f.engine.shelve(A, SM, Duration.ofMinutes(5), "x").reason().startsWith("already shelved"));
    }

    @Test
    void outOfServiceAndReturn() {
        Fixture f = new Fixture(high("T1", 90).build());
        f.value("T1", 95);
        assertFalse(f.engine.removeFromService(A, OP, "maintenance").accepted());
        assertEquals("out of service needs a reason", f.engine.removeFromService(A, ENG, "").reason());
        assertTrue(f.engine.removeFromService(A, ENG, "transmitter replaced, WO-1").accepted());
        assertEquals(OUT_OF_SERVICE, f.state(A));
        assertEquals(1, f.engine.health().outOfService());
        assertEquals("alarm is out of service", f.engine.shelve(A, SL, Duration.ofMinutes(5), "x").reason());
        assertFalse(f.engine.acknowledge(A, OP, "").accepted());
        f.value("T1", 50);
        assertEquals(OUT_OF_SERVICE, f.state(A));
        assertTrue(f.engine.returnToService(A, SL, "done").accepted());
        assertEquals(NORMAL, f.state(A));
        f.engine.removeFromService(A, SM, "again");
        f.value("T1", 99);
        assertTrue(f.engine.returnToService(A, ENG, "done").accepted());
        assertEquals(UNACK, f.state(A), "active on return: annunciated");
        assertEquals(OUT_OF_SERVICE, f.last().fromState());
        assertEquals(UNACK, f.last().toState());
    }

    @Test
    void suppressedByDesignWhileUnitShutDown() {
        Fixture f = new Fixture(high("T1", 90).suppressWhen("UNIT1.DOWN", 1).build());
        f.value("T1", 95);
        f.engine.acknowledge(A, OP, "");
        f.value("UNIT1.DOWN", 1);
        assertEquals(SUPPRESSED, f.state(A));
        assertEquals(JournalEvent.SUPPRESS, f.last().event());
        assertEquals(ACKED, f.last().fromState());
        assertTrue(f.last().comment().contains("UNIT1.DOWN=1"));
        f.value("T1", 50).value("T1", 96);
        assertEquals(SUPPRESSED, f.state(A));
        assertEquals("suppressed by design condition UNIT1.DOWN; cannot be lifted by hand",
                f.engine.unsuppress(A, ENG, "").reason());
        f.value("UNIT1.DOWN", 0);
        assertEquals(UNACK, f.state(A), "condition active when the unit starts: annunciated");
        assertEquals(JournalEvent.UNSUPPRESS, f.last().event());
    }

    @Test
    void manualSuppression() {
        Fixture f = new Fixture(high("T1", 90).build());
        f.value("T1", 95);
        assertFalse(f.engine.suppress(A, OP, "unit down").accepted());
        assertTrue(f.engine.suppress(A, ENG, "unit down").accepted());
        assertEquals(SUPPRESSED, f.state(A));
        assertEquals(1, f.engine.health().suppressed());
        f.value("T1", 50);
        assertTrue(f.engine.unsuppress(A, SL, "unit up").accepted());
        assertEquals(NORMAL, f.state(A));
    }

    @Test
    void precedenceOutOfServiceOverSuppressedOverShelved() {
        Fixture f = new Fixture(high("T1", 90).build());
        f.engine.shelve(A, OP, Duration.ofMinutes(10), "x");
        f.engine.suppress(A, ENG, "y");
        assertEquals(SUPPRESSED, f.state(A));
        f.engine.removeFromService(A, ENG, "z");
        assertEquals(OUT_OF_SERVICE, f.state(A));
        f.engine.returnToService(A, ENG, "");
        assertEquals(SUPPRESSED, f.state(A));
        f.tickAfter(Duration.ofMinutes(10));
        assertEquals(SUPPRESSED, f.state(A), "shelve expired underneath");
        f.engine.unsuppress(A, ENG, "");
        assertEquals(NORMAL, f.state(A));
    }
}
