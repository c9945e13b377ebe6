package com.vigil.historian;

/**
 * A tag's range reduced to pixel columns for a chart (M4: per column the first, last, minimum and maximum,
 * with their times), so that no spike is hidden however many samples fall into one column.
 * Column i covers [columnStart(i), columnStart(i + 1)).
 *
 * <p>{@code count[i] == 0}: no sample in the column. {@code gap[i]}: the column contains at least one sample
 * that is not usable (BAD/STALE quality, NaN or ±Infinity) — the chart should break the line there.
 * min/max/first/last only use usable samples and are NaN when there is none.
 */
public record Downsampled(String tag, long from, long to, int columns, int[] count, boolean[] gap,
                          double[] min, long[] tMin, double[] max, long[] tMax,
                          double[] first, long[] tFirst, double[] last, long[] tLast) {

    public static Downsampled empty(String tag, long from, long to, int columns) {
        double[] min = new double[columns];
        double[] max = new double[columns];
        double[] first = new double[columns];
        double[] last = new double[columns];
        java.util.Arrays.fill(min, Double.NaN);
        java.util.Arrays.fill(max, Double.NaN);
        java.util.Arrays.fill(first, Double.NaN);
        java.util.Arrays.fill(last, Double.NaN);
        return new Downsampled(tag, from, to, columns, new int[columns], new boolean[columns], min, new long[columns],
                max, new long[columns], first, new long[columns], last, new long[columns]);
    }

    public long columnStart(int i) {
        return from + (long) Math.ceil((double) (to - from) * i / columns);
    }

    /** Column of time t, or -1 if outside [from, to). */
    public int columnOf(long t) {
        if (t < from || t >= to) {
            return -1;
        }
        int c = (int) ((double) (t - from) * columns / (to - from));
        c = Math.min(columns - 1, Math.max(0, c));
        // correct floating-point edge cases so that columnStart(c) <= t < columnStart(c + 1)
        while (c > 0 && t < columnStart(c)) {
            c--;
        }
        while (c < columns - 1 && t >= columnStart(c + 1)) {
            c++;
        }
        return c;
    }

    /** Total samples over all columns. */
    public long totalCount() {
        long s = 0;
        for (int c : count) {
            s += c;
        }
        return s;
    }
}
