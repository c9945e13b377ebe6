package com.vigil.warning.detect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A fitted detector together with its calibrated decision policy: the unit that is trained offline,
 * saved to a file, loaded by the online engine and run through a {@link Monitor}. It also carries the
 * frozen-value limits of its tags ({@link FrozenValues}, learned from the same normal rows), which the
 * console checks per tag whatever the detector; a model file written before they existed has none.
 */
public final class EarlyWarningModel {
    private final String name;
    private final MultivariateDetector detector;
    private final DecisionPolicy policy;
    private final double limit;
    /** Null for a model file without frozen-value limits. */
    private final FrozenValues frozen;

    private EarlyWarningModel(String name, MultivariateDetector detector, DecisionPolicy policy, double limit,
                              FrozenValues frozen) {
        this.name = name;
        this.detector = detector;
        this.policy = policy;
        this.limit = limit;
        this.frozen = frozen;
    }

    /**
     * Fits the detector on normal data and calibrates the alarm limit of the smoothed statistic on the
     * detector's out-of-fold training scores.
     */
    public static EarlyWarningModel fit(String name, MultivariateDetector detector, DecisionPolicy policy,
                                        double[][] normal, List<String> columns) {
        detector.fit(normal, columns);
        double[] cal = detector.calibrationScores();
        double limit = 1.0;
        if (cal.length > 0) {
            double start = Stats.median(cal);
            double q = Stats.quantile(Stats.ewma(cal, policy.ewmaLambda(), start), policy.limitQuantile());
            if (Double.isFinite(q) && q > 0) limit = q;
        }
        return new EarlyWarningModel(name, detector, policy, limit,
                FrozenValues.fitForConsole(normal, columns.size()));
    }

    public String name() { return name; }

    /** The same fitted model under another name (e.g. the asset it watches). */
    public EarlyWarningModel renamed(String newName) {
        return new EarlyWarningModel(newName, detector, policy, limit, frozen);
    }
    public MultivariateDetector detector() { return detector; }
    public DecisionPolicy policy() { return policy; }
    /** Limit of the smoothed statistic (before {@link DecisionPolicy#alarmFactor()}). */
    public double limit() { return limit; }
    public List<String> columns() { return detector.columns(); }

    /**
     * The frozen-value limits of {@link #columns()}, in rows of the training period; empty for a model file
     * written before they were learned (retrain to get them).
     */
    public Optional<FrozenValues> frozenValues() { return Optional.ofNullable(frozen); }

    /** Starts a new streaming evaluation (independent state per call). */
    public Monitor monitor() {
        return new Monitor(this);
    }

    public void save(Path file) throws IOException {
        ModelFile m = detector.toModel();
        m.put("model.name", name);
        m.put("model.limit", limit);
        if (frozen != null) {
            m.put("model.frozenLimit", frozen.limits());
            m.put("model.frozenLow", frozen.low());
            m.put("model.frozenHigh", frozen.high());
        }
        policy.write(m);
        m.write(file);
    }

    public static EarlyWarningModel load(Path file) throws IOException {
        ModelFile m = ModelFile.read(file);
        MultivariateDetector d = Detectors.fromModel(m);
        FrozenValues frozen = null;
        if (m.has("model.frozenLimit")) {
            double[] fl = m.vector("model.frozenLimit");
            if (fl.length != d.columns().size()) {
                throw new IllegalArgumentException("model file: model.frozenLimit has " + fl.length + " values for "
                        + d.columns().size() + " tags");
            }
            // written together since the limits exist: a file with limits but without the ranges is damaged
            frozen = FrozenValues.of(fl, m.vector("model.frozenLow"), m.vector("model.frozenHigh"));
        }
        return new EarlyWarningModel(m.string("model.name"), d, DecisionPolicy.read(m), m.number("model.limit"), frozen);
    }
}
