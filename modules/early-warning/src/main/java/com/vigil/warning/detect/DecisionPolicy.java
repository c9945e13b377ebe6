package com.vigil.warning.detect;

/**
 * False-warning control on top of a detector statistic: EWMA smoothing, a calibrated alarm limit,
 * persistence (on/off delays), hysteresis (clear level below the alarm level), an optional fast
 * (unsmoothed) tier and an optional "return" changepoint rule for clearing.
 *
 * @param ewmaLambda       EWMA weight of the newest statistic (1 = no smoothing)
 * @param limitQuantile    the alarm limit is this quantile of the smoothed out-of-fold training statistic
 * @param alarmFactor      raise when smoothed statistic &gt; alarmFactor × limit ...
 * @param onDelay          ... for this many consecutive samples (persistence)
 * @param clearFactor      clear when smoothed statistic &lt; clearFactor × alarmFactor × limit ...
 * @param offDelay         ... for this many consecutive samples
 * @param directionalClear if &gt; 0: also clear when the smoothed deviation, projected on the direction in
 *                         which the plant moved at the start of the warning, has fallen below this fraction
 *                         of that initial move (the "return" changepoint); drift in other directions is ignored
 * @param fastFactor       if &gt; 0: also raise when the unsmoothed statistic exceeds this multiple of the
 *                         detector's own limit for {@code onDelay} samples (Shewhart tier for large, sudden
 *                         faults; the smoothed tier catches small persistent ones)
 * @param onsetRows        rows after a raise during which the onset direction is learnt (largest deviation)
 * @param directionalCap   the directional clear applies only while the smoothed statistic is below this
 *                         multiple of the limit
 */
public record DecisionPolicy(double ewmaLambda, double limitQuantile, double alarmFactor, int onDelay,
                             double clearFactor, int offDelay, double directionalClear, double fastFactor,
                             int onsetRows, double directionalCap) {

    public DecisionPolicy {
        if (!(ewmaLambda > 0 && ewmaLambda <= 1)) throw new IllegalArgumentException("ewmaLambda must be in (0,1]");
        if (!(limitQuantile > 0 && limitQuantile <= 1)) throw new IllegalArgumentException("limitQuantile must be in (0,1]");
        if (!(clearFactor > 0 && clearFactor <= alarmFactor)) throw new IllegalArgumentException("need 0 < clearFactor <= alarmFactor");
        if (onDelay < 1 || offDelay < 1) throw new IllegalArgumentException("onDelay and offDelay must be >= 1");
        if (directionalClear < 0 || fastFactor < 0 || onsetRows < 1 || !(directionalCap > 0)) {
            throw new IllegalArgumentException("directionalClear, fastFactor must be >= 0, onsetRows >= 1, directionalCap > 0");
        }
    }

    /** Smoothing, persistence and hysteresis only. */
    public DecisionPolicy(double ewmaLambda, double limitQuantile, double alarmFactor, int onDelay,
                          double clearFactor, int offDelay) {
        this(ewmaLambda, limitQuantile, alarmFactor, onDelay, clearFactor, offDelay, 0, 0, 60, 1e9);
    }

    /** Unsmoothed single-sample decision at the detector's own limit (the textbook baseline). */
    public static DecisionPolicy raw() {
        return new DecisionPolicy(1.0, 1.0, 1.0, 1, 1.0, 1);
    }

    public DecisionPolicy withEwmaLambda(double v) { return new DecisionPolicy(v, limitQuantile, alarmFactor, onDelay, clearFactor, offDelay, directionalClear, fastFactor, onsetRows, directionalCap); }
    public DecisionPolicy withLimitQuantile(double v) { return new DecisionPolicy(ewmaLambda, v, alarmFactor, onDelay, clearFactor, offDelay, directionalClear, fastFactor, onsetRows, directionalCap); }
    public DecisionPolicy withAlarmFactor(double v) { return new DecisionPolicy(ewmaLambda, limitQuantile, v, onDelay, clearFactor, offDelay, directionalClear, fastFactor, onsetRows, directionalCap); }
    public DecisionPolicy withOnDelay(int v) { return new DecisionPolicy(ewmaLambda, limitQuantile, alarmFactor, v, clearFactor, offDelay, directionalClear, fastFactor, onsetRows, directionalCap); }
    public DecisionPolicy withClearFactor(double v) { return new DecisionPolicy(ewmaLambda, limitQuantile, alarmFactor, onDelay, v, offDelay, directionalClear, fastFactor, onsetRows, directionalCap); }
    public DecisionPolicy withOffDelay(int v) { return new DecisionPolicy(ewmaLambda, limitQuantile, alarmFactor, onDelay, clearFactor, v, directionalClear, fastFactor, onsetRows, directionalCap); }
    public DecisionPolicy withDirectionalClear(double v) { return new DecisionPolicy(ewmaLambda, limitQuantile, alarmFactor, onDelay, clearFactor, offDelay, v, fastFactor, onsetRows, directionalCap); }
    public DecisionPolicy withFastFactor(double v) { return new DecisionPolicy(ewmaLambda, limitQuantile, alarmFactor, onDelay, clearFactor, offDelay, directionalClear, v, onsetRows, directionalCap); }
    public DecisionPolicy withOnsetRows(int v) { return new DecisionPolicy(ewmaLambda, limitQuantile, alarmFactor, onDelay, clearFactor, offDelay, directionalClear, fastFactor, v, directionalCap); }
    public DecisionPolicy withDirectionalCap(double v) { return new DecisionPolicy(ewmaLambda, limitQuantile, alarmFactor, onDelay, clearFactor, offDelay, directionalClear, fastFactor, onsetRows, v); }

    void write(ModelFile m) {
        m.put("policy.ewmaLambda", ewmaLambda).put("policy.limitQuantile", limitQuantile).put("policy.alarmFactor", alarmFactor)
            .put("policy.onDelay", onDelay).put("policy.clearFactor", clearFactor).put("policy.offDelay", offDelay)
            .put("policy.directionalClear", directionalClear).put("policy.fastFactor", fastFactor)
            .put("policy.onsetRows", onsetRows).put("policy.directionalCap", directionalCap);
    }

    static DecisionPolicy read(ModelFile m) {
        return new DecisionPolicy(m.number("policy.ewmaLambda"), m.number("policy.limitQuantile"), m.number("policy.alarmFactor"),
            (int) m.number("policy.onDelay"), m.number("policy.clearFactor"), (int) m.number("policy.offDelay"),
            m.number("policy.directionalClear", 0), m.number("policy.fastFactor", 0),
            (int) m.number("policy.onsetRows", 60), m.number("policy.directionalCap", 1e9));
    }
}
