package com.vigil.historian;

import com.vigil.historian.codec.SampleColumns;

import java.util.Arrays;

/**
 * Samples written to the log but not yet to blocks, kept flat in arrival order (appending never touches
 * per-tag structures, which with thousands of interleaved tags would cost a cache miss per sample).
 * Grouped per tag by a counting sort when flushed. Per-tag latest values are kept in arrays indexed by tag id.
 * Not thread-safe: guarded by the historian's memLock.
 */
final class MemTable {
    int[] tag = new int[1024];
    long[] t = new long[1024];
    double[] v = new double[1024];
    byte[] q = new byte[1024];
    int n;
    long maxT = Long.MIN_VALUE;

    long[] latestT = new long[64];
    double[] latestV = new double[64];
    byte[] latestQ = new byte[64];
    boolean[] hasLatest = new boolean[64];

    MemTable() {
    }

    /** A fresh table that continues the latest values of {@code prev}. */
    MemTable(MemTable prev) {
        continueFrom(prev);
    }

    /** Empties this table (keeping its arrays) to continue after {@code prev}: avoids re-growing big arrays. */
    MemTable continueFrom(MemTable prev) {
        clear();
        maxT = Long.MIN_VALUE;
        latestT = prev.latestT;
        latestV = prev.latestV;
        latestQ = prev.latestQ;
        hasLatest = prev.hasLatest;
        return this;
    }

    void ensureTag(int id) {
        if (id >= latestT.length) {
            int cap = Math.max(id + 1, latestT.length * 2);
            latestT = Arrays.copyOf(latestT, cap);
            latestV = Arrays.copyOf(latestV, cap);
            latestQ = Arrays.copyOf(latestQ, cap);
            hasLatest = Arrays.copyOf(hasLatest, cap);
        }
    }

    void reserve(int extra) {
        if (n + extra > t.length) {
            int cap = Math.max(n + extra, t.length + (t.length >> 1));
            tag = Arrays.copyOf(tag, cap);
            t = Arrays.copyOf(t, cap);
            v = Arrays.copyOf(v, cap);
            q = Arrays.copyOf(q, cap);
        }
    }

    /** Appends; caller has reserved room and ensured the tag id. */
    void add(int id, long time, double value, byte quality) {
        int i = n++;
        tag[i] = id;
        t[i] = time;
        v[i] = value;
        q[i] = quality;
        if (time > maxT) {
            maxT = time;
        }
        if (!hasLatest[id] || time >= latestT[id]) {
            hasLatest[id] = true;
            latestT[id] = time;
            latestV[id] = value;
            latestQ[id] = quality;
        }
    }

    /** Appends the samples of one tag, in arrival order. */
    void collect(int id, SampleColumns out) {
        int[] tg = tag;
        for (int i = 0; i < n; i++) {
            if (tg[i] == id) {
                out.add(t[i], v[i], q[i]);
            }
        }
    }

    /** Counting sort by tag: returns {start[tagCount + 1], perm[n]}; arrival order kept per tag. */
    int[][] group(int tagCount) {
        int[] start = new int[tagCount + 1];
        for (int i = 0; i < n; i++) {
            start[tag[i] + 1]++;
        }
        for (int k = 0; k < tagCount; k++) {
            start[k + 1] += start[k];
        }
        int[] pos = Arrays.copyOf(start, tagCount);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[pos[tag[i]]++] = i;
        }
        return new int[][] {start, perm};
    }

    /** The samples of tag k (positions perm[start[k] .. start[k+1])) into {@code c} (cleared first). */
    SampleColumns gather(int k, int[] start, int[] perm, SampleColumns c) {
        int a = start[k];
        int b = start[k + 1];
        c.clear();
        if (c.t.length < b - a) {
            c = new SampleColumns(b - a);
        }
        for (int j = a; j < b; j++) {
            int i = perm[j];
            c.t[c.n] = t[i];
            c.v[c.n] = v[i];
            c.q[c.n] = q[i];
            c.n++;
        }
        return c;
    }

    void clear() {
        n = 0;
        if (t.length > 16_000_000) {
            tag = new int[1024];
            t = new long[1024];
            v = new double[1024];
            q = new byte[1024];
        }
    }
}
