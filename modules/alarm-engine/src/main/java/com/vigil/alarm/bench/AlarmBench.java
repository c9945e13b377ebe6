package com.vigil.alarm.bench;

import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmDef;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.AlarmJournal;
import com.vigil.alarm.AlarmType;
import com.vigil.alarm.JournalEntry;
import com.vigil.alarm.JournalEvent;
import com.vigil.alarm.ManualClock;
import com.vigil.model.Priority;
import com.vigil.model.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmarks of the alarm engine, printed by {@code vigil bench alarms}. Single thread. Wall-clock time is read here
 * (never in the engine). Lines:
 * <ul>
 *   <li>{@code BENCH alarms.eval <n> evals/s alarms=10000 ...}: limit evaluations per second in steady state
 *       (2,500 tags with HH/H/L/LL each, batches of all tags, values inside the limits). Bar: ≥ 5,000,000.</li>
 *   <li>{@code BENCH alarms.churn <n> evals/s ...}: the same with 1 % of the samples crossing a limit (activations
 *       and clears journaled).</li>
 *   <li>{@code BENCH alarms.flood <ms> ms raised=10000 journaled=10000 ok=true ...}: 10,000 alarms raised within 1 s of
 *       sample time are all journaled.</li>
 * </ul>
 */
public final class AlarmBench {
    public static final int TAGS = 2_500;
    public static final int ALARMS = TAGS * 4;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private AlarmBench() {
    }

    public static void main(String[] args) {
        run().forEach(System.out::println);
    }

    /** Runs all benchmarks for about 2 s each. */
    public static List<String> run() {
        return run(Duration.ofSeconds(2));
    }

    /** Runs all benchmarks, measuring each for {@code measure} after a warm-up of half that. */
    public static List<String> run(Duration measure) {
        List<String> out = new ArrayList<>();
        out.add(eval(measure, 0.0, "alarms.eval"));
        out.add(eval(measure, 0.01, "alarms.churn"));
        out.add(flood(10_000));
        return out;
    }

    static AlarmConfig limitConfig(String[] tags) {
        AlarmConfig.Builder b = AlarmConfig.builder();
        for (int i = 0; i < tags.length; i++) {
            String area = "A" + (i % 10);
            b.add(AlarmDef.builder(tags[i], AlarmType.HH).setpoint(95).priority(Priority.GRADE_2).deadband(1).area(area).build());
            b.add(AlarmDef.builder(tags[i], AlarmType.H).setpoint(90).deadband(1).area(area).build());
            b.add(AlarmDef.builder(tags[i], AlarmType.L).setpoint(10).deadband(1).area(area).build());
            b.add(AlarmDef.builder(tags[i], AlarmType.LL).setpoint(5).priority(Priority.GRADE_2).deadband(1).area(area).build());
        }
        return b.build();
    }

    private static String eval(Duration measure, double crossing, String name) {
        String[] tags = new String[TAGS];
        for (int i = 0; i < TAGS; i++) {
            tags[i] = "U" + (i / 100) + ".T" + i + ".PV";
        }
        ManualClock clock = new ManualClock(T0);
        CountingJournal journal = new CountingJournal();
        AlarmEngine engine = new AlarmEngine(limitConfig(tags), clock, journal);
        SplittableRandom rnd = new SplittableRandom(42);
        int batchCount = 64;
        List<List<Sample>> batches = new ArrayList<>(batchCount);
        for (int b = 0; b < batchCount; b++) {
            List<Sample> batch = new ArrayList<>(TAGS);
            long t = T0.toEpochMilli() + b * 1000L;
            for (int i = 0; i < TAGS; i++) {
                double v = 20 + rnd.nextDouble() * 60;
                if (rnd.nextDouble() < crossing) {
                    v = rnd.nextBoolean() ? 92 + rnd.nextDouble() * 6 : 2 + rnd.nextDouble() * 6;
                }
                batch.add(Sample.good(tags[i], t, v));
            }
            batches.add(List.copyOf(batch));
        }
        long warmEnd = System.nanoTime() + measure.toNanos() / 2;
        int k = 0;
        while (System.nanoTime() < warmEnd) {
            engine.onBatch(batches.get(k++ & (batchCount - 1)));
        }
        long samples = 0;
        long start = System.nanoTime();
        long end = start + measure.toNanos();
        long now;
        do {
            for (int j = 0; j < 16; j++) {
                engine.onBatch(batches.get(k++ & (batchCount - 1)));
            }
            samples += 16L * TAGS;
            now = System.nanoTime();
        } while (now < end);
        double seconds = (now - start) / 1e9;
        long evals = samples * 4;
        return String.format(Locale.ROOT,
                "BENCH %s %d evals/s alarms=%d tags=%d samples=%d batch=%d seconds=%.2f journaled=%d",
                name, Math.round(evals / seconds), ALARMS, TAGS, samples, TAGS, seconds, journal.count);
    }

    /** Raises {@code count} alarms within 1 s of sample time, in 10 batches; checks every one was journaled. */
    static String flood(int count) {
        AlarmConfig.Builder b = AlarmConfig.builder();
        String[] tags = new String[count];
        for (int i = 0; i < count; i++) {
            tags[i] = "F" + i;
            b.add(AlarmDef.builder(tags[i], AlarmType.DISCRETE).setpoint(1).area("A" + (i % 10)).build());
        }
        ManualClock clock = new ManualClock(T0);
        CountingJournal journal = new CountingJournal();
        AlarmEngine engine = new AlarmEngine(b.build(), clock, journal);
        int[] floods = {0};
        engine.addListener(new com.vigil.alarm.AlarmListener() {
            @Override
            public void onFloodStart(com.vigil.alarm.FloodSummary f) {
                floods[0]++;
            }
        });
        List<List<Sample>> batches = new ArrayList<>();
        int per = (count + 9) / 10;
        for (int bi = 0; bi < 10; bi++) {
            List<Sample> batch = new ArrayList<>();
            long t = T0.toEpochMilli() + bi * 100L;
            for (int i = bi * per; i < Math.min(count, (bi + 1) * per); i++) {
                batch.add(Sample.good(tags[i], t, 1));
            }
            batches.add(batch);
        }
        long start = System.nanoTime();
        for (List<Sample> batch : batches) {
            clock.set(Instant.ofEpochMilli(batch.isEmpty() ? clock.millis() : batch.get(0).timeMillis()));
            engine.onBatch(batch);
        }
        long elapsed = System.nanoTime() - start;
        int unack = engine.health().unacknowledged();
        boolean ok = journal.activations == count && unack == count && engine.health().journalFailures() == 0;
        return String.format(Locale.ROOT,
                "BENCH alarms.flood %.1f ms raised=%d journaled=%d ok=%s sample_span_ms=1000 floods=%d",
                elapsed / 1e6, count, journal.activations, ok, floods[0]);
    }

    private static final class CountingJournal implements AlarmJournal {
        long count;
        long activations;

        @Override
        public void append(JournalEntry e) {
            count++;
            if (e.event() == JournalEvent.ACTIVATE) {
                activations++;
            }
        }
    }
}
