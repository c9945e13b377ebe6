package com.vigil.app.bench;

import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.ManualClock;
import com.vigil.app.runtime.JournalAdapter;
import com.vigil.model.Area;
import com.vigil.model.Limits;
import com.vigil.model.Plant;
import com.vigil.model.Priority;
import com.vigil.model.Sample;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.persistence.db.Database;
import com.vigil.persistence.journal.AlarmJournalStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * An alarm flood into the real journal: {@code alarms} tags cross their H limit within one second of
 * sample time; every activation must be in the SQLite journal (one transaction per engine batch).
 */
public final class FloodJournalBench {
    private FloodJournalBench() {
    }

    /** Result: journaled activations and the time from the first sample to the last commit. */
    public record Result(int raised, long journaled, double millis) {
    }

    public static Result run(Path dir, int alarms) {
        List<TagDef> tags = new ArrayList<>(alarms);
        for (int i = 0; i < alarms; i++) {
            tags.add(new TagDef("F" + i, "A", "", "flood " + i, TagKind.ANALOG, "", 0, 100, 10, 90,
                    new Limits(null, 80.0, null, null, null, null, Priority.GRADE_3, null, null, 1), 0, 0));
        }
        Plant plant = new Plant("flood", List.of(new Area("A", "区", "A")), tags);
        try (Database db = Database.open(dir.resolve("flood.db"))) {
            ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
            AlarmEngine engine = new AlarmEngine(AlarmConfig.fromPlant(plant), clock,
                    new JournalAdapter(CompletableFuture.completedFuture(db)));
            long t0 = System.nanoTime();
            // 10 batches of 1,000 within one second of sample time, as a subscription would deliver them
            for (int b = 0; b < 10; b++) {
                List<Sample> batch = new ArrayList<>();
                for (int i = b * alarms / 10; i < (b + 1) * alarms / 10; i++) {
                    batch.add(Sample.good("F" + i, clock.millis() + b * 100L, 95));
                }
                engine.onBatch(batch);
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            long rows = new AlarmJournalStore(db).query(null, null, null, null, null, null, Integer.MAX_VALUE).stream()
                    .filter(r -> "ACTIVATE".equals(r.event())).count();
            return new Result(alarms, rows, ms);
        }
    }

    public static List<String> lines(Path dir) {
        Result r = run(dir, 10_000);
        return List.of(String.format(Locale.ROOT,
                "BENCH alarms.flood_sqlite %.0f ms raised=%d journaled=%d ok=%s (real SQLite journal, one transaction per batch of 1000)",
                r.millis(), r.raised(), r.journaled(), r.journaled() == r.raised()));
    }
}
