package com.vigil.alarm.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmDef;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.AlarmListener;
import com.vigil.alarm.AlarmType;
import com.vigil.alarm.FloodSummary;
import com.vigil.alarm.InMemoryAlarmJournal;
import com.vigil.alarm.ManualClock;
import com.vigil.model.Actor;
import com.vigil.model.Priority;
import com.vigil.model.Role;
import com.vigil.model.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmKpisTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final ManualClock clock = new ManualClock(T0);
    final InMemoryAlarmJournal journal = new InMemoryAlarmJournal();
    final List<FloodSummary> floodEnds = new ArrayList<>();
    final AlarmEngine engine;

    AlarmKpisTest() {
        AlarmConfig.Builder b = AlarmConfig.builder();
        for (int i = 0; i < 12; i++) {
            b.add(AlarmDef.builder("A" + i, AlarmType.H).setpoint(1).area("A")
                    .priority(i == 0 ? Priority.GRADE_1 : i < 3 ? Priority.GRADE_2 : Priority.GRADE_4).build());
        }
        b.add(AlarmDef.builder("X", AlarmType.H).setpoint(1).area("B").build());
        b.add(AlarmDef.builder("Y", AlarmType.H).setpoint(1).area("B").build());
        engine = new AlarmEngine(b.build(), clock, journal);
        engine.addListener(new AlarmListener() {
            @Override
            public void onFloodEnd(FloodSummary f) {
                floodEnds.add(f);
            }
        });
    }

    void at(long seconds, String tag, double v) {
        clock.set(T0.plusSeconds(seconds));
        engine.onBatch(List.of(Sample.good(tag, clock.millis(), v)));
    }

    void scenario() {
        for (int i = 0; i < 12; i++) {
            at(i * 30L, "A" + i, 2);
        }
        at(1000, "Y", 2);
        for (int k = 0; k < 3; k++) {
            at(2000 + k * 20L, "X", 2);
            at(2010 + k * 20L, "X", 0);
        }
        engine.shelve("X:H", new Actor("olga", Role.OPERATOR), Duration.ofMinutes(5), "chattering");
        engine.acknowledge("X:H", new Actor("wall", Role.VIEWER), "");
        clock.set(T0.plusSeconds(3600));
        engine.tick();
    }

    @Test
    void kpisOfOneHour() {
        scenario();
        assertEquals(1, floodEnds.size());
        assertEquals(T0.plusSeconds(810), floodEnds.get(0).end(), "engine and KPI agree on the flood");
        AlarmKpis k = AlarmKpis.compute(journal.entries(), T0, T0.plusSeconds(3600));
        assertEquals(16, k.activations());
        assertEquals(2, k.positions());
        assertEquals(16.0 / (6 * 2), k.avgPer10MinPerPosition(), 1e-9);
        assertEquals(12, k.peakPer10Min());
        assertEquals(100.0 * 510 / 3600, k.percentTimeInFlood(), 1e-9);
        assertEquals(1L, k.priorityCounts().get(Priority.GRADE_1));
        assertEquals(2L, k.priorityCounts().get(Priority.GRADE_2));
        assertEquals(4L, k.priorityCounts().get(Priority.GRADE_3));
        assertEquals(9L, k.priorityCounts().get(Priority.GRADE_4));
        assertEquals(100.0 * 9 / 16, k.priorityPercent().get(Priority.GRADE_4), 1e-9);
        assertEquals(10, k.topBadActors().size());
        assertEquals("X:H", k.topBadActors().get(0).alarmId());
        assertEquals(3, k.topBadActors().get(0).activations());
        assertEquals(1, k.chatteringAlarms());
        assertEquals(0, k.staleAlarms());
        assertEquals(1, k.shelveActions());
        assertEquals(1, k.refusedActions());
    }

    @Test
    void staleAlarmsAndSubPeriods() {
        scenario();
        clock.set(T0.plus(Duration.ofHours(25)));
        engine.tick();
        AlarmKpis day = AlarmKpis.compute(journal.entries(), T0, T0.plus(Duration.ofHours(25)));
        assertEquals(13, day.staleAlarms(), "the 12 A alarms and Y never cleared");
        AlarmKpis late = AlarmKpis.compute(journal.entries(), T0.plusSeconds(1500), T0.plusSeconds(2100));
        assertEquals(3, late.activations());
        assertEquals(0.0, late.percentTimeInFlood());
        assertEquals(2, late.positions(), "escalation entries of the unacknowledged A alarms count");
        AlarmKpis empty = AlarmKpis.compute(List.of(), T0, T0.plusSeconds(600));
        assertEquals(0, empty.activations());
        assertEquals(0, empty.positions());
        assertThrows(IllegalArgumentException.class, () -> AlarmKpis.compute(List.of(), T0, T0));
    }

    @Test
    void positionsFromTheConfiguration() {
        scenario();
        AlarmConfig grouped = AlarmConfig.builder().position("A", "desk").position("B", "desk").build();
        AlarmKpis k = AlarmKpis.compute(journal.entries(), T0, T0.plusSeconds(3600), AlarmKpis.Params.of(grouped));
        assertEquals(1, k.positions());
        assertEquals(16.0 / 6, k.avgPer10MinPerPosition(), 1e-9);
    }

    @Test
    void unshelveIntoUnackCountsAsAnnunciation() {
        at(0, "A0", 2);
        engine.shelve("A0:H", new Actor("sam", Role.SHIFT_LEADER), Duration.ofMinutes(5), "x");
        clock.set(T0.plusSeconds(400));
        engine.tick();
        AlarmKpis k = AlarmKpis.compute(journal.entries(), T0, T0.plusSeconds(600));
        assertEquals(2, k.activations());
        assertEquals(2, k.topBadActors().get(0).activations());
    }

    @Test
    void floodIntervals() {
        List<Long> acts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            acts.add(i * 30_000L);
        }
        List<long[]> f = AlarmKpis.floodIntervals(acts, 600_000, 10, 5, 10_000_000);
        assertEquals(1, f.size());
        assertEquals(300_000, f.get(0)[0]);
        assertEquals(810_000, f.get(0)[1]);
        acts.add(840_000L);
        assertEquals(1, AlarmKpis.floodIntervals(acts.subList(0, 11), 600_000, 10, 5, 400_000).size());
    }
}
