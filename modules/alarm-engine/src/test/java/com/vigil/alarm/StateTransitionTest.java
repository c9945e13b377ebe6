package com.vigil.alarm;

import static com.vigil.alarm.Fixture.OP;
import static com.vigil.alarm.Fixture.SL;
import static com.vigil.alarm.Fixture.high;
import static com.vigil.model.AlarmState.ACKED;
import static com.vigil.model.AlarmState.LATCHED;
import static com.vigil.model.AlarmState.NORMAL;
import static com.vigil.model.AlarmState.RTN_UNACK;
import static com.vigil.model.AlarmState.UNACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Actor;
import com.vigil.model.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Normal / Unack / Acked / RTN-Unack / Latched transitions of ISA-18.2. */
class StateTransitionTest {
    static final String H = "T1:H";

    @Test
    void normalToUnackToAckedToNormal() {
        Fixture f = new Fixture(high("T1", 90).build());
        f.value("T1", 50);
        assertEquals(NORMAL, f.state(H));
        f.value("T1", 95);
        assertEquals(UNACK, f.state(H));
        JournalEntry act = f.last();
        assertEquals(JournalEvent.ACTIVATE, act.event());
        assertEquals(NORMAL, act.fromState());
        assertEquals(UNACK, act.toState());
        assertEquals(95, act.value());
        assertEquals("system", act.user());
        assertEquals(95, f.view(H).valueAtActivation());
        assertEquals(Fixture.T0, f.view(H).activationTime());

        assertTrue(f.engine.acknowledge(H, OP, "seen").accepted());
        assertEquals(ACKED, f.state(H));
        assertEquals(JournalEvent.ACK, f.last().event());
        assertEquals("olga", f.last().user());
        assertEquals(Role.OPERATOR, f.last().role());
        assertEquals("seen", f.last().comment());

        f.value("T1", 80);
        assertEquals(NORMAL, f.state(H));
        assertEquals(JournalEvent.CLEAR, f.last().event());
        assertEquals(ACKED, f.last().fromState());
        assertTrue(f.engine.activeAlarms().isEmpty());
    }

    @Test
    void unackToRtnUnackToNormalByAck() {
        Fixture f = new Fixture(high("T1", 90).build());
        f.value("T1", 95).value("T1", 80);
        assertEquals(RTN_UNACK, f.state(H));
        assertEquals(1, f.engine.activeAlarms().size());
        assertTrue(f.engine.acknowledge(H, OP, "").accepted());
        assertEquals(NORMAL, f.state(H));
        assertEquals(RTN_UNACK, f.last().fromState());
        assertEquals(NORMAL, f.last().toState());
    }

    @Test
    void rtnUnackBackToUnackWhenConditionReturns() {
        Fixture f = new Fixture(high("T1", 90).build());
        f.value("T1", 95).value("T1", 80).value("T1", 96);
        assertEquals(UNACK, f.state(H));
        assertEquals(RTN_UNACK, f.last().fromState());
        assertEquals(2, f.view(H).occurrences());
    }

    @Test
    void ackRefusedWhenNothingToAcknowledge() {
        Fixture f = new Fixture(high("T1", 90).build());
        ActionResult r = f.engine.acknowledge(H, OP, "");
        assertFalse(r.accepted());
        assertTrue(r.reason().contains("nothing to acknowledge"), r.reason());
        assertEquals("nothing to acknowledge (state NORMAL)", f.last().refusal());
        f.value("T1", 95);
        f.engine.acknowledge(H, OP, "");
        assertFalse(f.engine.acknowledge(H, Fixture.OP2, "").accepted());
    }

    @Test
    void unknownAlarmIsRefusedWithoutJournal() {
        Fixture f = new Fixture(high("T1", 90).build());
        ActionResult r = f.engine.acknowledge("nope", OP, "");
        assertFalse(r.accepted());
        assertEquals("unknown alarm nope", r.reason());
        assertEquals(0, f.journal.size());
    }

    @Test
    void latchedAlarmNeedsAckAndReset() {
        Fixture f = new Fixture(high("T1", 90).latching(true).build());
        f.value("T1", 95);
        assertEquals(UNACK, f.state(H));
        assertFalse(f.engine.reset(H, OP, "").accepted(), "reset while active");
        f.value("T1", 50);
        assertEquals(LATCHED, f.state(H));
        assertFalse(f.view(H).acknowledged());
        ActionResult early = f.engine.reset(H, OP, "");
        assertFalse(early.accepted());
        assertEquals("acknowledge before reset", early.reason());
        assertTrue(f.engine.acknowledge(H, OP, "").accepted());
        assertEquals(LATCHED, f.state(H));
        assertTrue(f.engine.reset(H, OP, "checked").accepted());
        assertEquals(NORMAL, f.state(H));
        assertEquals(JournalEvent.RESET, f.last().event());
        assertEquals(LATCHED, f.last().fromState());
    }

    @Test
    void latchedAckedWhileActiveGoesToLatchedOnClear() {
        Fixture f = new Fixture(high("T1", 90).latching(true).build());
        f.value("T1", 95);
        f.engine.acknowledge(H, OP, "");
        f.value("T1", 50);
        assertEquals(LATCHED, f.state(H));
        assertEquals(ACKED, f.last().fromState());
        f.value("T1", 95);
        assertEquals(UNACK, f.state(H), "re-activation from LATCHED annunciates again");
        assertFalse(f.engine.reset(H, new Actor("v", Role.VIEWER), "").accepted());
    }

    @Test
    void versionIncrementsOnChangesOnly() {
        Fixture f = new Fixture(high("T1", 90).build());
        long v0 = f.engine.version();
        f.value("T1", 50).value("T1", 60);
        assertEquals(v0, f.engine.version());
        f.value("T1", 95);
        long v1 = f.engine.version();
        assertTrue(v1 > v0);
        f.engine.acknowledge(H, SL, "");
        assertTrue(f.engine.version() > v1);
        long v2 = f.engine.version();
        f.engine.acknowledge(H, SL, "");
        assertEquals(v2, f.engine.version(), "a refusal changes nothing");
    }

    @Test
    void activeAlarmsSortedByPriorityThenNewest() {
        Fixture f = new Fixture(high("A", 1).priority(com.vigil.model.Priority.GRADE_4).build(),
                high("B", 1).priority(com.vigil.model.Priority.GRADE_1).build(),
                high("C", 1).priority(com.vigil.model.Priority.GRADE_4).build());
        f.value("A", 2);
        f.advance(Duration.ofSeconds(1));
        f.value("C", 2);
        f.advance(Duration.ofSeconds(1));
        f.value("B", 2);
        var ids = f.engine.activeAlarms().stream().map(AlarmView::id).toList();
        assertEquals(java.util.List.of("B:H", "C:H", "A:H"), ids);
        assertTrue(f.engine.activeAlarms() == f.engine.activeAlarms(), "snapshot cached while nothing changes");
    }
}
