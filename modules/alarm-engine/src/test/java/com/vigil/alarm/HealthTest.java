package com.vigil.alarm;

import static com.vigil.alarm.Fixture.OP;
import static com.vigil.alarm.Fixture.high;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.AlarmState;
import com.vigil.model.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flood, chatter, stale, external alarms. */
class HealthTest {

    static AlarmConfig.Builder tags(int count, String area) {
        AlarmConfig.Builder b = AlarmConfig.builder();
        for (int i = 0; i < count; i++) {
            b.add(high(area + "T" + i, 90).area(area).build());
        }
        return b;
    }

    @Test
    void floodStartsAboveTenInTenMinutesAndEndsBelowFive() {
        Fixture f = new Fixture(tags(12, "A").addAll(tags(3, "B").build().alarms()).build());
        for (int i = 0; i < 10; i++) {
            f.value("AT" + i, 95);
            f.advance(Duration.ofSeconds(30));
        }
        f.value("BT0", 95).value("BT1", 95);
        assertTrue(f.floodStarts.isEmpty(), "10 alarms is not a flood; B is another position");
        f.value("AT10", 95);
        assertEquals(1, f.floodStarts.size());
        FloodSummary s = f.floodStarts.get(0);
        assertEquals("A", s.position());
        assertEquals("AT0:H", s.firstOutId());
        assertEquals(Fixture.T0, s.firstOutTime());
        assertEquals(11, s.alarmCount());
        assertTrue(f.engine.health().inFlood());
        f.value("AT11", 95);
        assertEquals(12, f.engine.health().floods().get(0).alarmCount());
        // window: raised at 0,30,...,270 s and 300 s (x2); count falls below 5 when only 4 remain
        f.clock.set(Fixture.T0.plusSeconds(600 + 180));
        f.engine.tick();
        assertTrue(f.floodEnds.isEmpty(), "still 5 in the window");
        f.clock.set(Fixture.T0.plusSeconds(600 + 210));
        f.engine.tick();
        assertEquals(1, f.floodEnds.size());
        assertEquals(Fixture.T0.plusSeconds(810), f.floodEnds.get(0).end());
        assertFalse(f.engine.health().inFlood());
    }

    @Test
    void positionsGroupAreas() {
        AlarmConfig c = tags(6, "A").addAll(tags(6, "B").build().alarms()).position("A", "desk1")
                .position("B", "desk1").build();
        Fixture f = new Fixture(c);
        for (int i = 0; i < 6; i++) {
            f.value("AT" + i, 95).value("BT" + i, 95);
        }
        assertEquals(1, f.floodStarts.size());
        assertEquals("desk1", f.floodStarts.get(0).position());
        assertEquals(6, f.floodStarts.get(0).countsByArea().get("A"));
        assertEquals(5, f.floodStarts.get(0).countsByArea().get("B"));
    }

    @Test
    void chatteringAlarm() {
        Fixture f = new Fixture(high("T1", 90).build());
        for (int i = 0; i < 3; i++) {
            f.value("T1", 95).advance(Duration.ofSeconds(10)).value("T1", 50).advance(Duration.ofSeconds(10));
        }
        assertTrue(f.view("T1:H").chattering());
        assertEquals(1, f.engine.health().chattering());
        f.advance(Duration.ofMinutes(1));
        assertFalse(f.view("T1:H").chattering());
    }

    @Test
    void twoActivationsPerMinuteIsNotChattering() {
        Fixture f = new Fixture(high("T1", 90).build());
        for (int i = 0; i < 4; i++) {
            f.value("T1", 95).advance(Duration.ofSeconds(15)).value("T1", 50).advance(Duration.ofSeconds(16));
        }
        assertFalse(f.view("T1:H").chattering());
    }

    @Test
    void staleAfter24Hours() {
        Fixture f = new Fixture(high("T1", 90).build(), high("T2", 90).build());
        f.value("T1", 95);
        f.engine.acknowledge("T1:H", OP, "");
        f.advance(Duration.ofHours(1)).value("T2", 95);
        f.advance(Duration.ofHours(23));
        assertEquals(1, f.engine.health().stale());
        assertTrue(f.view("T1:H").stale());
        assertFalse(f.view("T2:H").stale());
        assertEquals(2, f.engine.health().active());
        assertEquals(1, f.engine.health().unacknowledged());
    }

    @Test
    void externalAlarmsGoThroughTheSameStates() {
        Fixture f = new Fixture(high("T1", 90).build());
        ExternalAlarm ew = new ExternalAlarm("EW:T1:ttt", "T1", AlarmType.EXTERNAL, Priority.GRADE_2, "A1",
                "H in 4 min", "reduce feed");
        f.engine.raiseExternal(ew, 87.5);
        AlarmView v = f.view("EW:T1:ttt");
        assertEquals(AlarmState.UNACK, v.state());
        assertEquals("reduce feed", v.guidance());
        assertEquals(87.5, v.valueAtActivation());
        assertEquals(List.of("T1:H", "EW:T1:ttt"), f.engine.alarmIdsOfTag("T1"));
        f.engine.raiseExternal(ew, 88);
        assertEquals(1, f.view("EW:T1:ttt").occurrences(), "raising an active external alarm again is a no-op");
        f.engine.acknowledge("EW:T1:ttt", OP, "");
        assertTrue(f.engine.clearExternal("EW:T1:ttt"));
        assertEquals(AlarmState.NORMAL, f.state("EW:T1:ttt"), "cleared, confirmation still due");
        assertEquals(1, f.engine.activeAlarms().size());
        assertFalse(f.engine.clearExternal("T1:H"));
        assertFalse(f.engine.clearExternal("nope"));
        // many externals grow the arrays
        for (int i = 0; i < 40; i++) {
            f.engine.raiseExternal(new ExternalAlarm("COMM:" + i, "plc" + i, AlarmType.COMM, Priority.GRADE_3, "A1",
                    "link lost", ""), Double.NaN);
        }
        assertEquals(42, f.engine.alarmCount());
        f.value("T1", 95);
        assertEquals(AlarmState.UNACK, f.state("T1:H"));
    }

    @Test
    void anExternalAlarmTakesANewGradeAndTagOnlyBetweenOccurrences() {
        Fixture f = new Fixture(high("T1", 90).build(), high("T2", 90).build());
        f.engine.raiseExternal(new ExternalAlarm("RULE:r", "T1", AlarmType.EXTERNAL, Priority.GRADE_3, "A1", "RULE|r", "g"), 1);
        ExternalAlarm worse = new ExternalAlarm("RULE:r", "T2", AlarmType.EXTERNAL, Priority.GRADE_2, "A1", "RULE|r", "g2");
        f.engine.raiseExternal(worse, 2);
        assertEquals(Priority.GRADE_3, f.view("RULE:r").priority(), "an active occurrence keeps its grade");
        assertTrue(f.engine.clearExternal("RULE:r"));
        f.engine.raiseExternal(worse, 3);
        assertEquals(Priority.GRADE_3, f.view("RULE:r").priority(), "cleared but not acknowledged: still the same occurrence");
        f.engine.acknowledge("RULE:r", OP, "");
        assertTrue(f.engine.clearExternal("RULE:r"));
        assertEquals(AlarmState.NORMAL, f.state("RULE:r"));
        f.engine.raiseExternal(worse, 4);
        AlarmView v = f.view("RULE:r");
        assertEquals(Priority.GRADE_2, v.priority(), "the next occurrence has the new grade");
        assertEquals("T2", v.tag());
        assertEquals("g2", v.guidance());
        assertEquals(List.of("T2:H", "RULE:r"), f.engine.alarmIdsOfTag("T2"));
        assertEquals(List.of("T1:H"), f.engine.alarmIdsOfTag("T1"));
    }

    @Test
    void listenerFailureDoesNotBreakEngine() {
        Fixture f = new Fixture(high("T1", 90).build());
        List<String> seen = new ArrayList<>();
        f.engine.addListener(new AlarmListener() {
            @Override
            public void onAlarmChange(JournalEntry e, AlarmView v) {
                seen.add(e.alarmId());
                throw new IllegalStateException("boom");
            }
        });
        f.value("T1", 95);
        assertEquals(List.of("T1:H"), seen);
        assertEquals(AlarmState.UNACK, f.state("T1:H"));
    }
}
