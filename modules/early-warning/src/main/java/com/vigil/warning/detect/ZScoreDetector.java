package com.vigil.warning.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-tag drift-aware deviation monitor: each tag is standardised with a scale that allows for the drift
 * seen over {@code horizon} rows of training data, smoothed with an EWMA, and the statistic is the largest
 * absolute smoothed deviation (sensitive to a shift of a single tag, which a joint statistic dilutes).
 * The normal centre is re-learnt from the rows that follow a cleared warning.
 */
public final class ZScoreDetector implements MultivariateDetector {

    /**
     * @param lambda        EWMA weight of the per-tag deviations
     * @param horizon       drift horizon in rows for the scale (0 = plain standard deviation)
     * @param limitQuantile quantile of out-of-fold training statistics used as the unit limit
     * @param folds         contiguous folds for the out-of-fold statistics
     * @param relearnRows   rows after a cleared warning used to re-learn the centre (0 = never)
     */
    public record Settings(double lambda, int horizon, double limitQuantile, int folds, int relearnRows) {
        public static Settings defaults() {
            return new Settings(0.1, 200, 0.99, 5, 30);
        }
    }

    private final Settings settings;
    private List<String> columns = List.of();
    private double[] center, scale;
    private double limit = 1;
    private double[] calibration = new double[0];
    private final List<String> notes = new ArrayList<>();

    public ZScoreDetector(Settings s) {
        this.settings = s;
    }

    public ZScoreDetector() {
        this(Settings.defaults());
    }

    public Settings settings() {
        return settings;
    }

    @Override public String kind() { return "zscore"; }
    @Override public boolean isFitted() { return center != null; }
    @Override public List<String> columns() { return columns; }
    @Override public int lags() { return 0; }
    @Override public double[] calibrationScores() { return calibration.clone(); }
    @Override public List<String> fitNotes() { return List.copyOf(notes); }

    @Override
    public void fit(double[][] normal, List<String> cols) {
        int p = cols.size();
        if (normal.length < 2 * PcaDetector.MIN_ROWS) {
            throw new IllegalArgumentException("too little training data: " + normal.length + " rows, need at least " + 2 * PcaDetector.MIN_ROWS);
        }
        notes.clear();
        columns = List.copyOf(cols);
        int n = normal.length;
        int folds = Math.max(2, Math.min(settings.folds(), n / PcaDetector.MIN_ROWS));
        double[] oof = new double[n];
        for (int f = 0; f < folds; f++) {
            int lo = f * n / folds, hi = (f + 1) * n / folds;
            List<double[]> tr = new ArrayList<>();
            for (int i = 0; i < n; i++) if (i < lo || i >= hi) tr.add(normal[i]);
            double[][] cs = centreScale(tr.toArray(new double[0][]), p, null);
            double[] e = new double[p];
            for (int i = lo; i < hi; i++) {
                oof[i] = step(e, normal[i], cs[0], cs[1], i == lo);
            }
        }
        double[][] cs = centreScale(normal, p, notes);
        center = cs[0];
        scale = cs[1];
        double q = Stats.quantile(oof, settings.limitQuantile());
        limit = Double.isFinite(q) && q > 0 ? q : 1;
        calibration = new double[n];
        for (int i = 0; i < n; i++) calibration[i] = oof[i] / limit;
        for (int j = 0; j < p; j++) {
            if (scale[j] == 0) notes.add("tag " + cols.get(j) + ": constant or no numeric values in the training data; ignored");
        }
    }

    /** Updates the EWMA state e with row x and returns max |e|. */
    private double step(double[] e, double[] x, double[] c, double[] s, boolean first) {
        double m = 0;
        for (int j = 0; j < e.length; j++) {
            double z = s[j] == 0 || !Double.isFinite(x[j]) ? 0 : (x[j] - c[j]) / s[j];
            e[j] = first ? z : settings.lambda() * z + (1 - settings.lambda()) * e[j];
            m = Math.max(m, Math.abs(e[j]));
        }
        return m;
    }

    private double[][] centreScale(double[][] x, int p, List<String> notesOut) {
        int n = x.length, h = settings.horizon();
        double[] c = new double[p], s = new double[p];
        for (int j = 0; j < p; j++) {
            double[] col = Arrays.stream(Stats.column(x, j)).filter(Double::isFinite).toArray();
            if (col.length < 2) continue;
            double mean = Arrays.stream(col).average().orElse(0);
            double var = 0;
            for (double v : col) var += (v - mean) * (v - mean);
            double sd = Math.sqrt(var / (col.length - 1));
            c[j] = mean;
            if (h > 0 && n >= h + PcaDetector.MIN_ROWS) {
                double ss = 0;
                int cnt = 0;
                for (int i = 0; i + h < n; i++) {
                    double d = x[i + h][j] - x[i][j];
                    if (Double.isFinite(d)) { ss += d * d; cnt++; }
                }
                if (cnt > 0) sd = Math.max(sd, Math.sqrt(ss / cnt / 2));
                double sum = 0;
                int c2 = 0;
                for (int i = Math.max(0, n - h / 2); i < n; i++) if (Double.isFinite(x[i][j])) { sum += x[i][j]; c2++; }
                if (c2 > 0) c[j] = sum / c2;
            }
            s[j] = sd > 1e-12 * Math.max(1, Math.abs(mean)) ? sd : 0;
        }
        return new double[][] {c, s};
    }

    @Override
    public Score score(double[][] recent) {
        double[] e = new double[columns.size()];
        step(e, recent[0], center, scale, true);
        return toScore(e);
    }

    private Score toScore(double[] e) {
        int p = e.length;
        double m = 0;
        double[] contrib = new double[p];
        for (int j = 0; j < p; j++) {
            m = Math.max(m, Math.abs(e[j]));
            contrib[j] = Math.abs(e[j]) / limit;
        }
        return new Score(m / limit, new double[] {m / limit}, contrib, e.clone());
    }

    @Override
    public Session session() {
        return new Session() {
            private final double[] c = center.clone();
            private final double[] e = new double[columns.size()];
            private boolean first = true, wasInAlarm;
            private double[] relearn;
            private int relearnCount;

            @Override
            public Score next(double[] row, boolean inAlarm) {
                int p = columns.size();
                if (inAlarm) {
                    wasInAlarm = true;
                } else if (wasInAlarm && settings.relearnRows() > 0) {
                    wasInAlarm = false;
                    relearn = new double[p];
                    relearnCount = 0;
                }
                if (relearn != null) {
                    for (int j = 0; j < p; j++) relearn[j] += Double.isFinite(row[j]) ? row[j] : c[j];
                    if (++relearnCount >= settings.relearnRows()) {
                        for (int j = 0; j < p; j++) c[j] = relearn[j] / relearnCount;
                        relearn = null;
                        first = true;
                    }
                    return new Score(0, new double[] {0}, new double[p], new double[p]);
                }
                step(e, row, c, scale, first);
                first = false;
                return toScore(e);
            }
        };
    }

    @Override
    public ModelFile toModel() {
        ModelFile m = new ModelFile(kind());
        m.put("columns", columns).put("lambda", settings.lambda()).put("horizon", settings.horizon())
            .put("limitQuantile", settings.limitQuantile()).put("folds", settings.folds()).put("relearnRows", settings.relearnRows());
        m.put("center", center).put("scale", scale).put("limit", limit).put("calibration", calibration).put("notes", notes);
        return m;
    }

    public static ZScoreDetector fromModel(ModelFile m) {
        ZScoreDetector d = new ZScoreDetector(new Settings(m.number("lambda"), (int) m.number("horizon"), m.number("limitQuantile"),
            (int) m.number("folds"), (int) m.number("relearnRows")));
        d.columns = List.copyOf(m.list("columns"));
        d.center = m.vector("center");
        d.scale = m.vector("scale");
        d.limit = m.number("limit");
        d.calibration = m.vector("calibration");
        d.notes.addAll(m.list("notes"));
        return d;
    }
}
