package com.vigil.warning.detect;

import java.util.ArrayList;
import java.util.List;

/** Builds lagged feature vectors (current row followed by the rows 1..L samples earlier). */
public final class Lags {
    private Lags() {
    }

    /** Feature names: {@code tag} for lag 0, {@code tag@-k} for lag k. */
    public static List<String> names(List<String> columns, int lags) {
        List<String> n = new ArrayList<>();
        for (int l = 0; l <= lags; l++) for (String c : columns) n.add(l == 0 ? c : c + "@-" + l);
        return n;
    }

    /** Feature vector from recent rows (recent[0] = now). */
    public static double[] features(double[][] recent, int lags, int p) {
        double[] f = new double[p * (lags + 1)];
        for (int l = 0; l <= lags; l++) {
            double[] r = recent[Math.min(l, recent.length - 1)];
            System.arraycopy(r, 0, f, l * p, p);
        }
        return f;
    }

    /** Expands a time-ordered matrix into lagged rows; the first {@code lags} rows are dropped. */
    public static double[][] expand(double[][] x, int lags) {
        if (lags == 0) return x;
        int p = x[0].length;
        double[][] out = new double[Math.max(0, x.length - lags)][];
        for (int i = lags; i < x.length; i++) {
            double[][] recent = new double[lags + 1][];
            for (int l = 0; l <= lags; l++) recent[l] = x[i - l];
            out[i - lags] = features(recent, lags, p);
        }
        return out;
    }

    /**
     * The last {@code lags + 1} rows of a stream, newest first, as {@link #features} and the detectors' scoring want
     * them; until enough rows came, the oldest row stands in for the missing ones. Not thread-safe.
     */
    public static final class Window {
        private final java.util.ArrayDeque<double[]> history = new java.util.ArrayDeque<>();
        private final int lags;

        public Window(int lags) {
            this.lags = lags;
        }

        /** Adds {@code row} (kept by reference) and returns the recent rows, {@code recent[0]} = {@code row}. */
        public double[][] push(double[] row) {
            history.addFirst(row);
            while (history.size() > lags + 1) history.removeLast();
            double[][] recent = new double[lags + 1][];
            int i = 0;
            for (double[] h : history) recent[i++] = h;
            while (i < recent.length) { recent[i] = recent[i - 1]; i++; }
            return recent;
        }
    }
}
