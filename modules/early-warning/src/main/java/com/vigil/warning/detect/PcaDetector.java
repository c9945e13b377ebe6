package com.vigil.warning.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * (Dynamic) PCA monitor: Hotelling T² on the retained components and SPE (Q) on the residual, on
 * standardised (optionally lagged) data. Control limits are empirical quantiles of out-of-fold scores
 * (k contiguous folds of the training rows), which keeps the false-alarm rate honest for small training
 * sets. The combined statistic is {@code w·T²/limT + (1-w)·Q/limQ}, so 1.0 means "at the limit".
 */
public final class PcaDetector implements MultivariateDetector {

    /**
     * Settings; {@link #defaults()} is plain PCA.
     *
     * @param lags           past rows appended to each row (dynamic PCA)
     * @param variance       retained fraction of variance (1.0 = full rank, SPE then ~0)
     * @param maxComponents  upper bound on retained components
     * @param robustScaling  median / MAD scaling instead of mean / standard deviation
     * @param limitQuantile  quantile of out-of-fold T² and SPE used as their limits
     * @param folds          contiguous folds for the out-of-fold scores
     * @param t2Weight       weight of T² in the combined statistic (SPE gets 1 - w)
     * @param adaptRate      EWMA rate at which the centre follows rows seen without a warning (0 = fixed)
     * @param horizon        if &gt; 0: drift-aware scale and covariance from {@code horizon}-row changes and a
     *                       centre at the mean of the last {@code horizon/2} training rows
     * @param relearnRows    if &gt; 0: after a warning clears, the centre is re-learnt from this many rows
     * @param inputLambda    EWMA pre-filter of the input rows (1 = none)
     */
    public record Settings(int lags, double variance, int maxComponents, boolean robustScaling,
                           double limitQuantile, int folds, double t2Weight, double adaptRate, int horizon, int relearnRows, double inputLambda) {
        public static Settings defaults() {
            return new Settings(0, 0.90, 50, false, 0.99, 5, 0.5, 0.0, 0, 0, 1.0);
        }

        public Settings withHorizon(int h) { return new Settings(lags, variance, maxComponents, robustScaling, limitQuantile, folds, t2Weight, adaptRate, h, relearnRows, inputLambda); }
        public Settings withRelearnRows(int r) { return new Settings(lags, variance, maxComponents, robustScaling, limitQuantile, folds, t2Weight, adaptRate, horizon, r, inputLambda); }
        public Settings withInputLambda(double l) { return new Settings(lags, variance, maxComponents, robustScaling, limitQuantile, folds, t2Weight, adaptRate, horizon, relearnRows, l); }
        public Settings withAdaptRate(double a) { return new Settings(lags, variance, maxComponents, robustScaling, limitQuantile, folds, t2Weight, a, horizon, relearnRows, inputLambda); }

        public Settings withLags(int l) { return new Settings(l, variance, maxComponents, robustScaling, limitQuantile, folds, t2Weight, adaptRate, horizon, relearnRows, inputLambda); }
        public Settings withVariance(double v) { return new Settings(lags, v, maxComponents, robustScaling, limitQuantile, folds, t2Weight, adaptRate, horizon, relearnRows, inputLambda); }
        public Settings withMaxComponents(int k) { return new Settings(lags, variance, k, robustScaling, limitQuantile, folds, t2Weight, adaptRate, horizon, relearnRows, inputLambda); }
        public Settings withRobust(boolean r) { return new Settings(lags, variance, maxComponents, r, limitQuantile, folds, t2Weight, adaptRate, horizon, relearnRows, inputLambda); }
        public Settings withT2Weight(double w) { return new Settings(lags, variance, maxComponents, robustScaling, limitQuantile, folds, w, adaptRate, horizon, relearnRows, inputLambda); }
        public Settings withFolds(int f) { return new Settings(lags, variance, maxComponents, robustScaling, limitQuantile, f, t2Weight, adaptRate, horizon, relearnRows, inputLambda); }
    }

    /** Minimum number of (lagged) training rows; below this the model cannot be fitted. */
    public static final int MIN_ROWS = 20;

    private final Settings settings;
    private List<String> columns = List.of();
    private double[] center;     // per feature
    private double[] scale;      // per feature; 0 = ignored feature
    private double[][] loadings; // features x k
    private double[] eigenvalues; // k
    private double limT = 1, limQ = 1;
    /** Fault directions (rows) in standardised feature space, their normal variance, and their limit. */
    private double[][] directions = new double[0][0];
    private double[] directionVar = new double[0];
    private double limD = 1;
    private List<double[][]> faultExamples = List.of();
    private double[] calibration = new double[0];
    /** Out-of-fold signed SPE residuals of the current-row features (rows x tags); only after {@link #fit}. */
    private double[][] oofResiduals = new double[0][0];
    private final List<String> notes = new ArrayList<>();

    public PcaDetector(Settings settings) {
        this.settings = settings;
    }

    public PcaDetector() {
        this(Settings.defaults());
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String kind() {
        return "pca";
    }

    @Override
    public boolean isFitted() {
        return center != null;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public int lags() {
        return settings.lags();
    }

    @Override
    public int warmup() {
        return settings.lags() + (settings.inputLambda() < 1 ? (int) Math.ceil(3 / settings.inputLambda()) : 0);
    }

    @Override
    public List<String> fitNotes() {
        return List.copyOf(notes);
    }

    @Override
    public double[] calibrationScores() {
        return calibration.clone();
    }

    public int components() {
        return eigenvalues == null ? 0 : eigenvalues.length;
    }

    @Override
    public void fit(double[][] normal, List<String> cols) {
        int p = cols.size();
        for (int i = 0; i < normal.length; i++) {
            if (normal[i].length != p) {
                throw new IllegalArgumentException("training row " + i + " has " + normal[i].length + " values, expected " + p + " (one per column)");
            }
        }
        int n = normal.length - settings.lags();
        if (n < MIN_ROWS) {
            throw new IllegalArgumentException("too little training data: " + normal.length + " rows, need at least "
                + (MIN_ROWS + settings.lags()) + " for a PCA with " + settings.lags() + " lags");
        }
        notes.clear();
        columns = List.copyOf(cols);
        double[][] x = Lags.expand(filter(normal, settings.inputLambda()), settings.lags());
        // out-of-fold scores for the control limits
        int folds = Math.max(2, Math.min(settings.folds(), n / MIN_ROWS));
        double[] oofT = new double[n], oofQ = new double[n];
        oofResiduals = new double[n][];
        for (int f = 0; f < folds; f++) {
            int lo = f * n / folds, hi = (f + 1) * n / folds;
            double[][] train = new double[n - (hi - lo)][];
            int k = 0;
            for (int i = 0; i < n; i++) if (i < lo || i >= hi) train[k++] = x[i];
            Core c = Core.fit(train, settings, null);
            for (int i = lo; i < hi; i++) {
                double[] tq = c.t2q(x[i]);
                oofT[i] = tq[0];
                oofQ[i] = tq[1];
                oofResiduals[i] = Arrays.copyOf(c.lastResidual, p);
            }
        }
        Core core = Core.fit(x, settings, notes);
        center = core.center;
        scale = core.scale;
        loadings = core.loadings;
        eigenvalues = core.eigen;
        limT = positive(Stats.quantile(oofT, settings.limitQuantile()));
        limQ = positive(Stats.quantile(oofQ, settings.limitQuantile()));
        calibration = new double[n];
        for (int i = 0; i < n; i++) calibration[i] = combine(oofT[i] / limT, oofQ[i] / limQ);
        fitDirections(x);
        if (directions.length > 0) {
            for (int i = 0; i < n; i++) calibration[i] = Math.max(calibration[i], directionStat(standardise(x[i], center)) / limD);
        }
        for (int j = 0; j < p; j++) {
            if (scale[j] == 0) notes.add("tag " + cols.get(j) + ": constant or no numeric values in the training data; ignored");
        }
    }

    /**
     * Supplies time-ordered examples of faulty operation (e.g. TEP fault training runs). When present,
     * {@link #fit} also learns one discriminant direction per example (Fisher direction of its mean shift
     * against normal) and monitors the largest normalised projection, aimed at small sustained shifts
     * along known fault directions. Caveat, measured on TEP: with one simulation run per fault the
     * direction also captures that run's offset from the normal run, and a new normal run then alarms;
     * no named default uses it.
     */
    public void setFaultExamples(List<double[][]> faults) {
        this.faultExamples = faults == null ? List.of() : List.copyOf(faults);
    }

    /** Exponential filter of the rows (lambda = 1: unchanged); NaN keeps the previous filtered value. */
    static double[][] filter(double[][] x, double lambda) {
        if (lambda >= 1) return x;
        double[][] out = new double[x.length][];
        double[] st = null;
        for (int i = 0; i < x.length; i++) {
            if (st == null) st = x[i].clone();
            else for (int j = 0; j < st.length; j++) {
                double v = x[i][j];
                if (Double.isFinite(v)) st[j] = Double.isFinite(st[j]) ? lambda * v + (1 - lambda) * st[j] : v;
            }
            out[i] = st.clone();
        }
        return out;
    }

    private double[] standardise(double[] f, double[] centre) {
        double[] z = new double[f.length];
        for (int j = 0; j < f.length; j++) z[j] = scale[j] == 0 || !Double.isFinite(f[j]) ? 0 : (f[j] - centre[j]) / scale[j];
        return z;
    }

    private void fitDirections(double[][] x) {
        directions = new double[0][0];
        directionVar = new double[0];
        if (faultExamples.isEmpty()) return;
        int m = x[0].length, n = x.length;
        DMatrixRMaj cov = new DMatrixRMaj(m, m);
        double[][] zs = new double[n][];
        for (int i = 0; i < n; i++) zs[i] = standardise(x[i], center);
        for (double[] z : zs) for (int a = 0; a < m; a++) { if (z[a] == 0) continue; for (int b = 0; b < m; b++) cov.add(a, b, z[a] * z[b] / (n - 1)); }
        double tr = 0;
        for (int a = 0; a < m; a++) tr += cov.get(a, a);
        DMatrixRMaj reg = cov.copy();
        for (int a = 0; a < m; a++) reg.add(a, a, DIRECTION_RIDGE * tr / m);
        DMatrixRMaj inv = new DMatrixRMaj(m, m);
        if (!CommonOps_DDRM.invert(reg, inv)) return;
        List<double[]> dirs = new ArrayList<>();
        List<Double> vars = new ArrayList<>();
        for (double[][] fault : faultExamples) {
            if (fault.length <= settings.lags() + 1 || fault[0].length * (settings.lags() + 1) != m) continue;
            double[][] fx = Lags.expand(filter(fault, settings.inputLambda()), settings.lags());
            double[] mu = new double[m];
            for (double[] r : fx) { double[] z = standardise(r, center); for (int a = 0; a < m; a++) mu[a] += z[a] / fx.length; }
            double[] w = new double[m];
            for (int a = 0; a < m; a++) { double sum = 0; for (int b = 0; b < m; b++) sum += inv.get(a, b) * mu[b]; w[a] = sum; }
            double v = 0;
            for (int a = 0; a < m; a++) { double sum = 0; for (int b = 0; b < m; b++) sum += cov.get(a, b) * w[b]; v += w[a] * sum; }
            if (!(v > 0)) continue;
            dirs.add(w);
            vars.add(v);
        }
        directions = dirs.toArray(new double[0][]);
        directionVar = vars.stream().mapToDouble(Double::doubleValue).toArray();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = directionStat(zs[i]);
        limD = positive(Stats.quantile(d, settings.limitQuantile()));
        notes.add(directions.length + " fault directions learnt from " + faultExamples.size() + " fault examples");
    }

    /** Largest squared normalised projection on a fault direction (chi²(1) under normal). */
    private double directionStat(double[] z) {
        double best = 0;
        for (int k = 0; k < directions.length; k++) {
            double s = 0;
            for (int a = 0; a < z.length; a++) s += directions[k][a] * z[a];
            best = Math.max(best, s * s / directionVar[k]);
        }
        return best;
    }

    /** Ridge added to the normal covariance (fraction of its mean eigenvalue) for the fault directions. */
    static final double DIRECTION_RIDGE = 1.0;

    private static double positive(double v) {
        return Double.isFinite(v) && v > 1e-12 ? v : 1e-12;
    }

    private double combine(double t, double q) {
        return settings.t2Weight() * t + (1 - settings.t2Weight()) * q;
    }

    @Override
    public Score score(double[][] recent) {
        return score(recent, center);
    }

    /**
     * Out-of-fold signed SPE residuals of the current-row features, in standardised units (one row per
     * lagged training row, one column per tag). Available after {@link #fit} only; not saved in the model file.
     */
    double[][] oofResiduals() {
        return oofResiduals;
    }

    /**
     * Scores the current row like {@link #score(double[][])} and copies the signed SPE residual of each
     * tag's current value (standardised units) into {@code residualOut} (length = number of tags).
     */
    Score scoreWithResiduals(double[][] recent, double[] residualOut) {
        return score(recent, center, residualOut);
    }

    @Override
    public Session session() {
        if (settings.adaptRate() <= 0 && settings.relearnRows() <= 0 && settings.inputLambda() >= 1) {
            return MultivariateDetector.super.session();
        }
        return new AdaptiveSession();
    }

    /**
     * Tracks the normal centre with an EWMA of the rows seen while no warning is active, so that slow
     * drift of the operating point (temperatures warming up) is not reported; frozen during a warning.
     */
    private final class AdaptiveSession implements Session {
        private final Lags.Window window = new Lags.Window(lags());
        private final double[] c = center.clone();
        private boolean wasInAlarm;
        private double[] filt;
        private double[] relearn;
        private int relearnCount;

        @Override
        public Score next(double[] rawRow, boolean inAlarm) {
            double[] row = rawRow;
            if (settings.inputLambda() < 1) {
                if (filt == null) filt = rawRow.clone();
                else for (int j = 0; j < filt.length; j++) {
                    double v = rawRow[j];
                    if (Double.isFinite(v)) filt[j] = Double.isFinite(filt[j]) ? settings.inputLambda() * v + (1 - settings.inputLambda()) * filt[j] : v;
                }
                row = filt.clone();
            }
            double[][] recent = window.push(row);
            int p = columns.size();
            if (inAlarm) {
                wasInAlarm = true;
            } else if (wasInAlarm && settings.relearnRows() > 0) {
                // the warning has just cleared: re-learn the normal centre from the rows that follow
                wasInAlarm = false;
                relearn = new double[p];
                relearnCount = 0;
            }
            if (relearn != null) {
                for (int j = 0; j < p; j++) relearn[j] += Double.isFinite(row[j]) ? row[j] : c[j];
                relearnCount++;
                if (relearnCount >= settings.relearnRows()) {
                    for (int j = 0; j < p; j++) {
                        double nc = relearn[j] / relearnCount;
                        for (int l = 0; l <= lags(); l++) c[l * p + j] = nc;
                    }
                    relearn = null;
                }
                return new Score(0, new double[] {0, 0}, new double[p], new double[p]);
            }
            Score s = score(recent, c);
            if (!inAlarm && settings.adaptRate() > 0) {
                double a = settings.adaptRate();
                for (int j = 0; j < p; j++) {
                    if (!Double.isFinite(row[j])) continue;
                    double nc = c[j] + a * (row[j] - c[j]);
                    for (int l = 0; l <= lags(); l++) c[l * p + j] = nc;
                }
            }
            return s;
        }
    }

    private Score score(double[][] recent, double[] centre) {
        return score(recent, centre, null);
    }

    private Score score(double[][] recent, double[] centre, double[] residualOut) {
        if (!isFitted()) throw new IllegalStateException("PCA detector is not fitted");
        int p = columns.size();
        double[] f = Lags.features(recent, settings.lags(), p);
        Core core = new Core(centre, scale, loadings, eigenvalues);
        double[] tq = core.t2q(f);
        if (residualOut != null) System.arraycopy(core.lastResidual, 0, residualOut, 0, residualOut.length);
        double t = tq[0] / limT, q = tq[1] / limQ;
        double[] tc = core.lastT2Contrib, qc = core.lastQContrib;
        double[] contrib = new double[p];
        for (int i = 0; i < f.length; i++) {
            contrib[i % p] += settings.t2Weight() * Math.max(0, tc[i]) / limT + (1 - settings.t2Weight()) * qc[i] / limQ;
        }
        double[] dev = new double[p];
        for (int j = 0; j < p; j++) dev[j] = scale[j] == 0 || !Double.isFinite(f[j]) ? 0 : (f[j] - centre[j]) / scale[j];
        double stat = combine(t, q);
        if (directions.length > 0) {
            double ds = directionStat(standardise(f, centre)) / limD;
            if (ds > stat) stat = ds;
            return new Score(stat, new double[] {t, q, ds}, contrib, dev);
        }
        return new Score(stat, new double[] {t, q}, contrib, dev);
    }

    @Override
    public ModelFile toModel() {
        ModelFile m = new ModelFile(kind());
        m.put("columns", columns);
        m.put("lags", settings.lags()).put("variance", settings.variance()).put("maxComponents", settings.maxComponents())
            .put("robust", settings.robustScaling() ? 1 : 0).put("limitQuantile", settings.limitQuantile())
            .put("folds", settings.folds()).put("t2Weight", settings.t2Weight()).put("adaptRate", settings.adaptRate()).put("horizon", settings.horizon()).put("relearnRows", settings.relearnRows())
            .put("inputLambda", settings.inputLambda());
        m.put("directions", directions).put("directionVar", directionVar).put("limD", limD);
        m.put("center", center).put("scale", scale).put("loadings", loadings).put("eigenvalues", eigenvalues);
        m.put("limT", limT).put("limQ", limQ).put("calibration", calibration);
        m.put("notes", notes);
        return m;
    }

    public static PcaDetector fromModel(ModelFile m) {
        Settings s = new Settings((int) m.number("lags"), m.number("variance"), (int) m.number("maxComponents"),
            m.number("robust") != 0, m.number("limitQuantile"), (int) m.number("folds"), m.number("t2Weight"), m.number("adaptRate", 0), (int) m.number("horizon", 0), (int) m.number("relearnRows", 0), m.number("inputLambda", 1));
        PcaDetector d = new PcaDetector(s);
        d.columns = List.copyOf(m.list("columns"));
        d.center = m.vector("center");
        d.scale = m.vector("scale");
        d.loadings = m.matrix("loadings");
        d.eigenvalues = m.vector("eigenvalues");
        d.limT = m.number("limT");
        d.limQ = m.number("limQ");
        d.calibration = m.vector("calibration");
        d.directions = m.matrix("directions");
        d.directionVar = m.vector("directionVar");
        d.limD = m.number("limD");
        d.notes.addAll(m.list("notes"));
        return d;
    }

    /** Scaler + eigen model on one training set. */
    private static final class Core {
        final double[] center, scale, eigen;
        final double[][] loadings;
        double[] lastT2Contrib, lastQContrib, lastResidual;

        Core(double[] center, double[] scale, double[][] loadings, double[] eigen) {
            this.center = center;
            this.scale = scale;
            this.loadings = loadings;
            this.eigen = eigen;
        }

        static Core fit(double[][] x, Settings s, List<String> notes) {
            int n = x.length, m = x[0].length;
            double[] center = new double[m], scale = new double[m];
            int imputed = 0;
            for (int j = 0; j < m; j++) {
                double[] c = Stats.column(x, j);
                double[] finite = Arrays.stream(c).filter(Double::isFinite).toArray();
                if (finite.length < 2) { center[j] = 0; scale[j] = 0; continue; }
                imputed += c.length - finite.length;
                double mean = Arrays.stream(finite).average().orElse(0);
                double var = 0;
                for (double v : finite) var += (v - mean) * (v - mean);
                double sd = Math.sqrt(var / (finite.length - 1));
                if (s.robustScaling()) {
                    double med = Stats.median(finite);
                    double[] dev = Arrays.stream(finite).map(v -> Math.abs(v - med)).toArray();
                    double mad = 1.4826 * Stats.median(dev);
                    center[j] = med;
                    scale[j] = mad > 1e-9 * Math.max(1, Math.abs(med)) ? Math.max(mad, 0.25 * sd) : sd;
                } else {
                    center[j] = mean;
                    scale[j] = sd;
                }
                if (!(scale[j] > 1e-12 * Math.max(1, Math.abs(center[j])))) scale[j] = 0;
            }
            if (notes != null && imputed > 0) notes.add(imputed + " missing/non-numeric training cells imputed with the column centre");
            int h = s.horizon();
            DMatrixRMaj z;
            int rowsUsed;
            if (h > 0 && n >= h + MIN_ROWS) {
                // drift-aware model: covariance of h-step changes (second moment, so a steady trend counts
                // as variability), centre at the most recent level of the training data
                rowsUsed = n - h;
                for (int j = 0; j < m; j++) {
                    if (scale[j] == 0) continue;
                    double ss = 0;
                    int cnt = 0;
                    for (int i = 0; i + h < n; i++) {
                        double d = x[i + h][j] - x[i][j];
                        if (Double.isFinite(d)) { ss += d * d; cnt++; }
                    }
                    double sdh = cnt > 0 ? Math.sqrt(ss / cnt / 2) : 0;
                    if (sdh > scale[j]) scale[j] = sdh;
                    double sum = 0;
                    int c2 = 0;
                    for (int i = Math.max(0, n - h / 2); i < n; i++) if (Double.isFinite(x[i][j])) { sum += x[i][j]; c2++; }
                    if (c2 > 0) center[j] = sum / c2;
                }
                z = new DMatrixRMaj(rowsUsed, m);
                for (int i = 0; i + h < n; i++) {
                    for (int j = 0; j < m; j++) {
                        double d = x[i + h][j] - x[i][j];
                        z.set(i, j, scale[j] == 0 || !Double.isFinite(d) ? 0 : d / scale[j] / Math.sqrt(2));
                    }
                }
            } else {
                rowsUsed = n;
                z = new DMatrixRMaj(n, m);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        double v = x[i][j];
                        z.set(i, j, scale[j] == 0 || !Double.isFinite(v) ? 0 : (v - center[j]) / scale[j]);
                    }
                }
            }
            DMatrixRMaj cov = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multTransA(z, z, cov);
            CommonOps_DDRM.scale(1.0 / Math.max(1, rowsUsed - 1), cov);
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
            if (!eig.decompose(cov)) throw new IllegalStateException("eigen decomposition failed");
            Integer[] order = new Integer[m];
            double[] ev = new double[m];
            double total = 0;
            for (int i = 0; i < m; i++) {
                order[i] = i;
                ev[i] = Math.max(0, eig.getEigenvalue(i).getReal());
                total += ev[i];
            }
            Arrays.sort(order, (a, b) -> Double.compare(ev[b], ev[a]));
            int k = 0;
            double acc = 0;
            int maxK = Math.min(s.maxComponents(), Math.max(1, Math.min(m - 1, n - 2)));
            while (k < maxK && (total <= 0 || acc / total < s.variance())) {
                if (ev[order[k]] <= 1e-10 * Math.max(total, 1e-300)) break;
                acc += ev[order[k]];
                k++;
            }
            k = Math.max(1, k);
            double[][] load = new double[m][k];
            double[] lam = new double[k];
            for (int a = 0; a < k; a++) {
                DMatrixRMaj vec = eig.getEigenVector(order[a]);
                lam[a] = Math.max(ev[order[a]], 1e-9 * Math.max(total, 1e-12));
                for (int j = 0; j < m; j++) load[j][a] = vec.get(j, 0);
            }
            return new Core(center, scale, load, lam);
        }

        /** Returns {T², SPE}; fills per-feature contributions (T² part, SPE part) in the last* fields. */
        double[] t2q(double[] f) {
            int m = f.length, k = eigen.length;
            double[] z = new double[m];
            for (int j = 0; j < m; j++) {
                z[j] = scale[j] == 0 || !Double.isFinite(f[j]) ? 0 : (f[j] - center[j]) / scale[j];
            }
            double[] t = new double[k];
            for (int a = 0; a < k; a++) {
                double s = 0;
                for (int j = 0; j < m; j++) s += loadings[j][a] * z[j];
                t[a] = s;
            }
            double t2 = 0;
            for (int a = 0; a < k; a++) t2 += t[a] * t[a] / eigen[a];
            double spe = 0;
            lastT2Contrib = new double[m];
            lastQContrib = new double[m];
            lastResidual = new double[m];
            for (int j = 0; j < m; j++) {
                double rec = 0, tc = 0;
                for (int a = 0; a < k; a++) {
                    rec += loadings[j][a] * t[a];
                    tc += t[a] / eigen[a] * loadings[j][a];
                }
                double e = z[j] - rec;
                spe += e * e;
                lastResidual[j] = e;
                lastQContrib[j] = e * e;
                lastT2Contrib[j] = z[j] * tc;
            }
            return new double[] {t2, spe};
        }
    }
}
