package com.vigil.warning.detect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A fitted detector together with its calibrated decision policy: the unit that is trained offline,
 * saved to a file, loaded by the online engine and run through a {@link Monitor}.
 */
public final class EarlyWarningModel {
    private final String name;
    private final MultivariateDetector detector;
    private final DecisionPolicy policy;
    private final double limit;

    private EarlyWarningModel(String name, MultivariateDetector detector, DecisionPolicy policy, double limit) {
        this.name = name;
        this.detector = detector;
        this.policy = policy;
        this.limit = limit;
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
        return new EarlyWarningModel(name, detector, policy, limit);
    }

    public String name() { return name; }

    /** The same fitted model under another name (e.g. the asset it watches). */
    public EarlyWarningModel renamed(String newName) {
        return new EarlyWarningModel(newName, detector, policy, limit);
    }
    public MultivariateDetector detector() { return detector; }
    public DecisionPolicy policy() { return policy; }
    /** Limit of the smoothed statistic (before {@link DecisionPolicy#alarmFactor()}). */
    public double limit() { return limit; }
    public List<String> columns() { return detector.columns(); }

    /** Starts a new streaming evaluation (independent state per call). */
    public Monitor monitor() {
        return new Monitor(this);
    }

    public void save(Path file) throws IOException {
        ModelFile m = detector.toModel();
        m.put("model.name", name);
        m.put("model.limit", limit);
        policy.write(m);
        m.write(file);
    }

    public static EarlyWarningModel load(Path file) throws IOException {
        ModelFile m = ModelFile.read(file);
        MultivariateDetector d = Detectors.fromModel(m);
        return new EarlyWarningModel(m.string("model.name"), d, DecisionPolicy.read(m), m.number("model.limit"));
    }
}
