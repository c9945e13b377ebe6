package com.vigil.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vigil.model.Actor;
import com.vigil.model.Role;
import com.vigil.model.Sample;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Steady-state evaluation allocates nothing; concurrent actions and batches stay consistent. */
class HotPathTest {

    static AlarmConfig config(int tags) {
        AlarmConfig.Builder b = AlarmConfig.builder();
        for (int i = 0; i < tags; i++) {
            String t = "T" + i;
            b.add(AlarmDef.builder(t, AlarmType.HH).setpoint(95).build());
            b.add(AlarmDef.builder(t, AlarmType.H).setpoint(90).build());
            b.add(AlarmDef.builder(t, AlarmType.L).setpoint(10).build());
            b.add(AlarmDef.builder(t, AlarmType.LL).setpoint(5).build());
        }
        return b.build();
    }

    static List<Sample> batch(int tags, long t, double v) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < tags; i++) {
            out.add(Sample.good("T" + i, t, v + (i % 7)));
        }
        return List.copyOf(out);
    }

    @Test
    void steadyStateAllocatesNothingPerSample() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) mx;
        assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        AlarmEngine e = new AlarmEngine(config(1000), new ManualClock(Fixture.T0), new InMemoryAlarmJournal());
        List<Sample> a = batch(1000, Fixture.T0.toEpochMilli(), 40);
        List<Sample> b = batch(1000, Fixture.T0.toEpochMilli() + 1000, 50);
        for (int i = 0; i < 2000; i++) { // warm up (and let the JIT settle)
            e.onBatch((i & 1) == 0 ? a : b);
        }
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 200; i++) {
            e.onBatch((i & 1) == 0 ? a : b);
        }
        long allocated = bean.getThreadAllocatedBytes(tid) - before;
        // 200 batches x 1000 samples x 4 alarms: anything per sample would be megabytes
        assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes");
        assertEquals(0, e.health().active());
    }

    @Test
    void automaticEntriesOfOneBatchGoToTheJournalTogetherBeforeListeners() {
        List<Integer> calls = new ArrayList<>();
        List<String> order = new ArrayList<>();
        AlarmJournal j = new AlarmJournal() {
            @Override
            public void append(JournalEntry e) {
                calls.add(1);
                order.add("journal");
            }

            @Override
            public void appendAll(List<JournalEntry> es) {
                calls.add(es.size());
                order.add("journal");
            }
        };
        AlarmEngine e = new AlarmEngine(config(3), new ManualClock(Fixture.T0), j);
        e.addListener(new AlarmListener() {
            @Override
            public void onAlarmChange(JournalEntry entry, AlarmView alarm) {
                order.add("listener");
            }
        });
        e.onBatch(batch(3, 0, 50));
        assertEquals(List.of(), calls, "nothing to write, no call");
        e.onBatch(batch(3, 1, 96)); // H and HH of three tags
        assertEquals(List.of(6), calls);
        assertEquals(List.of("journal", "listener", "listener", "listener", "listener", "listener", "listener"), order);
        e.acknowledge("T0:H", new Actor("olga", Role.OPERATOR), "");
        assertEquals(List.of(6, 1), calls, "operator actions are written one by one, synchronously");
    }

    @Test
    void newTagStringInstancesAreResolvedToo() {
        AlarmEngine e = new AlarmEngine(config(3), new ManualClock(Fixture.T0), new InMemoryAlarmJournal());
        e.onBatch(List.of(Sample.good(new String("T1"), 0, 50)));
        e.onBatch(List.of(Sample.good(new String("T1"), 1, 99), Sample.good("UNKNOWN", 1, 99)));
        e.onBatch(List.of(Sample.good("UNKNOWN", 2, 99), Sample.good(new String("T2"), 2, 1)));
        assertEquals(4, e.health().active(), "T1 H+HH, T2 L+LL");
    }

    @Test
    void actionsFromAnotherThreadWhileIngesting() throws Exception {
        InMemoryAlarmJournal journal = new InMemoryAlarmJournal();
        ManualClock clock = new ManualClock(Fixture.T0);
        AlarmEngine e = new AlarmEngine(config(200), clock, journal);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread ui = new Thread(() -> {
            try {
                Actor op = new Actor("olga", Role.OPERATOR);
                for (int round = 0; round < 200; round++) {
                    for (AlarmView v : e.activeAlarms()) {
                        if (!v.acknowledged()) {
                            e.acknowledge(v.id(), op, "");
                        }
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        ui.start();
        for (int i = 0; i < 400; i++) {
            e.onBatch(batch(200, Fixture.T0.toEpochMilli() + i * 1000L, (i & 1) == 0 ? 96 : 50));
            e.tick();
        }
        ui.join();
        assertEquals(null, failure.get());
        // journal order is consistent per alarm: each entry starts from the state the previous one ended in
        java.util.Map<String, com.vigil.model.AlarmState> last = new java.util.HashMap<>();
        for (JournalEntry j : journal.entries()) {
            com.vigil.model.AlarmState prev = last.getOrDefault(j.alarmId(), com.vigil.model.AlarmState.NORMAL);
            assertEquals(prev, j.fromState(), j.toString());
            last.put(j.alarmId(), j.toState());
        }
    }
}
