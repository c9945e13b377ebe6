package com.vigil.warning.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming evaluation of an {@link EarlyWarningModel}: keeps the detector session (lag history,
 * adaptation), the EWMA and the persistence/hysteresis state. Not thread-safe; use one monitor per stream.
 */
public final class Monitor {
    private long seen;

    private final EarlyWarningModel model;
    private final MultivariateDetector detector;
    private final MultivariateDetector.Session session;
    private final DecisionPolicy policy;
    private double smoothed = Double.NaN;
    private double[] smoothedDev;
    private double[] onset;
    private double onsetNorm;
    private int alarmRows;
    private boolean alarm;
    private int above, below;
    private long alarmStart;
    private double[] lastGood;

    Monitor(EarlyWarningModel model) {
        this.model = model;
        this.detector = model.detector();
        this.session = detector.session();
        this.policy = model.policy();
    }

    public boolean inAlarm() {
        return alarm;
    }

    /**
     * Pushes one row (values in the order of {@link EarlyWarningModel#columns()}; NaN = missing, scored as
     * the last good value of that tag, or as normal if none).
     */
    public Evaluation push(long timeMillis, double[] row) {
        int p = detector.columns().size();
        if (row.length != p) throw new IllegalArgumentException("row has " + row.length + " values, model expects " + p);
        double[] r = row.clone();
        if (lastGood == null) {
            lastGood = new double[p];
            Arrays.fill(lastGood, Double.NaN);
        }
        boolean[] filled = new boolean[p];
        for (int j = 0; j < p; j++) {
            if (Double.isFinite(r[j])) lastGood[j] = r[j];
            else {
                r[j] = lastGood[j];
                filled[j] = true;
            }
        }
        Score s = session.next(r, filled, alarm);
        double lambda = policy.ewmaLambda();
        double x = Double.isFinite(s.statistic()) ? s.statistic() : (Double.isNaN(smoothed) ? 0 : smoothed);
        seen++;
        boolean warm = seen > detector.warmup();
        smoothed = Double.isNaN(smoothed) || seen == detector.warmup() + 1 ? x : lambda * x + (1 - lambda) * smoothed;
        if (s.deviation() != null) {
            if (smoothedDev == null) smoothedDev = s.deviation().clone();
            else for (int j = 0; j < p; j++) smoothedDev[j] = lambda * s.deviation()[j] + (1 - lambda) * smoothedDev[j];
        }
        double lim = model.limit();
        boolean raised = false, cleared = false;
        if (!warm) {
            // history not yet full: no decision (the statistic is not meaningful yet)
            above = 0;
        } else if (!alarm) {
            boolean high = smoothed > policy.alarmFactor() * lim
                || (policy.fastFactor() > 0 && s.statistic() > policy.fastFactor());
            above = high ? above + 1 : 0;
            if (above >= policy.onDelay()) {
                alarm = true;
                raised = true;
                alarmStart = timeMillis;
                below = 0;
                alarmRows = 0;
                onset = smoothedDev == null ? null : smoothedDev.clone();
                onsetNorm = onset == null ? 0 : norm(onset);
            }
        } else {
            alarmRows++;
            boolean back = smoothed < policy.clearFactor() * policy.alarmFactor() * lim;
            if (policy.directionalClear() > 0 && onset != null && smoothedDev != null) {
                if (alarmRows <= policy.onsetRows()) {
                    double nn = norm(smoothedDev);
                    if (nn > onsetNorm) {
                        onset = smoothedDev.clone();
                        onsetNorm = nn;
                    }
                } else if (onsetNorm > 0) {
                    double proj = 0;
                    for (int j = 0; j < p; j++) proj += smoothedDev[j] * onset[j];
                    proj /= onsetNorm;
                    back |= proj < policy.directionalClear() * onsetNorm && smoothed < policy.directionalCap() * lim;
                }
            }
            below = back ? below + 1 : 0;
            if (below >= policy.offDelay()) {
                alarm = false;
                cleared = true;
                above = 0;
                // start the next episode below the clear level, not from the alarm-time average
                smoothed = Math.min(x, policy.clearFactor() * policy.alarmFactor() * lim);
            }
        }
        Warning w = null;
        if (alarm) {
            List<Contribution> cs = new ArrayList<>();
            double[] c = s.contributions();
            for (int j = 0; j < p; j++) cs.add(new Contribution(detector.columns().get(j), c[j]));
            cs.sort(null);
            w = new Warning(model.name(), alarmStart, smoothed / (policy.alarmFactor() * lim), cs);
        }
        return new Evaluation(timeMillis, s, smoothed, policy.alarmFactor() * lim, alarm, raised, cleared, w);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }
}
