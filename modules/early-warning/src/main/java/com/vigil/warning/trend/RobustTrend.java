package com.vigil.warning.trend;

import java.util.Arrays;

/**
 * Theil–Sen line through time-stamped points: slope = median of pairwise slopes, intercept = median of
 * the residual offsets. Resistant to noise and to up to ~29 % outliers. Significance is judged with the
 * Mann–Kendall statistic (normal approximation), so a flat noisy signal is not reported as a trend.
 *
 * @param slopePerMilli  value change per millisecond
 * @param levelAtRef     fitted value at {@code refMillis}
 * @param refMillis      reference time (the newest point)
 * @param kendallZ       Mann–Kendall z score (sign = direction; |z| &gt; 2.58 ≈ 99 % significant)
 * @param residualScale  robust spread of the residuals (1.4826·MAD)
 * @param points         number of points used
 */
public record RobustTrend(double slopePerMilli, double levelAtRef, long refMillis, double kendallZ, double residualScale, int points) {

    /** Largest number of points used for the O(n²) pairwise slopes (older points are thinned). */
    public static final int MAX_POINTS = 400;

    public double valueAt(long tMillis) {
        return levelAtRef + slopePerMilli * (tMillis - refMillis);
    }

    public double slopePerMinute() {
        return slopePerMilli * 60_000.0;
    }

    /**
     * Fits a Theil–Sen line; non-finite values are skipped. Returns null with fewer than 3 usable points.
     */
    public static RobustTrend fit(long[] t, double[] y) {
        return fit(t, y, MAX_POINTS);
    }

    /** As {@link #fit(long[], double[])}, thinning to at most {@code maxPoints} points (at least 3). */
    public static RobustTrend fit(long[] t, double[] y, int maxPoints) {
        maxPoints = Math.max(3, maxPoints);
        int n0 = Math.min(t.length, y.length);
        int m = 0;
        for (int i = 0; i < n0; i++) if (Double.isFinite(y[i])) m++;
        if (m < 3) return null;
        int stride = (int) Math.ceil(m / (double) maxPoints);
        int n = (m + stride - 1) / stride;
        long[] tt = new long[n];
        double[] yy = new double[n];
        int k = 0, seen = 0;
        for (int i = 0; i < n0 && k < n; i++) {
            if (!Double.isFinite(y[i])) continue;
            // keep every stride-th point counted from the newest so the newest is always used
            if ((m - 1 - seen) % stride == 0) {
                tt[k] = t[i];
                yy[k] = y[i];
                k++;
            }
            seen++;
        }
        n = k;
        if (n < 3) return null;
        double[] slopes = new double[n * (n - 1) / 2];
        int s = 0;
        long concord = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                long dt = tt[j] - tt[i];
                double dy = yy[j] - yy[i];
                if (dt != 0) slopes[s++] = dy / dt;
                int sign = (int) Math.signum(dy) * (int) Math.signum((double) dt);
                concord += sign;
            }
        }
        if (s == 0) return null;
        double slope = median(Arrays.copyOf(slopes, s));
        long ref = tt[n - 1];
        double[] off = new double[n];
        for (int i = 0; i < n; i++) off[i] = yy[i] - slope * (tt[i] - ref);
        double level = median(off.clone());
        double[] res = new double[n];
        for (int i = 0; i < n; i++) res[i] = Math.abs(off[i] - level);
        double scale = 1.4826 * median(res);
        double var = n * (n - 1.0) * (2.0 * n + 5.0) / 18.0;
        double z = concord == 0 ? 0 : (concord - Math.signum(concord)) / Math.sqrt(var);
        return new RobustTrend(slope, level, ref, z, scale, n);
    }

    static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
