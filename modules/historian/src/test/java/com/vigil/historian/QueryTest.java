package com.vigil.historian;

import com.vigil.model.Quality;
import com.vigil.model.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryTest {
    static final long T0 = 1_699_920_000_000L; // a UTC midnight: 2023-11-14T00:00Z
    static final long H = 3_600_000L;
    static final long DAY = 86_400_000L;

    @TempDir
    Path dir;

    /** 3 days of 10 s data with gaps, specials, bad quality, a few late and duplicate samples. */
    static List<Sample> data(String tag, long seed) {
        Random r = new Random(seed);
        List<Sample> l = new ArrayList<>();
        double x = 50;
        for (long t = T0 + 7_000; t < T0 + 3 * DAY; t += 10_000 + r.nextInt(3) - 1) {
            if (t % (5 * H) < 20 * 60_000) {
                continue; // 20 min gap every 5 h
            }
            x += (55 - x) * 0.01 + r.nextGaussian();
            double v = (float) x;
            Quality q = Quality.GOOD;
            int k = r.nextInt(1000);
            if (k < 5) {
                v = Double.NaN;
            } else if (k < 7) {
                v = Double.POSITIVE_INFINITY;
            } else if (k < 15) {
                q = Quality.BAD;
            } else if (k < 18) {
                q = Quality.STALE;
            } else if (k < 25) {
                q = Quality.UNCERTAIN;
            }
            l.add(new Sample(tag, t, v, q));
        }
        return l;
    }

    static boolean usable(Sample s) {
        return (s.quality() == Quality.GOOD || s.quality() == Quality.UNCERTAIN) && Double.isFinite(s.value());
    }

    /** Independent brute force over sorted samples. */
    static List<Aggregate> brute(List<Sample> sorted, long from, long to, long interval) {
        List<Aggregate> out = new ArrayList<>();
        for (long a = from; a < to; a += interval) {
            long b = Math.min(to, a + interval);
            long count = 0;
            long usable = 0;
            long bad = 0;
            double min = Double.NaN;
            double max = Double.NaN;
            double sum = 0;
            double first = Double.NaN;
            double last = Double.NaN;
            double tw = 0;
            long dur = 0;
            for (int i = 0; i < sorted.size(); i++) {
                Sample s = sorted.get(i);
                long t = s.timeMillis();
                long next = i + 1 < sorted.size() ? sorted.get(i + 1).timeMillis() : Long.MAX_VALUE;
                if (usable(s)) {
                    long lo = Math.max(t, a);
                    long hi = Math.min(Math.min(next, b), to);
                    if (hi > lo) {
                        tw += s.value() * (hi - lo);
                        dur += hi - lo;
                    }
                }
                if (t < a || t >= b) {
                    continue;
                }
                count++;
                if (s.quality() == Quality.BAD || s.quality() == Quality.STALE) {
                    bad++;
                }
                if (usable(s)) {
                    usable++;
                    double v = s.value();
                    min = Double.isNaN(min) ? v : Math.min(min, v);
                    max = Double.isNaN(max) ? v : Math.max(max, v);
                    sum += v;
                    if (Double.isNaN(first)) {
                        first = v;
                    }
                    last = v;
                }
            }
            out.add(new Aggregate(a, b, count, usable, bad, min, max, usable > 0 ? sum / usable : Double.NaN,
                    dur > 0 ? tw / dur : Double.NaN, first, last));
        }
        return out;
    }

    static void assertClose(double e, double a, String what) {
        if (Double.isNaN(e)) {
            assertTrue(Double.isNaN(a), what + ": expected NaN, got " + a);
            return;
        }
        assertEquals(e, a, 1e-9 * Math.max(1, Math.abs(e)), what);
    }

    static void assertAggregates(List<Aggregate> exp, List<Aggregate> act) {
        assertEquals(exp.size(), act.size());
        for (int i = 0; i < exp.size(); i++) {
            Aggregate e = exp.get(i);
            Aggregate a = act.get(i);
            String w = "interval " + i + " " + e + " vs " + a;
            assertEquals(e.start(), a.start(), w);
            assertEquals(e.end(), a.end(), w);
            assertEquals(e.count(), a.count(), w);
            assertEquals(e.usableCount(), a.usableCount(), w);
            assertEquals(e.badCount(), a.badCount(), w);
            assertClose(e.min(), a.min(), "min " + w);
            assertClose(e.max(), a.max(), "max " + w);
            assertClose(e.avg(), a.avg(), "avg " + w);
            assertClose(e.timeWeightedAvg(), a.timeWeightedAvg(), "twa " + w);
            assertClose(e.first(), a.first(), "first " + w);
            assertClose(e.last(), a.last(), "last " + w);
        }
    }

    @Test
    void aggregatesMatchBruteForceInMemoryInBlocksAndFromRollups() {
        List<Sample> d = data("T", 3);
        try (Historian h = Historian.open(dir.resolve("agg.db"), HistorianOptions.defaults())) {
            h.onBatch(d);
            long[][] queries = {
                    {T0, T0 + 3 * DAY, DAY}, {T0, T0 + 3 * DAY, H}, {T0 + 1234, T0 + 2 * DAY + 77, 7 * 60_000},
                    {T0 - DAY, T0 + 4 * DAY, 2 * DAY}, {T0 + 5 * H, T0 + 5 * H + 30 * 60_000, 60_000},
                    {T0 + 3 * H + 1, T0 + 40 * H, 90 * 60_000}};
            for (int stage = 0; stage < 3; stage++) {
                if (stage == 1) {
                    h.flush(); // partial blocks
                } else if (stage == 2) {
                    h.compact(); // merged blocks + day rollups
                    Historian.Snapshot snap = h.snapshot("T", T0, T0 + 3 * DAY, true, t0 -> true);
                    assertEquals(List.of(T0, T0 + DAY), snap.rollupStarts, "complete days have rollups");
                }
                for (long[] q : queries) {
                    assertAggregates(brute(d, q[0], q[1], q[2]), h.aggregate("T", q[0], q[1], q[2]));
                }
            }
            // late data and a duplicate after rollups exist
            List<Sample> late = List.of(Sample.good("T", T0 + DAY + 5, 1e6), Sample.good("T", d.get(100).timeMillis(), -1e6));
            h.onBatch(late);
            List<Sample> all = new ArrayList<>(d);
            all.add(late.get(0));
            all.set(100, late.get(1));
            all.sort((x, y) -> Long.compare(x.timeMillis(), y.timeMillis()));
            for (int stage = 0; stage < 3; stage++) {
                if (stage == 1) {
                    h.flush();
                } else if (stage == 2) {
                    h.compact();
                }
                for (long[] q : queries) {
                    assertAggregates(brute(all, q[0], q[1], q[2]), h.aggregate("T", q[0], q[1], q[2]));
                }
            }
        }
    }

    @Test
    void downsamplingNeverHidesASpikeOrAGap() {
        List<Sample> d = new ArrayList<>();
        Random r = new Random(9);
        for (int i = 0; i < 7 * 86_400; i += 1) {
            d.add(Sample.good("P", T0 + i * 1000L, (float) (10 + r.nextGaussian() * 0.1)));
        }
        int spike = 123_457;
        d.set(spike, Sample.good("P", d.get(spike).timeMillis(), 1000));
        int dip = 400_001;
        d.set(dip, Sample.good("P", d.get(dip).timeMillis(), -1000));
        int bad = 500_000;
        d.set(bad, new Sample("P", d.get(bad).timeMillis(), 10, Quality.BAD));
        int nan = 600_000;
        d.set(nan, Sample.good("P", d.get(nan).timeMillis(), Double.NaN));
        try (Historian h = Historian.open(dir.resolve("trend.db"), HistorianOptions.defaults())) {
            h.onBatch(d);
            for (int stage = 0; stage < 2; stage++) {
                if (stage == 1) {
                    h.compact();
                }
                long from = T0;
                long to = T0 + 7 * DAY;
                Downsampled ds = h.trend("P", from, to, 2000);
                assertEquals(d.size(), ds.totalCount());
                int cs = ds.columnOf(d.get(spike).timeMillis());
                assertEquals(1000, ds.max()[cs]);
                assertEquals(d.get(spike).timeMillis(), ds.tMax()[cs]);
                int cd = ds.columnOf(d.get(dip).timeMillis());
                assertEquals(-1000, ds.min()[cd]);
                assertTrue(ds.gap()[ds.columnOf(d.get(bad).timeMillis())]);
                assertTrue(ds.gap()[ds.columnOf(d.get(nan).timeMillis())]);
                for (int columns : new int[] {2000, 7, 1}) {
                    assertColumnsMatch(d, h.trend("P", from, to, columns));
                }
                assertColumnsMatch(d, h.trend("P", T0 + 12_345, T0 + 3 * DAY + 999, 333)); // unaligned range
            }
            // few columns: whole blocks come from their summaries
            Downsampled wide = h.trend("P", T0, T0 + 7 * DAY, 7);
            assertEquals(1000, wide.max()[wide.columnOf(d.get(spike).timeMillis())]);
            assertEquals(d.size(), wide.totalCount());
        }
    }

    /** Brute-force M4 of every column. */
    static void assertColumnsMatch(List<Sample> d, Downsampled ds) {
        int cols = ds.columns();
        Downsampled exp = Downsampled.empty(ds.tag(), ds.from(), ds.to(), cols);
        for (Sample s : d) {
            int c = exp.columnOf(s.timeMillis());
            if (c < 0) {
                continue;
            }
            exp.count()[c]++;
            if (!usable(s)) {
                exp.gap()[c] = true;
                continue;
            }
            double v = s.value();
            if (Double.isNaN(exp.min()[c]) || v < exp.min()[c]) {
                exp.min()[c] = v;
                exp.tMin()[c] = s.timeMillis();
            }
            if (Double.isNaN(exp.max()[c]) || v > exp.max()[c]) {
                exp.max()[c] = v;
                exp.tMax()[c] = s.timeMillis();
            }
            if (Double.isNaN(exp.first()[c])) {
                exp.first()[c] = v;
                exp.tFirst()[c] = s.timeMillis();
            }
            exp.last()[c] = v;
            exp.tLast()[c] = s.timeMillis();
        }
        for (int c = 0; c < cols; c++) {
            String w = "column " + c + " of " + cols;
            assertEquals(exp.count()[c], ds.count()[c], "count " + w);
            assertEquals(exp.gap()[c], ds.gap()[c], "gap " + w);
            assertEquals(exp.min()[c], ds.min()[c], "min " + w);
            assertEquals(exp.max()[c], ds.max()[c], "max " + w);
            assertEquals(exp.first()[c], ds.first()[c], "first " + w);
            assertEquals(exp.last()[c], ds.last()[c], "last " + w);
            if (exp.count()[c] > 0 && !Double.isNaN(exp.min()[c])) {
                assertEquals(exp.tFirst()[c], ds.tFirst()[c], "tFirst " + w);
                assertEquals(exp.tLast()[c], ds.tLast()[c], "tLast " + w);
                assertEquals(exp.min()[c], lookup(d, ds.tMin()[c]), "tMin points at the min " + w);
                assertEquals(exp.max()[c], lookup(d, ds.tMax()[c]), "tMax points at the max " + w);
            }
        }
    }

    static double lookup(List<Sample> d, long t) {
        int lo = 0;
        int hi = d.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long mt = d.get(mid).timeMillis();
            if (mt == t) {
                return d.get(mid).value();
            } else if (mt < t) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Double.NaN;
    }
}
