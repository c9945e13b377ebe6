package com.vigil.historian.codec;

import java.util.Arrays;

/**
 * Growable columnar samples of one tag: time, value, quality ordinal. Not thread-safe.
 * The order of {@link #add} calls is the arrival order used by the "last write wins" rule.
 */
public final class SampleColumns {
    public long[] t;
    public double[] v;
    public byte[] q;
    public int n;

    public SampleColumns() {
        this(16);
    }

    public SampleColumns(int capacity) {
        capacity = Math.max(4, capacity);
        t = new long[capacity];
        v = new double[capacity];
        q = new byte[capacity];
    }

    public void add(long time, double value, byte quality) {
        if (n == t.length) {
            grow(n + 1);
        }
        t[n] = time;
        v[n] = value;
        q[n] = quality;
        n++;
    }

    public void addAll(SampleColumns o, int from, int to) {
        int len = to - from;
        if (len <= 0) {
            return;
        }
        if (n + len > t.length) {
            grow(n + len);
        }
        System.arraycopy(o.t, from, t, n, len);
        System.arraycopy(o.v, from, v, n, len);
        System.arraycopy(o.q, from, q, n, len);
        n += len;
    }

    public void addAll(SampleColumns o) {
        addAll(o, 0, o.n);
    }

    private void grow(int min) {
        int cap = Math.max(min, t.length + (t.length >> 1) + 8);
        t = Arrays.copyOf(t, cap);
        v = Arrays.copyOf(v, cap);
        q = Arrays.copyOf(q, cap);
    }

    public void clear() {
        n = 0;
    }

    public boolean isStrictlyIncreasing() {
        for (int i = 1; i < n; i++) {
            if (t[i] <= t[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sorts by time (stable) and removes duplicate timestamps keeping the last added one
     * ("last write wins").
     */
    public void sortAndDedupe() {
        if (isStrictlyIncreasing()) {
            return;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(idx, tmp, 0, n);
        long[] nt = new long[Math.max(4, n)];
        double[] nv = new double[nt.length];
        byte[] nq = new byte[nt.length];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int i = idx[k];
            if (m > 0 && nt[m - 1] == t[i]) {
                m--; // later arrival replaces earlier one with equal time
            }
            nt[m] = t[i];
            nv[m] = v[i];
            nq[m] = q[i];
            m++;
        }
        t = nt;
        v = nv;
        q = nq;
        n = m;
    }

    private void mergeSort(int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo <= 16) {
            for (int i = lo + 1; i < hi; i++) {
                int x = a[i];
                long tx = t[x];
                int j = i - 1;
                while (j >= lo && t[a[j]] > tx) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid);
        mergeSort(a, tmp, mid, hi);
        if (t[a[mid - 1]] <= t[a[mid]]) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && t[tmp[i]] <= t[tmp[j]])) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /** Index of the first sample with time ≥ time (columns must be sorted). */
    public int lowerBound(long time) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
