package com.vigil.warning.detect;

import java.util.Arrays;

/**
 * Causal changepoint detector: a two-sided CUSUM per tag on the deviation from a local baseline,
 * with re-baselining after every detection (Page's CUSUM with restart).
 *
 * <p>The scale of each tag is its "wander" over the training rows: the spread of
 * {@code x(t) − mean(x(t−50) … x(t−31))}, so a slowly drifting tag needs a larger move. The baseline
 * starts as the mean of the last {@code baselineRows} training rows. When any tag's upper or lower
 * CUSUM exceeds {@code h}, a changepoint is reported at that row, all sums reset, and the baseline is
 * re-learnt from the next {@code baselineRows} rows (no detection during re-learning). It reports the
 * moments the process <em>changes</em> (onset, end of a ramp, start and end of a return), not whether
 * the state is anomalous; the anomaly state comes from the {@link MultivariateDetector}.
 *
 * <p>Not thread-safe: one instance per stream. Missing values (NaN) are held at the last good value.
 */
public final class CusumChangepoints {
    /** Fixed settings: reference value k (in wander units), decision interval h, re-baseline rows. */
    public record Settings(double k, double h, int baselineRows) {
        public static Settings defaults() {
            return new Settings(3.0, 10.0, 20);
        }
    }

    private static final int LAG_FROM = 50, LAG_TO = 31;

    private final Settings s;
    private final double[] scale;
    private final double[] base;
    private final double[] sp, sn, last, acc;
    private int wait, accN;

    private CusumChangepoints(Settings s, double[] scale, double[] base) {
        this.s = s;
        this.scale = scale;
        this.base = base;
        int p = scale.length;
        sp = new double[p];
        sn = new double[p];
        acc = new double[p];
        last = base.clone();
    }

    /** Fits the per-tag scale and the first baseline on training rows (at least 60 rows). */
    public static CusumChangepoints fit(double[][] train, Settings s) {
        if (train.length < LAG_FROM + 10) throw new IllegalArgumentException("changepoint detector needs at least " + (LAG_FROM + 10) + " training rows, got " + train.length);
        int n = train.length, p = train[0].length;
        double[][] x = fillMissing(train);
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double sum = 0, sum2 = 0;
            int cnt = 0;
            for (int t = LAG_FROM; t < n; t++) {
                double m = 0;
                for (int u = t - LAG_FROM; u <= t - LAG_TO; u++) m += x[u][j];
                m /= (LAG_FROM - LAG_TO + 1);
                double d = x[t][j] - m;
                if (Double.isNaN(d)) continue;
                sum += d;
                sum2 += d * d;
                cnt++;
            }
            double var = cnt > 1 ? (sum2 - sum * sum / cnt) / (cnt - 1) : 0;
            scale[j] = var > 1e-18 ? Math.sqrt(var) : 0; // 0 = constant tag, ignored
        }
        double[] base = new double[p];
        int from = Math.max(0, n - s.baselineRows());
        for (int j = 0; j < p; j++) {
            double m = 0;
            for (int t = from; t < n; t++) m += x[t][j];
            base[j] = m / (n - from);
        }
        return new CusumChangepoints(s, scale, base);
    }

    /** Pushes the next row; true when a changepoint is detected at this row. */
    public boolean push(double[] row) {
        int p = scale.length;
        double[] x = new double[p];
        for (int j = 0; j < p; j++) {
            double v = j < row.length ? row[j] : Double.NaN;
            x[j] = Double.isFinite(v) ? v : last[j];
            last[j] = x[j];
        }
        if (wait > 0) {
            for (int j = 0; j < p; j++) acc[j] += x[j];
            accN++;
            if (--wait == 0) {
                for (int j = 0; j < p; j++) base[j] = acc[j] / accN;
            }
            return false;
        }
        boolean hit = false;
        for (int j = 0; j < p; j++) {
            if (scale[j] == 0 || !Double.isFinite(base[j])) continue;
            double z = (x[j] - base[j]) / scale[j];
            sp[j] = Math.max(0, sp[j] + z - s.k());
            sn[j] = Math.max(0, sn[j] - z - s.k());
            if (sp[j] > s.h() || sn[j] > s.h()) hit = true;
        }
        if (hit) {
            Arrays.fill(sp, 0);
            Arrays.fill(sn, 0);
            Arrays.fill(acc, 0);
            accN = 0;
            wait = s.baselineRows();
        }
        return hit;
    }

    private static double[][] fillMissing(double[][] rows) {
        int p = rows[0].length;
        double[][] out = new double[rows.length][];
        double[] last = new double[p];
        Arrays.fill(last, Double.NaN);
        for (int t = 0; t < rows.length; t++) {
            out[t] = new double[p];
            for (int j = 0; j < p; j++) {
                double v = j < rows[t].length ? rows[t][j] : Double.NaN;
                if (Double.isFinite(v)) last[j] = v;
                out[t][j] = last[j];
            }
        }
        // leading NaN: back-fill with the first good value
        for (int j = 0; j < p; j++) {
            double first = Double.NaN;
            for (double[] r : out) if (Double.isFinite(r[j])) { first = r[j]; break; }
            for (double[] r : out) { if (Double.isFinite(r[j])) break; r[j] = first; }
        }
        return out;
    }
}
