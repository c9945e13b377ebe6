package com.vigil.warning.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Dynamic PCA with a second, per-tag tier on the residuals: a fault that shows first in one or two
 * tags is diluted in the summed SPE of all lagged features, but stands out in that tag's own residual.
 *
 * <p>Two tiers, both calibrated on out-of-fold training scores of the inner {@link PcaDetector}:
 * <ul>
 *   <li><b>combined tier</b> (the {@code dpca} decision): EWMA (λ = {@link Settings#lambda()}) of the
 *       inner T²/SPE statistic against {@link Settings#alarmFactor()} × its calibrated limit (the
 *       {@link Settings#limitQuantile()} quantile of the smoothed out-of-fold statistic), and a fast
 *       tier: one unsmoothed sample above {@link Settings#fastFactor()} × the inner limit also raises;</li>
 *   <li><b>per-tag tier</b>: for each tag, an EWMA (λ = {@link Settings#tagLambda()}) of its signed
 *       residual of the current row (SPE part, standardised by the out-of-fold residual spread). Its limit
 *       is {@link Settings#tagMargin()} × the largest |EWMA| of that tag over the out-of-fold residuals
 *       (after {@link Settings#settleRows()} rows). A limit per tag adapts to how well the tag is explained
 *       by the others; the margin allows for run-to-run offsets that the training run cannot show;</li>
 *   <li><b>frozen tier</b> ({@link Settings#frozenCheck()}): a tag repeating exactly the same value for
 *       longer than normal operation ever does ({@link FrozenValues}) — a stuck valve or a frozen
 *       transmitter, whose value is normal and so invisible to the other tiers.</li>
 * </ul>
 * The streaming statistic is the largest of the tiers, each divided by its own raise level, so
 * 1.0 means "raise". The fast tier counts only while no warning is active, so it never holds a warning
 * open. Use it with an unsmoothed decision policy at limit 1 (λ = 1, alarm factor 1), which then adds
 * the on/off delays and the clear level; {@link #calibrationScores()} is empty for that reason.
 */
public final class ResidualTierDetector implements MultivariateDetector {

    /**
     * @param lambda        EWMA weight of the combined (T²/SPE) tier
     * @param limitQuantile quantile of the smoothed out-of-fold combined statistic used as its limit
     * @param alarmFactor   the combined tier raises at this multiple of its limit
     * @param fastFactor    one unsmoothed combined sample above this multiple of the inner limit raises (0 = off)
     * @param tagLambda     EWMA weight of the per-tag residual tier
     * @param tagMargin     the per-tag tier raises at this multiple of the largest out-of-fold |EWMA| of the tag
     * @param settleRows    out-of-fold rows left out of the per-tag limit while the EWMA settles
     * @param frozenCheck   whether the frozen-value tier is on
     */
    public record Settings(double lambda, double limitQuantile, double alarmFactor, double fastFactor,
                           double tagLambda, double tagMargin, int settleRows, boolean frozenCheck) {
        public Settings {
            if (!(lambda > 0 && lambda <= 1) || !(tagLambda > 0 && tagLambda <= 1)) {
                throw new IllegalArgumentException("lambda and tagLambda must be in (0,1]");
            }
            if (!(limitQuantile > 0 && limitQuantile <= 1) || !(alarmFactor > 0) || fastFactor < 0 || !(tagMargin > 0) || settleRows < 0) {
                throw new IllegalArgumentException("need limitQuantile in (0,1], alarmFactor > 0, fastFactor >= 0, tagMargin > 0, settleRows >= 0");
            }
        }

        /**
         * The {@code dpca} combined tier (λ 0.1, 99 %, 1.25 ×, fast 1.3 ×), a per-tag tier at λ 0.2 and 2 ×, and
         * the frozen-value tier.
         */
        public static Settings defaults() {
            return new Settings(0.1, 0.99, 1.25, 1.3, 0.2, 2.0, 10, true);
        }

        public Settings withTagLambda(double v) {
            return new Settings(lambda, limitQuantile, alarmFactor, fastFactor, v, tagMargin, settleRows, frozenCheck);
        }

        public Settings withTagMargin(double v) {
            return new Settings(lambda, limitQuantile, alarmFactor, fastFactor, tagLambda, v, settleRows, frozenCheck);
        }

        public Settings withFrozenCheck(boolean v) {
            return new Settings(lambda, limitQuantile, alarmFactor, fastFactor, tagLambda, tagMargin, settleRows, v);
        }
    }

    private final Settings settings;
    private final PcaDetector inner;
    private double combinedLimit = 1;
    /** Out-of-fold residual spread per tag (0 = tag ignored) and the per-tag raise level of the EWMA. */
    private double[] residualScale = new double[0];
    private double[] tagLimit = new double[0];
    /** Null when the frozen tier is off. */
    private FrozenValues frozen;
    private final List<String> notes = new ArrayList<>();

    /** @param inner the (dynamic) PCA model; unfitted, it is fitted by {@link #fit} */
    public ResidualTierDetector(Settings settings, PcaDetector inner) {
        this.settings = settings;
        this.inner = inner;
    }

    public Settings settings() {
        return settings;
    }

    public PcaDetector inner() {
        return inner;
    }

    @Override
    public String kind() {
        return "restier";
    }

    @Override
    public void fit(double[][] normal, List<String> columns) {
        inner.fit(normal, columns);
        notes.clear();
        notes.addAll(inner.fitNotes());
        double[] cal = inner.calibrationScores();
        double q = Stats.quantile(Stats.ewma(cal, settings.lambda(), Stats.median(cal)), settings.limitQuantile());
        combinedLimit = Double.isFinite(q) && q > 0 ? q : 1;
        double[][] r = inner.oofResiduals();
        int p = columns.size(), n = r.length;
        residualScale = new double[p];
        tagLimit = new double[p];
        for (int j = 0; j < p; j++) {
            double mean = 0, ss = 0;
            for (double[] row : r) mean += row[j] / n;
            for (double[] row : r) ss += (row[j] - mean) * (row[j] - mean);
            double sd = Math.sqrt(ss / n);
            if (!(sd > 1e-9)) continue;
            residualScale[j] = sd;
            double e = 0, max = 0;
            for (int i = 0; i < n; i++) {
                e = settings.tagLambda() * r[i][j] / sd + (1 - settings.tagLambda()) * e;
                if (i >= Math.min(settings.settleRows(), n - 1)) max = Math.max(max, Math.abs(e));
            }
            tagLimit[j] = max > 0 ? settings.tagMargin() * max : 0;
            if (tagLimit[j] == 0) residualScale[j] = 0;
        }
        frozen = settings.frozenCheck() ? FrozenValues.fit(normal, p) : null;
    }

    @Override
    public boolean isFitted() {
        return inner.isFitted() && tagLimit.length == inner.columns().size();
    }

    @Override
    public List<String> columns() {
        return inner.columns();
    }

    @Override
    public int lags() {
        return inner.lags();
    }

    /**
     * Single-row score without history: the inner statistic as a multiple of the fast-tier level (or of
     * the inner limit when the fast tier is off). The streaming statistic comes from {@link #session()}.
     */
    @Override
    public Score score(double[][] recent) {
        Score s = inner.score(recent);
        double f = settings.fastFactor() > 0 ? settings.fastFactor() : 1;
        double[] c = s.contributions().clone();
        for (int j = 0; j < c.length; j++) c[j] /= f;
        return new Score(s.statistic() / f, s.parts(), c, s.deviation());
    }

    @Override
    public Session session() {
        if (!isFitted()) throw new IllegalStateException("residual-tier detector is not fitted");
        return new Session() {
            private final Lags.Window window = new Lags.Window(lags());
            private final double[] tagEwma = new double[residualScale.length];
            private final FrozenValues.Session frozenRuns = frozen == null ? null : frozen.session();
            private final double[] frozenRatio = new double[residualScale.length];
            private double smoothed;
            private long rows;

            @Override
            public Score next(double[] row, boolean inAlarm) {
                return next(row, null, inAlarm);
            }

            @Override
            public Score next(double[] row, boolean[] filled, boolean inAlarm) {
                double[][] recent = window.push(row);
                int p = residualScale.length;
                double[] res = new double[p];
                Score s = inner.scoreWithResiduals(recent, res);
                rows++;
                double x = Double.isFinite(s.statistic()) ? s.statistic() : smoothed;
                // the combined EWMA starts at the first row with a full lag history, as the Monitor does
                smoothed = rows <= lags() + 1 ? x : settings.lambda() * x + (1 - settings.lambda()) * smoothed;
                double combinedLevel = settings.alarmFactor() * combinedLimit;
                double combined = smoothed / combinedLevel;
                double tags = 0;
                double[] c = new double[p];
                for (int j = 0; j < p; j++) {
                    double cj = s.contributions()[j] / combinedLevel;
                    if (residualScale[j] > 0) {
                        double z = Double.isFinite(res[j]) ? res[j] / residualScale[j] : 0;
                        tagEwma[j] = settings.tagLambda() * z + (1 - settings.tagLambda()) * tagEwma[j];
                        double u = Math.abs(tagEwma[j]) / tagLimit[j];
                        tags = Math.max(tags, u);
                        cj = Math.max(cj, u);
                    }
                    c[j] = cj;
                }
                // the frozen tier is a yes/no finding: a run within its normal length adds nothing, neither to the
                // statistic (where it could hold a warning open) nor to the ranking of the contributors
                double stuck = frozenRuns == null ? 0 : frozenRuns.next(row, filled, frozenRatio);
                if (stuck > 1) {
                    for (int j = 0; j < p; j++) if (frozenRatio[j] > 1) c[j] = Math.max(c[j], frozenRatio[j]);
                } else {
                    stuck = 0;
                }
                double stat = Math.max(combined, Math.max(tags, stuck));
                if (!inAlarm && settings.fastFactor() > 0) stat = Math.max(stat, s.statistic() / settings.fastFactor());
                return new Score(stat, new double[] {combined, tags, s.statistic(), stuck}, c, s.deviation());
            }
        };
    }

    /** Empty: the streaming statistic is already calibrated (1.0 = raise); see the class comment. */
    @Override
    public double[] calibrationScores() {
        return new double[0];
    }

    @Override
    public List<String> fitNotes() {
        return List.copyOf(notes);
    }

    @Override
    public ModelFile toModel() {
        ModelFile m = new ModelFile(kind());
        m.put("lambda", settings.lambda()).put("limitQuantile", settings.limitQuantile()).put("alarmFactor", settings.alarmFactor())
            .put("fastFactor", settings.fastFactor()).put("tagLambda", settings.tagLambda()).put("tagMargin", settings.tagMargin())
            .put("settleRows", settings.settleRows()).put("frozenCheck", settings.frozenCheck() ? 1 : 0);
        if (frozen != null) m.put("frozenLimit", frozen.limits());
        m.put("combinedLimit", combinedLimit).put("residualScale", residualScale).put("tagLimit", tagLimit);
        m.put("notes", notes);
        m.put("inner.kind", inner.kind());
        inner.toModel().copyInto(m, "inner.");
        return m;
    }

    public static ResidualTierDetector fromModel(ModelFile m) {
        Settings s = new Settings(m.number("lambda"), m.number("limitQuantile"), m.number("alarmFactor"), m.number("fastFactor"),
            m.number("tagLambda"), m.number("tagMargin"), (int) m.number("settleRows"),
            // models saved before the frozen tier existed have no such key and keep working without it
            m.number("frozenCheck", 0) != 0 && m.has("frozenLimit"));
        ResidualTierDetector d = new ResidualTierDetector(s, PcaDetector.fromModel(m.extract("inner.", m.string("inner.kind"))));
        d.combinedLimit = m.number("combinedLimit");
        d.residualScale = m.vector("residualScale");
        d.tagLimit = m.vector("tagLimit");
        double[] fl = s.frozenCheck() ? m.vector("frozenLimit") : null;
        if (fl != null && fl.length != d.tagLimit.length) {
            throw new IllegalArgumentException("model file: frozenLimit has " + fl.length + " values for " + d.tagLimit.length + " tags");
        }
        d.frozen = fl == null ? null : FrozenValues.of(fl);
        d.notes.addAll(m.list("notes"));
        return d;
    }
}
