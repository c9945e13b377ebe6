package com.vigil.app.bench;

import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.InMemoryAlarmJournal;
import com.vigil.ingest.IngestPipeline;
import com.vigil.ingest.LiveSnapshot;
import com.vigil.model.Area;
import com.vigil.model.Limits;
import com.vigil.model.Plant;
import com.vigil.model.Priority;
import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Samples through the whole ingest path — bounded queue, ingest thread, live snapshot, alarm
 * evaluation — for many tags interleaved in time, as Milo delivers them (batches).
 */
public final class IngestBench {
    private IngestBench() {
    }

    /** A bench plant: {@code tags} analog tags {@code B.T0…}, 0–200 °C, HH 190 / H 170 / L 30 / LL 10. */
    static Plant benchPlant(int tags) {
        List<TagDef> defs = new ArrayList<>(tags);
        for (int i = 0; i < tags; i++) {
            defs.add(new TagDef("B.T" + i, "B", "", "bench tag " + i, TagKind.ANALOG, "°C", 0, 200, 40, 160,
                    new Limits(190.0, 170.0, 30.0, 10.0, null, Priority.GRADE_1, Priority.GRADE_2, Priority.GRADE_3,
                            Priority.GRADE_2, 1.0), 0, 0));
        }
        return new Plant("bench", List.of(new Area("B", "基准", "Bench")), defs);
    }

    public static List<String> run(int tags, int batchSize, double seconds) throws InterruptedException {
        Plant plant = benchPlant(tags);
        List<TagDef> defs = plant.tags();
        // pre-build the batches (tags interleaved in time, values mostly inside the limits)
        SplittableRandom rnd = new SplittableRandom(1);
        int batchesPerRound = tags / batchSize;
        List<List<Sample>> round = new ArrayList<>();
        long t0 = 1_700_000_000_000L;
        for (int b = 0; b < batchesPerRound * 20; b++) {
            List<Sample> batch = new ArrayList<>(batchSize);
            for (int j = 0; j < batchSize; j++) {
                int tag = (b * batchSize + j) % tags;
                double v = 100 + 40 * rnd.nextGaussian() * 0.5;
                batch.add(new Sample(defs.get(tag).id(), t0 + b * 100L, v, Quality.GOOD));
            }
            round.add(batch);
        }
        List<String> out = new ArrayList<>();
        // warm-up + measured run, same code path
        double rate = 0;
        long alarms = 0;
        for (int pass = 0; pass < 2; pass++) {
            AlarmEngine engine = new AlarmEngine(AlarmConfig.fromPlant(plant), Clock.systemUTC(), new InMemoryAlarmJournal());
            LiveSnapshot snap = new LiveSnapshot(16);
            try (IngestPipeline p = new IngestPipeline(256, snap)) {
                p.addConsumer(engine);
                p.start();
                long start = System.nanoTime();
                long deadline = start + (long) ((pass == 0 ? seconds / 3 : seconds) * 1e9);
                long offered = 0;
                int i = 0;
                while (System.nanoTime() < deadline) {
                    while (p.queuedBatches() > 200) {
                        Thread.onSpinWait();
                    }
                    List<Sample> b = round.get(i++ % round.size());
                    p.onBatch(b);
                    offered += b.size();
                }
                while (p.ingestedSamples() + p.droppedSamples() < offered) {
                    Thread.sleep(1);
                }
                double secs = (System.nanoTime() - start) / 1e9;
                rate = p.ingestedSamples() / secs;
                alarms = engine.alarmCount();
                if (p.droppedSamples() != 0) {
                    throw new IllegalStateException("bench refused samples: " + p.droppedSamples());
                }
            }
        }
        out.add(String.format(Locale.ROOT, "BENCH ingest.alarm_eval %.0f samples/s tags=%d batch=%d alarms_configured=%d",
                rate, tags, batchSize, alarms));
        return out;
    }
}
