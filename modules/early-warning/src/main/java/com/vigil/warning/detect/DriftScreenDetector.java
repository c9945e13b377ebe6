package com.vigil.warning.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Screens out tags whose level is not stationary over the training window, then monitors the
 * remaining tags with an inner detector.
 *
 * <p>A short training window cannot show the normal range of a tag that keeps wandering over it.
 * Typical examples are temperatures that warm up or cool down over many minutes. A level model then
 * reports every later excursion of that tag as abnormal, and a warning it helped to raise does not
 * clear when the real fault goes away. The screen uses the variogram
 * γ(τ) = ½·mean((x(t+τ) − x(t))²) of each tag on the training rows. For a stationary tag, γ levels
 * off once τ exceeds the tag's correlation time. For white noise and short-memory processes the ratio
 * γ(long)/γ(long/5) is close to 1, for a random walk it is about 5 and for a steady trend about 25.
 * A tag whose ratio exceeds {@link Settings#maxGrowth()} is left out of the multivariate model. It is
 * reported in {@link #fitNotes()} and is better watched on its own, against its limits, by the
 * time-to-threshold predictor. The ratio is measured on each model's own training window, so a tag is
 * only screened where it actually drifts. If every usable tag drifts, none is screened and a note says so.
 */
public final class DriftScreenDetector implements MultivariateDetector {

    /**
     * @param longLag   lag in rows of the long variogram term (capped at a quarter of the training rows)
     * @param shortLag  lag in rows of the short variogram term (capped at a fifth of the long lag)
     * @param maxGrowth a tag is screened out when γ(longLag) / γ(shortLag) exceeds this
     */
    public record Settings(int longLag, int shortLag, double maxGrowth) {
        public Settings {
            if (longLag < 2 || shortLag < 1 || shortLag >= longLag || !(maxGrowth > 1)) {
                throw new IllegalArgumentException("need longLag > shortLag >= 1 and maxGrowth > 1");
            }
        }

        public static Settings defaults() {
            return new Settings(100, 20, 2.0);
        }

        public Settings withMaxGrowth(double g) {
            return new Settings(longLag, shortLag, g);
        }
    }

    private final Settings settings;
    private final MultivariateDetector inner;
    private List<String> columns = List.of();
    private int[] kept = new int[0];
    private final List<String> notes = new ArrayList<>();

    /** @param inner detector fitted on the tags that pass the screen (unfitted; it is fitted by {@link #fit}) */
    public DriftScreenDetector(Settings settings, MultivariateDetector inner) {
        this.settings = settings;
        this.inner = inner;
    }

    public Settings settings() {
        return settings;
    }

    public MultivariateDetector inner() {
        return inner;
    }

    /** Names of the tags that passed the screen (in input order). */
    public List<String> keptColumns() {
        List<String> k = new ArrayList<>();
        for (int j : kept) k.add(columns.get(j));
        return k;
    }

    @Override
    public String kind() {
        return "screen";
    }

    @Override
    public boolean isFitted() {
        return inner.isFitted();
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public int lags() {
        return inner.lags();
    }

    @Override
    public int warmup() {
        return inner.warmup();
    }

    @Override
    public double[] calibrationScores() {
        return inner.calibrationScores();
    }

    @Override
    public List<String> fitNotes() {
        List<String> all = new ArrayList<>(notes);
        all.addAll(inner.fitNotes());
        return all;
    }

    @Override
    public void fit(double[][] normal, List<String> cols) {
        int p = cols.size();
        for (int i = 0; i < normal.length; i++) {
            if (normal[i].length != p) {
                throw new IllegalArgumentException("training row " + i + " has " + normal[i].length + " values, expected " + p + " (one per column)");
            }
        }
        notes.clear();
        columns = List.copyOf(cols);
        int n = normal.length;
        int longLag = Math.min(settings.longLag(), n / 4);
        int shortLag = Math.min(settings.shortLag(), longLag / 5);
        List<Integer> keep = new ArrayList<>();
        List<String> screened = new ArrayList<>();
        int usable = 0;
        if (shortLag >= 1) {
            for (int j = 0; j < p; j++) {
                double gl = variogram(normal, j, longLag), gs = variogram(normal, j, shortLag);
                boolean constant = !(gs > 0) || !(gl > 0);
                if (!constant) usable++;
                double growth = gl / gs;
                if (!constant && growth > settings.maxGrowth()) {
                    screened.add(cols.get(j) + String.format(Locale.ROOT, " (variance grows %.1fx from lag %d to %d)", growth, shortLag, longLag));
                } else {
                    keep.add(j); // constant and empty tags are passed on; the inner detector ignores and reports them
                }
            }
        }
        if (shortLag < 1 || usable == 0 || screened.size() == usable) {
            keep.clear();
            for (int j = 0; j < p; j++) keep.add(j);
            if (!screened.isEmpty()) notes.add("every usable tag drifts over the training window; none screened out");
            else if (shortLag < 1) notes.add("too few training rows for the drift screen (" + n + "); no tag screened out");
        } else {
            for (String s : screened) notes.add("tag " + s + ": not stationary over the training window; left out of the multivariate model");
        }
        kept = keep.stream().mapToInt(Integer::intValue).toArray();
        inner.fit(subsetRows(normal), keptColumns());
    }

    /** ½·mean of squared lag-{@code lag} differences of column {@code j} (pairs with a missing value skipped). */
    static double variogram(double[][] x, int j, int lag) {
        double s = 0;
        int c = 0;
        for (int i = 0; i + lag < x.length; i++) {
            double d = x[i + lag][j] - x[i][j];
            if (Double.isFinite(d)) {
                s += d * d;
                c++;
            }
        }
        return c == 0 ? Double.NaN : s / c / 2;
    }

    private double[] subset(double[] row) {
        double[] r = new double[kept.length];
        for (int k = 0; k < kept.length; k++) r[k] = row[kept[k]];
        return r;
    }

    /** The kept tags' entries of a per-tag mask (null stays null). */
    private boolean[] subset(boolean[] mask) {
        if (mask == null) return null;
        boolean[] r = new boolean[kept.length];
        for (int k = 0; k < kept.length; k++) r[k] = mask[kept[k]];
        return r;
    }

    private double[][] subsetRows(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = subset(rows[i]);
        return out;
    }

    /** Maps a score of the inner detector back to all input columns (screened tags contribute 0). */
    private Score expand(Score s) {
        int p = columns.size();
        double[] c = new double[p];
        double[] d = s.deviation() == null ? null : new double[p];
        for (int k = 0; k < kept.length; k++) {
            c[kept[k]] = s.contributions()[k];
            if (d != null) d[kept[k]] = s.deviation()[k];
        }
        return new Score(s.statistic(), s.parts(), c, d);
    }

    @Override
    public Score score(double[][] recent) {
        if (!isFitted()) throw new IllegalStateException("drift-screen detector is not fitted");
        return expand(inner.score(subsetRows(recent)));
    }

    @Override
    public Session session() {
        Session s = inner.session();
        return new Session() {
            @Override
            public Score next(double[] row, boolean inAlarm) {
                return expand(s.next(subset(row), inAlarm));
            }

            @Override
            public Score next(double[] row, boolean[] filled, boolean inAlarm) {
                return expand(s.next(subset(row), subset(filled), inAlarm));
            }
        };
    }

    @Override
    public ModelFile toModel() {
        ModelFile m = new ModelFile(kind());
        m.put("columns", columns);
        m.put("longLag", settings.longLag()).put("shortLag", settings.shortLag()).put("maxGrowth", settings.maxGrowth());
        double[] k = new double[kept.length];
        for (int i = 0; i < kept.length; i++) k[i] = kept[i];
        m.put("kept", k);
        m.put("notes", notes);
        m.put("inner.kind", inner.kind());
        inner.toModel().copyInto(m, "inner.");
        return m;
    }

    public static DriftScreenDetector fromModel(ModelFile m) {
        Settings s = new Settings((int) m.number("longLag"), (int) m.number("shortLag"), m.number("maxGrowth"));
        MultivariateDetector in = Detectors.fromModel(m.extract("inner.", m.string("inner.kind")));
        DriftScreenDetector d = new DriftScreenDetector(s, in);
        d.columns = List.copyOf(m.list("columns"));
        double[] k = m.vector("kept");
        d.kept = new int[k.length];
        for (int i = 0; i < k.length; i++) d.kept[i] = (int) k[i];
        d.notes.addAll(m.list("notes"));
        return d;
    }
}
