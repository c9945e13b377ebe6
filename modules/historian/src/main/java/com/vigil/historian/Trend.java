package com.vigil.historian;

import com.vigil.historian.codec.BlockCodec;
import com.vigil.historian.codec.SampleColumns;
import com.vigil.historian.codec.Summary;

import java.util.ArrayList;
import java.util.List;

/** M4 downsampling: per pixel column first/last/min/max of usable samples, plus counts and gaps. */
final class Trend {
    private Trend() {
    }

    static void fill(Historian h, Downsampled d) {
        long span = h.span();
        Historian.Snapshot s = h.snapshot(d.tag(), d.from(), d.to(), false, null);
        SampleColumns mem = s.mem;
        SampleColumns cols = new SampleColumns(8192);
        List<Historian.BlockRow> group = new ArrayList<>();
        int memPos = mem.lowerBound(d.from());
        int memEnd = mem.lowerBound(d.to());
        int i = 0;
        List<Historian.BlockRow> blocks = s.blocks;
        while (i < blocks.size()) {
            long win = blocks.get(i).win();
            group.clear();
            while (i < blocks.size() && blocks.get(i).win() == win) {
                group.add(blocks.get(i++));
            }
            // in-memory samples before this window that are in windows without blocks
            int memWinStart = lowerBound(mem, memPos, memEnd, win);
            feed(d, mem, memPos, memWinStart);
            int memWinEnd = lowerBound(mem, memWinStart, memEnd, win + span);
            memPos = memWinEnd;
            if (group.size() == 1 && memWinStart == memWinEnd) {
                Summary bs = group.get(0).summary();
                int c0 = d.columnOf(bs.firstT);
                if (c0 >= 0 && c0 == d.columnOf(bs.lastT)) {
                    addSummary(d, c0, bs);
                    continue;
                }
            }
            cols.clear();
            for (Historian.BlockRow b : group) {
                BlockCodec.decode(b.data(), cols);
            }
            cols.addAll(mem, memWinStart, memWinEnd);
            if (group.size() > 1 || memWinStart < memWinEnd) {
                cols.sortAndDedupe();
            }
            feed(d, cols, cols.lowerBound(d.from()), cols.lowerBound(d.to()));
        }
        feed(d, mem, memPos, memEnd);
    }

    private static int lowerBound(SampleColumns c, int lo, int hi, long t) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (c.t[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Feeds sorted samples [a, b) which all lie in [from, to). */
    private static void feed(Downsampled d, SampleColumns c, int a, int b) {
        if (a >= b) {
            return;
        }
        int col = d.columnOf(c.t[a]);
        long end = col + 1 < d.columns() ? d.columnStart(col + 1) : d.to();
        int[] count = d.count();
        double[] min = d.min();
        double[] max = d.max();
        long[] tMin = d.tMin();
        long[] tMax = d.tMax();
        for (int i = a; i < b; i++) {
            long t = c.t[i];
            if (t >= end) {
                col = d.columnOf(t);
                end = col + 1 < d.columns() ? d.columnStart(col + 1) : d.to();
            }
            count[col]++;
            double v = c.v[i];
            if (!Summary.isUsable(v, c.q[i])) {
                d.gap()[col] = true;
                continue;
            }
            if (Double.isNaN(min[col])) {
                min[col] = v;
                max[col] = v;
                tMin[col] = t;
                tMax[col] = t;
                d.first()[col] = v;
                d.tFirst()[col] = t;
            } else {
                if (v < min[col]) {
                    min[col] = v;
                    tMin[col] = t;
                }
                if (v > max[col]) {
                    max[col] = v;
                    tMax[col] = t;
                }
                if (t < d.tFirst()[col]) {
                    d.first()[col] = v;
                    d.tFirst()[col] = t;
                }
            }
            if (Double.isNaN(d.last()[col]) || t >= d.tLast()[col]) {
                d.last()[col] = v;
                d.tLast()[col] = t;
            }
        }
    }

    private static void addSummary(Downsampled d, int col, Summary s) {
        d.count()[col] += (int) s.count;
        if (s.usable < s.count) {
            d.gap()[col] = true;
        }
        if (s.usable == 0) {
            return;
        }
        if (Double.isNaN(d.min()[col])) {
            d.min()[col] = s.min;
            d.tMin()[col] = s.tMin;
            d.max()[col] = s.max;
            d.tMax()[col] = s.tMax;
            d.first()[col] = s.firstUsableV;
            d.tFirst()[col] = s.firstUsableT;
            d.last()[col] = s.lastUsableV;
            d.tLast()[col] = s.lastUsableT;
            return;
        }
        if (s.min < d.min()[col]) {
            d.min()[col] = s.min;
            d.tMin()[col] = s.tMin;
        }
        if (s.max > d.max()[col]) {
            d.max()[col] = s.max;
            d.tMax()[col] = s.tMax;
        }
        if (s.firstUsableT < d.tFirst()[col]) {
            d.first()[col] = s.firstUsableV;
            d.tFirst()[col] = s.firstUsableT;
        }
        if (s.lastUsableT >= d.tLast()[col]) {
            d.last()[col] = s.lastUsableV;
            d.tLast()[col] = s.lastUsableT;
        }
    }
}
