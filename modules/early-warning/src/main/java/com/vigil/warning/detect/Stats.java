package com.vigil.warning.detect;

import java.util.Arrays;

/** Small numeric helpers (order statistics); the linear algebra itself comes from EJML. */
public final class Stats {
    private Stats() {
    }

    /** Linear-interpolated quantile of the finite values, NaN if there are none. */
    public static double quantile(double[] v, double q) {
        double[] s = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (s.length == 0) return Double.NaN;
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    public static double median(double[] v) {
        return quantile(v, 0.5);
    }

    public static double[] column(double[][] m, int j) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) c[i] = m[i][j];
        return c;
    }

    /** Applies an exponentially weighted moving average, starting from {@code start}. */
    public static double[] ewma(double[] v, double lambda, double start) {
        double[] out = new double[v.length];
        double s = start;
        for (int i = 0; i < v.length; i++) {
            double x = Double.isFinite(v[i]) ? v[i] : s;
            s = lambda * x + (1 - lambda) * s;
            out[i] = s;
        }
        return out;
    }
}
