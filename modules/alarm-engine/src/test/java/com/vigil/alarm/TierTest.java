package com.vigil.alarm;

import static com.vigil.alarm.Fixture.MAINT;
import static com.vigil.alarm.Fixture.OP;
import static com.vigil.alarm.Fixture.SL;
import static com.vigil.alarm.Fixture.SM;
import static com.vigil.alarm.Fixture.VIEW;
import static com.vigil.alarm.Fixture.high;
import static com.vigil.model.AlarmState.ACKED;
import static com.vigil.model.AlarmState.NORMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Priority;
import com.vigil.model.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tiered acknowledgement, role refusals, escalation. */
class TierTest {
    static final String A = "T1:H";

    static Fixture grade(Priority p) {
        Fixture f = new Fixture(high("T1", 90).priority(p).build());
        f.value("T1", 95);
        return f;
    }

    @Test
    void grade3NeedsOnlyOperatorAck() {
        Fixture f = grade(Priority.GRADE_3);
        assertEquals(List.of(Role.OPERATOR), f.view(A).tiers().pending());
        f.engine.acknowledge(A, OP, "");
        assertTrue(f.view(A).tiers().complete());
        ActionResult r = f.engine.confirm(A, SL, "ok");
        assertFalse(r.accepted());
        assertEquals("GRADE_3 alarm needs no SHIFT_LEADER confirmation", r.reason());
        assertEquals("OP=olga", f.last().tiers());
    }

    @Test
    void grade2NeedsShiftLeaderConfirmation() {
        Fixture f = grade(Priority.GRADE_2);
        assertEquals(List.of(Role.OPERATOR, Role.SHIFT_LEADER), f.view(A).tiers().pending());
        ActionResult early = f.engine.confirm(A, SL, "");
        assertFalse(early.accepted());
        assertEquals("operator acknowledgement is due first", early.reason());
        assertTrue(f.engine.acknowledge(A, OP, "").accepted());
        assertEquals(List.of(Role.SHIFT_LEADER), f.view(A).tiers().pending());
        assertEquals("GRADE_2 alarm needs no SAFETY_MANAGER confirmation", f.engine.confirm(A, SM, "x").reason());
        assertFalse(f.engine.confirm(A, OP, "x").accepted());
        assertTrue(f.engine.confirm(A, SL, "").accepted(), "grade-2 confirmation comment is optional");
        assertEquals(ACKED, f.state(A));
        assertEquals(JournalEvent.CONFIRM, f.last().event());
        assertEquals("OP=olga SL=sam", f.last().tiers());
        assertEquals("already confirmed by sam", f.engine.confirm(A, SL, "").reason());
        assertTrue(f.view(A).tiers().complete());
    }

    @Test
    void grade1NeedsShiftLeaderAndSafetyManagerWithComments() {
        Fixture f = grade(Priority.GRADE_1);
        f.engine.acknowledge(A, OP, "");
        ActionResult noComment = f.engine.confirm(A, SL, " ");
        assertFalse(noComment.accepted());
        assertTrue(noComment.reason().contains("comment"));
        JournalEntry refused = f.last();
        assertEquals("sam", refused.user());
        assertEquals(noComment.reason(), refused.refusal());
        assertFalse(f.engine.confirm(A, SM, "").accepted());
        assertTrue(f.engine.confirm(A, SM, "evacuate area B").accepted(), "confirmations in any order");
        assertEquals(List.of(Role.SHIFT_LEADER), f.view(A).tiers().pending());
        assertTrue(f.engine.confirm(A, SL, "isolate feed").accepted());
        assertTrue(f.view(A).tiers().complete());
        TierStep sm = f.view(A).tiers().steps().get(2);
        assertEquals("sara", sm.user());
        assertEquals("evacuate area B", sm.comment());
    }

    @Test
    void confirmationStillDueAfterReturnToNormalKeepsAlarmListed() {
        Fixture f = grade(Priority.GRADE_2);
        f.engine.acknowledge(A, OP, "");
        f.value("T1", 50);
        assertEquals(NORMAL, f.state(A));
        assertEquals(1, f.engine.activeAlarms().size(), "listed until the shift leader confirms");
        assertEquals(1, f.engine.health().awaitingConfirmation());
        assertTrue(f.engine.confirm(A, SL, "").accepted());
        assertTrue(f.engine.activeAlarms().isEmpty());
    }

    @Test
    void shelvingDoesNotCancelDueConfirmations() {
        Fixture f = grade(Priority.GRADE_2);
        f.engine.acknowledge(A, OP, "");
        assertTrue(f.engine.shelve(A, OP, Duration.ofMinutes(30), "nuisance").accepted());
        assertEquals(List.of(Role.SHIFT_LEADER), f.view(A).tiers().pending());
        assertEquals(1, f.engine.health().awaitingConfirmation());
        f.tickAfter(Duration.ofMinutes(20));
        assertTrue(f.escalations.isEmpty(), "escalation pauses while shelved");
        assertTrue(f.engine.confirm(A, SL, "agreed").accepted());
        assertTrue(f.view(A).tiers().complete());
    }

    @Test
    void shelvingAnUnacknowledgedAlarmDropsOnlyTheAcknowledgement() {
        Fixture f = grade(Priority.GRADE_2);
        f.engine.shelve(A, OP, Duration.ofMinutes(30), "nuisance");
        assertEquals(List.of(Role.SHIFT_LEADER), f.view(A).tiers().pending());
        assertEquals("OP=- SL=pending", f.last().tiers());
        f.tickAfter(Duration.ofMinutes(30));
        assertEquals(com.vigil.model.AlarmState.UNACK, f.state(A));
        assertEquals(List.of(Role.OPERATOR, Role.SHIFT_LEADER), f.view(A).tiers().pending());
        f.tickAfter(Duration.ofMinutes(2));
        assertEquals(1, f.escalations.size(), "fresh tier time after the shelve");
    }

    @Test
    void viewerAndOtherRolesMayNotAct() {
        Fixture f = grade(Priority.GRADE_3);
        for (ActionResult r : List.of(f.engine.acknowledge(A, VIEW, ""), f.engine.confirm(A, VIEW, "x"),
                f.engine.shelve(A, VIEW, Duration.ofMinutes(5), "x"), f.engine.unshelve(A, VIEW, ""),
                f.engine.reset(A, VIEW, ""), f.engine.removeFromService(A, VIEW, "x"),
                f.engine.returnToService(A, VIEW, ""), f.engine.suppress(A, VIEW, "x"),
                f.engine.unsuppress(A, VIEW, ""))) {
            assertFalse(r.accepted());
            assertEquals("VIEWER may not act on alarms", r.reason());
        }
        assertEquals(9, f.journal.entries().stream().filter(e -> !e.accepted()).count(), "refusals journaled");
        assertFalse(f.engine.acknowledge(A, MAINT, "").accepted());
        assertFalse(f.engine.acknowledge(A, Fixture.ENG, "").accepted());
        assertTrue(f.engine.acknowledge(A, SM, "").accepted(), "higher tiers may acknowledge too");
    }

    @Test
    void unacknowledgedEscalatesThroughTheTiers() {
        Fixture f = grade(Priority.GRADE_3);
        f.tickAfter(Duration.ofSeconds(119));
        assertTrue(f.escalations.isEmpty());
        f.tickAfter(Duration.ofSeconds(1));
        assertEquals(1, f.escalations.size());
        Escalation e = f.escalations.get(0);
        assertEquals(Role.OPERATOR, e.from());
        assertEquals(Role.SHIFT_LEADER, e.to());
        assertEquals(Fixture.T0.plusSeconds(120), e.time());
        assertEquals(Role.SHIFT_LEADER, f.view(A).tiers().escalatedTo());
        assertEquals(JournalEvent.ESCALATE, f.last().event());
        assertTrue(f.last().tiers().endsWith("esc=SHIFT_LEADER"));
        f.tickAfter(Duration.ofMinutes(5));
        assertEquals(Role.SAFETY_MANAGER, f.escalations.get(1).to());
        f.tickAfter(Duration.ofMinutes(10));
        assertEquals(3, f.escalations.size());
        assertEquals(Role.SAFETY_MANAGER, f.escalations.get(2).from(), "last tier announced again");
        assertEquals(Role.SAFETY_MANAGER, f.escalations.get(2).to());
        f.engine.acknowledge(A, OP, "");
        f.tickAfter(Duration.ofHours(1));
        assertEquals(3, f.escalations.size(), "no escalation once handled");
        assertNull(f.view(A).tiers().nextEscalation());
    }

    @Test
    void lateTickCatchesUpAllEscalations() {
        Fixture f = grade(Priority.GRADE_3);
        f.tickAfter(Duration.ofMinutes(8));
        assertEquals(2, f.escalations.size());
        assertEquals(Fixture.T0.plusSeconds(120), f.escalations.get(0).time());
        assertEquals(Fixture.T0.plusSeconds(420), f.escalations.get(1).time());
    }

    @Test
    void grade1AckedButUnconfirmedEscalatesFromShiftLeaderTier() {
        Fixture f = grade(Priority.GRADE_1);
        f.tickAfter(Duration.ofMinutes(1));
        f.engine.acknowledge(A, OP, "");
        assertEquals(Role.SHIFT_LEADER, f.view(A).tiers().escalatedTo(), "shift leader's turn now");
        assertEquals(Fixture.T0.plus(Duration.ofMinutes(6)), f.view(A).tiers().nextEscalation());
        f.tickAfter(Duration.ofMinutes(5));
        assertEquals(1, f.escalations.size());
        assertEquals(Role.SAFETY_MANAGER, f.escalations.get(0).to());
        f.engine.confirm(A, SL, "ok");
        f.engine.confirm(A, SM, "ok");
        f.tickAfter(Duration.ofHours(1));
        assertEquals(1, f.escalations.size());
    }

    @Test
    void configurableTierTimes() {
        AlarmConfig c = AlarmConfig.builder().add(high("T1", 90).build())
                .tierTimes(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30)).build();
        Fixture f = new Fixture(c);
        f.value("T1", 95);
        f.tickAfter(Duration.ofSeconds(10));
        f.tickAfter(Duration.ofSeconds(20));
        assertEquals(2, f.escalations.size());
    }

    @Test
    void journalFailureMeansActionNotDone() {
        ManualClock clock = new ManualClock(Fixture.T0);
        boolean[] fail = {false};
        InMemoryAlarmJournal mem = new InMemoryAlarmJournal();
        AlarmEngine e = new AlarmEngine(AlarmConfig.builder().add(high("T1", 90).build()).build(), clock, entry -> {
            if (fail[0]) {
                throw new IllegalStateException("disk full");
            }
            mem.append(entry);
        });
        e.onBatch(List.of(com.vigil.model.Sample.good("T1", clock.millis(), 95)));
        fail[0] = true;
        long v = e.version();
        ActionResult r = e.acknowledge(A, OP, "");
        assertFalse(r.accepted());
        assertTrue(r.reason().contains("disk full"));
        assertEquals(com.vigil.model.AlarmState.UNACK, e.alarm(A).orElseThrow().state());
        assertEquals(v, e.version());
        e.onBatch(List.of(com.vigil.model.Sample.good("T1", clock.millis(), 50)));
        assertEquals(1, e.health().journalFailures());
        assertTrue(e.lastJournalError().contains("disk full"));
        fail[0] = false;
        assertTrue(e.acknowledge(A, OP, "").accepted());
    }
}
