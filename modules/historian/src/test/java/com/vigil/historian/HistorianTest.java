package com.vigil.historian;

import com.vigil.model.Quality;
import com.vigil.model.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistorianTest {
    static final long T0 = 1_700_000_000_000L; // 2023-11-14T22:13:20Z

    @TempDir
    Path dir;

    static HistorianOptions small() {
        return HistorianOptions.defaults().withBlocks(60_000, 64, 600_000).withFlushIntervalMillis(1000);
    }

    static void assertSameSamples(List<Sample> expected, List<Sample> actual) {
        assertEquals(expected.size(), actual.size(), "sample count");
        for (int i = 0; i < expected.size(); i++) {
            Sample e = expected.get(i);
            Sample a = actual.get(i);
            assertEquals(e.tag(), a.tag());
            assertEquals(e.timeMillis(), a.timeMillis(), "time at " + i);
            assertEquals(Double.doubleToRawLongBits(e.value()), Double.doubleToRawLongBits(a.value()),
                    "value at " + i + ": " + e + " vs " + a);
            assertEquals(e.quality(), a.quality(), "quality at " + i);
        }
    }

    static List<Sample> irregular(String tag, int n, long seed) {
        Random r = new Random(seed);
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0};
        List<Sample> l = new ArrayList<>();
        long t = T0;
        for (int i = 0; i < n; i++) {
            t += 1 + (i % 5 == 0 ? r.nextInt(20_000) : 1000 + r.nextInt(7) - 3);
            double v = i % 3 == 0 ? (float) (20 + r.nextGaussian()) : r.nextGaussian() * 1e3;
            if (i % 41 == 0) {
                v = specials[(i / 41) % specials.length];
            }
            Quality q = i % 53 == 0 ? Quality.BAD : i % 59 == 0 ? Quality.STALE : i % 61 == 0 ? Quality.UNCERTAIN : Quality.GOOD;
            l.add(new Sample(tag, t, v, q));
        }
        return l;
    }

    @Test
    void losslessRoundTripThroughMemoryBlocksAndReopen() {
        Path db = dir.resolve("h.db");
        List<Sample> a = irregular("A.PV", 5000, 1);
        List<Sample> b = irregular("B.PV", 3000, 2);
        try (Historian h = Historian.open(db, small())) {
            for (int i = 0; i < 5000; i += 100) {
                List<Sample> batch = new ArrayList<>(a.subList(i, Math.min(a.size(), i + 100)));
                if (i < b.size()) {
                    batch.addAll(b.subList(i, Math.min(b.size(), i + 100)));
                }
                h.onBatch(batch);
                if (i == 2000) {
                    // visible before any flush
                    assertSameSamples(a.subList(0, 2100), h.raw("A.PV", Long.MIN_VALUE / 4, Long.MAX_VALUE / 4));
                }
            }
            h.flush();
            assertSameSamples(a, h.raw("A.PV", T0, Long.MAX_VALUE / 4));
            h.compact();
            assertSameSamples(b, h.raw("B.PV", T0, Long.MAX_VALUE / 4));
        }
        try (Historian h = Historian.open(db, small())) {
            assertSameSamples(a, h.raw("A.PV", T0, Long.MAX_VALUE / 4));
            assertSameSamples(b, h.raw("B.PV", T0, Long.MAX_VALUE / 4));
            long mid = a.get(2500).timeMillis();
            long end = a.get(3000).timeMillis();
            assertSameSamples(a.subList(2500, 3000), h.raw("A.PV", mid, end));
            assertEquals(List.of("A.PV", "B.PV"), h.tags());
            Sample last = a.get(a.size() - 1);
            assertEquals(Optional.of(last), h.latest("A.PV"));
            assertTrue(h.latest("nope").isEmpty());
        }
    }

    @Test
    void outOfOrderAndDuplicatesLastWriteWins() {
        Path db = dir.resolve("ooo.db");
        try (Historian h = Historian.open(db, small())) {
            List<Sample> batch = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                batch.add(Sample.good("X", T0 + i * 1000L, i));
            }
            h.onBatch(batch);
            h.flush();
            h.compact(); // sealed blocks
            // out of order within memory, a duplicate in memory, and late data older than sealed blocks
            h.onBatch(List.of(Sample.good("X", T0 + 400_000, 400), Sample.good("X", T0 + 350_000, 350),
                    Sample.good("X", T0 + 400_000, 401)));
            h.onBatch(List.of(new Sample("X", T0 + 10_000, -10, Quality.BAD), Sample.good("X", T0 + 10_500, 10.5)));
            List<Sample> r = h.raw("X", T0, T0 + 1_000_000);
            assertEquals(303, r.size());
            assertEquals(new Sample("X", T0 + 10_000, -10, Quality.BAD), r.get(10));
            assertEquals(Sample.good("X", T0 + 10_500, 10.5), r.get(11));
            assertEquals(Sample.good("X", T0 + 400_000, 401), r.get(302));
            assertEquals(Sample.good("X", T0 + 350_000, 350), r.get(301));
            h.flush(); // late block in an old window
            assertEquals(r, h.raw("X", T0, T0 + 1_000_000));
            h.onBatch(List.of(Sample.good("X", T0 + 10_000, 10.25))); // overwrite again, in a third block
            h.flush();
            r.set(10, Sample.good("X", T0 + 10_000, 10.25));
            assertEquals(r, h.raw("X", T0, T0 + 1_000_000));
            h.compact(); // merges the window
            assertEquals(r, h.raw("X", T0, T0 + 1_000_000));
            assertEquals(Optional.of(Sample.good("X", T0 + 400_000, 401)), h.latest("X"));
        }
    }

    @Test
    void newerSchemaIsRefused() throws Exception {
        Path db = dir.resolve("new.db");
        Historian.open(db, small()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        SchemaVersionException e = assertThrows(SchemaVersionException.class, () -> Historian.open(db, small()));
        assertTrue(e.getMessage().contains("newer Vigil"), e.getMessage());
        assertEquals(99, e.found());
    }

    @Test
    void retentionDeletesOldDaysOfMatchingTags() {
        Path db = dir.resolve("ret.db");
        Clock clock = Clock.fixed(Instant.ofEpochMilli(T0 + 10 * 86_400_000L), ZoneOffset.UTC);
        HistorianOptions o = HistorianOptions.defaults().withClock(clock);
        try (Historian h = Historian.open(db, o)) {
            List<Sample> batch = new ArrayList<>();
            for (int d = 0; d < 10; d++) {
                for (String tag : List.of("TF.T1", "TF.T2", "LAB.X")) {
                    batch.add(Sample.good(tag, T0 + d * 86_400_000L, d));
                }
            }
            h.onBatch(batch);
            h.flush();
            long deleted = h.applyRetention("TF.*", Duration.ofDays(3));
            assertTrue(deleted > 0);
            long cut = Math.floorDiv(T0 + 7 * 86_400_000L, 86_400_000L) * 86_400_000L;
            for (String tag : List.of("TF.T1", "TF.T2")) {
                List<Sample> r = h.raw(tag, 0, Long.MAX_VALUE / 4);
                assertTrue(r.stream().allMatch(s -> s.timeMillis() >= cut), tag);
                assertFalse(r.isEmpty());
            }
            assertEquals(10, h.raw("LAB.X", 0, Long.MAX_VALUE / 4).size());
        }
    }

    @Test
    void csvExport() {
        Path db = dir.resolve("csv.db");
        try (Historian h = Historian.open(db, small())) {
            h.onBatch(List.of(Sample.good("A", T0, 1.5), Sample.good("B", T0, (float) 0.1),
                    new Sample("A", T0 + 1000, Double.NaN, Quality.BAD), Sample.good("B", T0 + 500, Double.NEGATIVE_INFINITY),
                    Sample.good("A,\"x\"", T0 + 2000, 0.1)));
            StringWriter w = new StringWriter();
            long rows = h.exportCsv(w, List.of("A", "B", "A,\"x\""), T0, T0 + 2000);
            assertEquals(4, rows);
            assertEquals("timestamp,tag,value,quality\n"
                    + "2023-11-14T22:13:20.000Z,A,1.5,GOOD\n"
                    + "2023-11-14T22:13:20.000Z,B,0.1,GOOD\n"
                    + "2023-11-14T22:13:20.500Z,B,-Infinity,GOOD\n"
                    + "2023-11-14T22:13:21.000Z,A,NaN,BAD\n", w.toString());
            w = new StringWriter();
            h.exportCsv(w, List.of("A,\"x\""), T0, T0 + 3000);
            assertTrue(w.toString().endsWith("\"A,\"\"x\"\"\",0.1,GOOD\n"), w.toString());
        }
    }

    @Test
    void walReplayAfterUncleanStop() {
        Path db = dir.resolve("crash.db");
        List<Sample> a = irregular("A", 2000, 5);
        Historian h = Historian.open(db, small().withFlushIntervalMillis(3_600_000));
        h.onBatch(a.subList(0, 1000));
        h.flush(); // in blocks
        h.onBatch(a.subList(1000, 2000));
        h.commitLog(); // only in the log
        h.crashForTest();
        try (Historian h2 = Historian.open(db, small())) {
            assertSameSamples(a, h2.raw("A", 0, Long.MAX_VALUE / 4));
            assertEquals(0, h2.stats().logRows());
        }
    }

    @Test
    void fullDiskGivesAClearErrorAndLosesNothing() {
        Path db = dir.resolve("full.db");
        List<Sample> a = irregular("A", 20_000, 11);
        try (Historian h = Historian.open(db, small().withFlushIntervalMillis(3_600_000))) {
            h.onBatch(a.subList(0, 1000));
            h.flush();
            long pages = h.stats().fileBytes() / 4096 + 12;
            h.maxPageCountForTest(pages);
            h.onBatch(a.subList(1000, a.size()));
            StorageFullException e = assertThrows(StorageFullException.class, h::flush);
            assertTrue(e.getMessage().contains("full"), e.getMessage());
            assertTrue(h.failure().isPresent() || e.getMessage() != null);
            // queries still work and still see everything
            assertSameSamples(a, h.raw("A", 0, Long.MAX_VALUE / 4));
            h.maxPageCountForTest(1_000_000_000L);
            h.flush();
            assertSameSamples(a, h.raw("A", 0, Long.MAX_VALUE / 4));
        }
        try (Historian h = Historian.open(db, small())) {
            assertSameSamples(a, h.raw("A", 0, Long.MAX_VALUE / 4));
        }
    }

    @Test
    void mergeConcatenatesLargeChunksAndReencodesSmallOnes() {
        Path db = dir.resolve("merge.db");
        HistorianOptions o = HistorianOptions.defaults().withBlocks(3_600_000, 4096, 86_400_000L);
        List<Sample> all = new ArrayList<>();
        try (Historian h = Historian.open(db, o)) {
            for (int part = 0; part < 6; part++) {
                List<Sample> batch = new ArrayList<>();
                int n = part < 3 ? 300 : 10; // large chunks, then tiny ones in the next window
                long base = part < 3 ? T0 + part * 300_000L : T0 + 3_600_000L + part * 10_000L;
                for (int i = 0; i < n; i++) {
                    batch.add(Sample.good("M", base + i * 1000L, (float) Math.sin(i / 10.0)));
                }
                all.addAll(batch);
                h.onBatch(batch);
                h.flush();
            }
            long before = h.stats().blocks();
            h.compact();
            Historian.Stats after = h.stats();
            assertEquals(6, before);
            assertTrue(after.blocks() <= 3, "blocks after merge " + after.blocks());
            all.sort((x, y) -> Long.compare(x.timeMillis(), y.timeMillis()));
            assertSameSamples(all, h.raw("M", 0, Long.MAX_VALUE / 4));
        }
    }

    @Test
    void lossySwingingDoorIsOptInAndStaysWithinDeviation() {
        List<Sample> d = new ArrayList<>();
        Random r = new Random(3);
        double x = 50;
        for (int i = 0; i < 5000; i++) {
            x += r.nextGaussian() * 0.02 + (i % 1000 < 500 ? 0.01 : -0.01);
            Quality q = i == 2500 ? Quality.BAD : Quality.GOOD;
            d.add(new Sample("AI.1", T0 + i * 1000L, x, q));
            d.add(new Sample("DI.1", T0 + i * 1000L, x, q));
        }
        double dev = 0.1;
        try (Historian h = Historian.open(dir.resolve("lossy.db"),
                small().withLossy(new HistorianOptions.LossyRule("AI.*", dev)))) {
            h.onBatch(d);
            h.flush();
            List<Sample> lossless = h.raw("DI.1", 0, Long.MAX_VALUE / 4);
            assertEquals(5000, lossless.size());
            List<Sample> kept = h.raw("AI.1", 0, Long.MAX_VALUE / 4);
            assertTrue(kept.size() < 1000, "kept " + kept.size());
            assertTrue(kept.stream().anyMatch(s -> s.quality() == Quality.BAD), "quality change kept");
            // linear interpolation between kept samples stays within the deviation of every original sample
            int k = 0;
            for (Sample s : lossless) {
                while (k + 1 < kept.size() && kept.get(k + 1).timeMillis() <= s.timeMillis()) {
                    k++;
                }
                Sample a = kept.get(k);
                if (a.timeMillis() == s.timeMillis() || k + 1 >= kept.size() || s.quality() != Quality.GOOD
                        || a.quality() != Quality.GOOD || kept.get(k + 1).quality() != Quality.GOOD) {
                    continue;
                }
                Sample b = kept.get(k + 1);
                double f = (double) (s.timeMillis() - a.timeMillis()) / (b.timeMillis() - a.timeMillis());
                double interp = a.value() + f * (b.value() - a.value());
                assertTrue(Math.abs(interp - s.value()) <= dev + 1e-9, "at " + s + ": " + interp);
            }
        }
    }

    @Test
    void queriesDuringIngestAndFlushesSeeEverythingAcceptedBefore() throws Exception {
        Path db = dir.resolve("conc.db");
        HistorianOptions o = HistorianOptions.defaults().withBlocks(60_000, 256, 600_000)
                .withFlushIntervalMillis(50).withMaxBufferedSamples(5_000).withCommitIntervalMillis(20);
        try (Historian h = Historian.open(db, o)) {
            java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();
            int total = 20_000;
            // the producer always runs to its end (no early stop): on a busy machine the checks below can
            // finish before it has accepted anything, and the final assertions need a known count
            Thread producer = new Thread(() -> {
                long seq = 0;
                while (seq < total) {
                    List<Sample> batch = new ArrayList<>();
                    for (int k = 0; k < 10; k++, seq++) {
                        for (int tag = 0; tag < 50; tag++) {
                            batch.add(Sample.good("C" + tag, T0 + seq * 1000L, seq));
                        }
                    }
                    h.onBatch(batch);
                    accepted.set(seq);
                    Thread.yield();
                }
            });
            producer.start();
            int checks = 0;
            try {
                do {
                    long before = accepted.get();
                    List<Sample> r = h.raw("C7", 0, Long.MAX_VALUE / 4);
                    assertTrue(r.size() >= before, "saw " + r.size() + " of " + before + " accepted before the query");
                    for (int k = 0; k < r.size(); k++) {
                        assertEquals(k, r.get(k).value(), "hole or duplicate at " + k);
                    }
                    Downsampled d = h.trend("C7", T0, T0 + 60_000_000L, 50);
                    assertTrue(d.totalCount() >= before);
                    checks++;
                } while (producer.isAlive() && checks < 500);
            } finally {
                producer.join(); // also when a check failed: it ends by itself, the historian is still open
            }
            h.compact();
            long n = accepted.get();
            assertEquals(total, n);
            assertEquals(n, h.raw("C49", 0, Long.MAX_VALUE / 4).size());
            assertEquals(Optional.of(Sample.good("C3", T0 + (n - 1) * 1000L, n - 1)), h.latest("C3"));
        }
    }
}
