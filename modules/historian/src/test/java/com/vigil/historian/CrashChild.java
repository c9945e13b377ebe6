package com.vigil.historian;

import com.vigil.model.Sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process for {@link CrashTest}: ingests until killed. Tags {@code R<run>.T<i>}, value = sequence number,
 * time = wall clock, 20 tags every 5 ms, or 500 tags every 2 ms ("heavy", ~250 k samples/s); flushes blocks
 * every 500 ms so kills also hit compaction. Prints {@code DURABLE <seq>} (at most every 50 ms) when every batch up
 * to {@code seq} has been committed to the log by the historian's own background policy.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        String run = args[1];
        boolean heavy = args.length > 2 && args[2].equals("heavy");
        int tags = heavy ? 500 : 20;
        long sleepMs = heavy ? 2 : 5;
        Historian h = Historian.open(db, HistorianOptions.defaults().withFlushIntervalMillis(500)
                .withBlocks(10_000, 4096, 60_000));
        System.out.println("READY");
        System.out.flush();
        long seq = 0;
        long prev = 0;
        long lastReport = 0;
        while (true) {
            // batches are logged in order, so every batch below accepted - unlogged samples is committed
            long now = System.nanoTime();
            if (now - lastReport >= 50_000_000L) {
                long durable = (seq * tags - h.unloggedSamples()) / tags - 1;
                if (durable >= 0) {
                    System.out.println("DURABLE " + durable);
                    System.out.flush();
                }
                lastReport = now;
            }
            long t = Math.max(prev + 1, System.currentTimeMillis());
            prev = t;
            List<Sample> batch = new ArrayList<>(tags);
            for (int i = 0; i < tags; i++) {
                batch.add(Sample.good("R" + run + ".T" + i, t, seq));
            }
            seq++;
            h.onBatch(batch);
            Thread.sleep(sleepMs);
        }
    }
}
