package com.vigil.warning.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Level-shift (changepoint) detector for plants whose normal operating point drifts slowly: for every tag
 * the mean of the last {@code w} rows is compared with a robust local-trend forecast from a baseline
 * window of {@code W} rows that ends {@code g} rows earlier. The per-tag residuals are standardised by
 * their spread on the training data and combined as a Mahalanobis distance (residual covariance from
 * the training stream, inverted with EJML). While a warning is active the baseline is frozen at the
 * onset, so a sustained shift stays visible until the plant returns.
 */
public final class StepDetector implements MultivariateDetector {

    /**
     * @param shortWindow  w: rows averaged for the current level
     * @param baseWindow   W: rows in the baseline window
     * @param gap          g: rows between the baseline window and the current window
     * @param trend        extrapolate the baseline's robust (Theil–Sen-like, median of pairwise) slope
     * @param limitQuantile quantile of the training statistic used as the unit limit
     * @param shrink       shrinkage of the residual correlation matrix towards identity (0..1)
     */
    public record Settings(int shortWindow, int baseWindow, int gap, boolean trend, double limitQuantile, double shrink) {
        public static Settings defaults() {
            return new Settings(10, 120, 10, true, 0.99, 0.2);
        }
    }

    /** Rows of post-warning data needed before the re-learnt baseline is used. */
    static final int RELEARN_ROWS = 30;

    private final Settings settings;
    private List<String> columns = List.of();
    private double[] sigma;          // per tag residual spread, 0 = ignored tag
    private double[][] precision;    // inverse correlation of standardised residuals
    private double limit = 1;
    private double[] calibration = new double[0];
    private final List<String> notes = new ArrayList<>();

    public StepDetector(Settings settings) {
        this.settings = settings;
    }

    public StepDetector() {
        this(Settings.defaults());
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String kind() {
        return "step";
    }

    @Override
    public boolean isFitted() {
        return sigma != null;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public int lags() {
        return settings.baseWindow() + settings.gap() + settings.shortWindow() - 1;
    }

    @Override
    public double[] calibrationScores() {
        return calibration.clone();
    }

    @Override
    public List<String> fitNotes() {
        return List.copyOf(notes);
    }

    public int minRows() {
        return lags() + 1 + 30;
    }

    @Override
    public void fit(double[][] normal, List<String> cols) {
        int p = cols.size();
        if (normal.length < minRows()) {
            throw new IllegalArgumentException("too little training data: " + normal.length + " rows, the step detector needs at least "
                + minRows() + " (baseline " + settings.baseWindow() + " + gap " + settings.gap() + " + window " + settings.shortWindow() + " + 30)");
        }
        notes.clear();
        columns = List.copyOf(cols);
        // raw residuals on the training stream
        double[][] x = fill(normal, p);
        List<double[]> res = new ArrayList<>();
        for (int t = lags(); t < x.length; t++) {
            Baseline b = Baseline.of(x, t, settings, 0);
            res.add(b.residual(x, t, settings.shortWindow()));
        }
        int n = res.size();
        sigma = new double[p];
        for (int j = 0; j < p; j++) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) c[i] = res.get(i)[j];
            double ss = 0;
            for (double v : c) ss += v * v;
            double sd = Math.sqrt(ss / n);
            // robust floor: a tag that never moved gets no weight
            boolean constant = true;
            for (int i = 1; i < x.length && constant; i++) constant = x[i][j] == x[0][j];
            boolean allNaN = Arrays.stream(Stats.column(normal, j)).noneMatch(Double::isFinite);
            if (allNaN) notes.add("tag " + cols.get(j) + ": no numeric values in the training data; ignored");
            else if (constant) notes.add("tag " + cols.get(j) + ": constant in the training data; ignored");
            sigma[j] = allNaN || constant || !(sd > 0) ? 0 : sd;
        }
        DMatrixRMaj corr = new DMatrixRMaj(p, p);
        for (double[] r : res) {
            double[] z = standardise(r);
            for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) corr.add(a, b, z[a] * z[b] / n);
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double v = corr.get(a, b) * (1 - settings.shrink());
                if (a == b) v = sigma[a] == 0 ? 1 : corr.get(a, a) * (1 - settings.shrink()) + settings.shrink();
                corr.set(a, b, v);
            }
        }
        DMatrixRMaj inv = new DMatrixRMaj(p, p);
        if (!CommonOps_DDRM.invert(corr, inv)) {
            CommonOps_DDRM.setIdentity(inv);
            notes.add("residual correlation matrix is singular; tags treated as independent");
        }
        precision = new double[p][p];
        for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) precision[a][b] = inv.get(a, b);
        limit = 1;
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) raw[i] = distance(standardise(res.get(i)));
        double q = Stats.quantile(raw, settings.limitQuantile());
        limit = Double.isFinite(q) && q > 0 ? q : 1;
        calibration = new double[n];
        for (int i = 0; i < n; i++) calibration[i] = raw[i] / limit;
    }

    private double[] standardise(double[] r) {
        double[] z = new double[r.length];
        for (int j = 0; j < r.length; j++) z[j] = sigma[j] == 0 || !Double.isFinite(r[j]) ? 0 : r[j] / sigma[j];
        return z;
    }

    private double distance(double[] z) {
        int p = z.length;
        double d = 0;
        for (int a = 0; a < p; a++) {
            double s = 0;
            for (int b = 0; b < p; b++) s += precision[a][b] * z[b];
            d += z[a] * s;
        }
        return Math.max(0, d) / p;
    }

    private Score scoreResidual(double[] r) {
        double[] z = standardise(r);
        int p = z.length;
        double[] contrib = new double[p];
        double d = 0;
        for (int a = 0; a < p; a++) {
            double s = 0;
            for (int b = 0; b < p; b++) s += precision[a][b] * z[b];
            contrib[a] = Math.max(0, z[a] * s) / p / limit;
            d += z[a] * s;
        }
        double stat = Math.max(0, d) / p / limit;
        return new Score(stat, new double[] {stat}, contrib, z);
    }

    @Override
    public Score score(double[][] recent) {
        if (!isFitted()) throw new IllegalStateException("step detector is not fitted");
        int len = lags() + 1;
        double[][] x = new double[len][];
        for (int i = 0; i < len; i++) x[len - 1 - i] = recent[Math.min(i, recent.length - 1)];
        Baseline b = Baseline.of(x, len - 1, settings, 0);
        return scoreResidual(b.residual(x, len - 1, settings.shortWindow()));
    }

    @Override
    public Session session() {
        return new Session() {
            private final ArrayDeque<double[]> hist = new ArrayDeque<>();
            private Baseline frozen;
            private int sinceFreeze;
            private int afterClear = -1;

            @Override
            public Score next(double[] row, boolean inAlarm) {
                hist.addLast(row);
                int len = lags() + 1;
                while (hist.size() > len) hist.removeFirst();
                double[][] x = new double[len][];
                Iterator<double[]> it = hist.iterator();
                int k = len - hist.size();
                double[] first = hist.peekFirst();
                for (int i = 0; i < k; i++) x[i] = first;
                while (it.hasNext()) x[k++] = it.next();
                Baseline b;
                if (inAlarm) {
                    if (frozen == null) {
                        frozen = Baseline.of(x, len - 1, settings, 0);
                        sinceFreeze = 0;
                    }
                    afterClear = -1;
                    sinceFreeze++;
                    b = frozen.shifted(sinceFreeze);
                } else if (afterClear >= 0) {
                    // re-learning after a warning cleared: the baseline uses only rows from after the
                    // warning (the pre-warning level may have drifted away while it was active)
                    afterClear++;
                    frozen = null;
                    int minRows = settings.shortWindow() + settings.gap() + RELEARN_ROWS;
                    if (afterClear < minRows) {
                        return new Score(0, new double[] {0}, new double[columns.size()], new double[columns.size()]);
                    }
                    if (afterClear >= len) afterClear = -1;
                    b = Baseline.of(x, len - 1, settings, Math.max(0, len - afterClear));
                } else {
                    b = Baseline.of(x, len - 1, settings, 0);
                }
                return scoreResidual(b.residual(x, len - 1, settings.shortWindow()));
            }
        };
    }

    private static double[][] fill(double[][] rows, int p) {
        double[][] x = new double[rows.length][];
        double[] last = new double[p];
        Arrays.fill(last, Double.NaN);
        for (int i = 0; i < rows.length; i++) {
            x[i] = rows[i].clone();
            for (int j = 0; j < p; j++) {
                if (Double.isFinite(x[i][j])) last[j] = x[i][j];
                else x[i][j] = last[j];
            }
        }
        // back-fill leading NaN with the first value
        for (int j = 0; j < p; j++) {
            double firstVal = Double.NaN;
            for (double[] r : x) if (Double.isFinite(r[j])) { firstVal = r[j]; break; }
            for (double[] r : x) if (!Double.isFinite(r[j])) r[j] = firstVal; else break;
        }
        return x;
    }

    /** Level + slope per tag, anchored at the centre of the baseline window, extrapolated to time t. */
    private record Baseline(double[] level, double[] slope, double anchorToNow, double maxExtrapolation) {
        static Baseline of(double[][] x, int t, Settings s, int minStart) {
            int p = x[t].length;
            int end = t - s.shortWindow() - s.gap();       // last baseline row
            int start = Math.max(end - s.baseWindow() + 1, Math.min(minStart, end));
            double[] level = new double[p], slope = new double[p];
            for (int j = 0; j < p; j++) {
                double[] v = new double[end - start + 1];
                for (int i = 0; i < v.length; i++) v[i] = x[start + i][j];
                level[j] = Stats.median(v);
                if (s.trend() && v.length >= 20) {
                    // slope: median of slopes between the first and the second half (robust, O(W))
                    int h = v.length / 2;
                    double[] sl = new double[h];
                    for (int i = 0; i < h; i++) sl[i] = (v[i + h] - v[i]) / h;
                    slope[j] = Stats.median(sl);
                }
            }
            double centre = (start + end) / 2.0;
            double now = t - (s.shortWindow() - 1) / 2.0;
            return new Baseline(level, slope, now - centre, now - centre + s.baseWindow() / 2.0);
        }

        Baseline shifted(int rows) {
            return new Baseline(level, slope, anchorToNow + rows, maxExtrapolation);
        }

        double[] residual(double[][] x, int t, int w) {
            int p = level.length;
            double[] r = new double[p];
            for (int j = 0; j < p; j++) {
                double m = 0;
                for (int i = t - w + 1; i <= t; i++) m += x[i][j];
                m /= w;
                r[j] = m - (level[j] + slope[j] * Math.min(anchorToNow, maxExtrapolation));
            }
            return r;
        }
    }

    @Override
    public ModelFile toModel() {
        ModelFile m = new ModelFile(kind());
        m.put("columns", columns);
        m.put("shortWindow", settings.shortWindow()).put("baseWindow", settings.baseWindow()).put("gap", settings.gap())
            .put("trend", settings.trend() ? 1 : 0).put("limitQuantile", settings.limitQuantile()).put("shrink", settings.shrink());
        m.put("sigma", sigma).put("precision", precision).put("limit", limit).put("calibration", calibration);
        m.put("notes", notes);
        return m;
    }

    public static StepDetector fromModel(ModelFile m) {
        StepDetector d = new StepDetector(new Settings((int) m.number("shortWindow"), (int) m.number("baseWindow"),
            (int) m.number("gap"), m.number("trend") != 0, m.number("limitQuantile"), m.number("shrink")));
        d.columns = List.copyOf(m.list("columns"));
        d.sigma = m.vector("sigma");
        d.precision = m.matrix("precision");
        d.limit = m.number("limit");
        d.calibration = m.vector("calibration");
        d.notes.addAll(m.list("notes"));
        return d;
    }
}
