package com.vigil.historian;

import com.vigil.historian.codec.BlockCodec;
import com.vigil.historian.codec.SampleColumns;
import com.vigil.historian.codec.Summary;

import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates per interval. Walks the tag's data in time order as a mix of whole summaries (rollup rows and
 * blocks that fit in one interval) and decoded samples (everything else), carrying the step-hold state
 * across pieces and interval boundaries.
 */
final class Aggregator {
    private final long from;
    private final long to;
    private final long interval;
    private final int n;
    private final Summary[] s;
    private final double[] extraTw;
    private final long[] extraDur;
    private boolean hold;
    private double holdV;
    private long holdT;

    private Aggregator(long from, long to, long interval) {
        this.from = from;
        this.to = to;
        this.interval = interval;
        this.n = (int) ((to - from + interval - 1) / interval);
        this.s = new Summary[n];
        this.extraTw = new double[n];
        this.extraDur = new long[n];
    }

    static List<Aggregate> run(Historian h, String tag, long from, long to, long interval) {
        Aggregator a = new Aggregator(from, to, interval);
        long rspan = h.rollupSpan();
        Historian.Snapshot snap = h.snapshot(tag, from, to, true,
                t0 -> t0 >= from && t0 + rspan <= to && a.idx(t0) == a.idx(t0 + rspan - 1));
        long span = h.span();
        long winFrom = Math.floorDiv(from, span) * span;
        SampleColumns mem = snap.mem;
        // carry-in: the latest sample before the first window
        int memBefore = mem.lowerBound(winFrom);
        if (snap.before != null && (memBefore == 0 || snap.before.lastT > mem.t[memBefore - 1])) {
            a.sample(snap.before.lastT, snap.before.lastV, snap.before.lastQ);
        } else if (memBefore > 0) {
            a.sample(mem.t[memBefore - 1], mem.v[memBefore - 1], mem.q[memBefore - 1]);
        }
        int memPos = memBefore;
        int memEnd = mem.lowerBound(to);
        int ri = 0;
        int bi = 0;
        List<Historian.BlockRow> blocks = snap.blocks;
        List<Historian.BlockRow> group = new ArrayList<>();
        SampleColumns cols = new SampleColumns(8192);
        while (true) {
            long nextRollup = ri < snap.rollupStarts.size() ? snap.rollupStarts.get(ri) : Long.MAX_VALUE;
            long nextWin = bi < blocks.size() ? blocks.get(bi).win() : Long.MAX_VALUE;
            long next = Math.min(nextRollup, nextWin);
            // in-memory samples before the next stored piece (windows without stored blocks)
            int memStop = memPos;
            long memLimit = next;
            while (memStop < memEnd && mem.t[memStop] < memLimit) {
                memStop++;
            }
            // only feed memory samples not belonging to the window `next` (they are merged with it below)
            for (int i = memPos; i < memStop; i++) {
                a.sample(mem.t[i], mem.v[i], mem.q[i]);
            }
            memPos = memStop;
            if (next == Long.MAX_VALUE) {
                break;
            }
            if (nextRollup <= nextWin) {
                a.summary(snap.rollups.get(ri++));
                continue;
            }
            group.clear();
            while (bi < blocks.size() && blocks.get(bi).win() == nextWin) {
                group.add(blocks.get(bi++));
            }
            int memWinEnd = memPos;
            while (memWinEnd < memEnd && mem.t[memWinEnd] < nextWin + span) {
                memWinEnd++;
            }
            if (group.size() == 1 && memWinEnd == memPos) {
                Summary bs = group.get(0).summary();
                if (bs.firstT >= from && bs.lastT < to && a.idx(bs.firstT) == a.idx(bs.lastT)) {
                    a.summary(bs);
                    continue;
                }
            }
            cols.clear();
            for (Historian.BlockRow b : group) {
                BlockCodec.decode(b.data(), cols);
            }
            cols.addAll(mem, memPos, memWinEnd);
            memPos = memWinEnd;
            cols.sortAndDedupe();
            for (int i = 0; i < cols.n; i++) {
                a.sample(cols.t[i], cols.v[i], cols.q[i]);
            }
        }
        a.holdUntil(Math.min(to, Math.max(h.now(), from)));
        return a.result();
    }

    int idx(long t) {
        return (int) ((t - from) / interval);
    }

    private long end(int k) {
        return Math.min(to, from + (k + 1) * interval);
    }

    /** Adds the held value from holdT up to t to the intervals it spans (portions outside summaries). */
    void holdUntil(long t) {
        if (!hold) {
            return;
        }
        long a = Math.max(holdT, from);
        long b = Math.min(t, to);
        while (a < b) {
            int k = idx(a);
            long e = Math.min(end(k), b);
            extraTw[k] += holdV * (e - a);
            extraDur[k] += e - a;
            a = e;
        }
    }

    void sample(long t, double v, byte q) {
        if (t >= from && t < to) {
            int k = idx(t);
            Summary sk = s[k];
            if (sk == null) {
                sk = s[k] = new Summary();
            }
            if (sk.count == 0) {
                holdUntil(t);
            }
            sk.add(t, v, q);
        } else if (t >= to) {
            holdUntil(t);
        }
        hold = Summary.isUsable(v, q);
        holdV = v;
        holdT = t;
    }

    void summary(Summary x) {
        int k = idx(x.firstT);
        Summary sk = s[k];
        if (sk == null) {
            sk = s[k] = new Summary();
        }
        if (sk.count == 0) {
            holdUntil(x.firstT);
        }
        sk.append(x);
        hold = x.lastUsable();
        holdV = x.lastV;
        holdT = x.lastT;
    }

    List<Aggregate> result() {
        List<Aggregate> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long start = from + k * interval;
            Summary x = s[k] == null ? new Summary() : s[k];
            double tw = x.twSum + extraTw[k];
            long dur = x.twDur + extraDur[k];
            out.add(new Aggregate(start, end(k), x.count, x.usable, x.bad, x.min, x.max,
                    x.usable > 0 ? x.sum / x.usable : Double.NaN, dur > 0 ? tw / dur : Double.NaN,
                    x.firstUsableV, x.lastUsableV));
        }
        return out;
    }
}
