package com.vigil.historian.codec;

/**
 * Summary of a time-ordered run of samples of one tag (a block, a day, an interval). It is a monoid:
 * {@link #append(Summary)} combines a summary with the one that follows it in time.
 *
 * <p>A sample is <em>usable</em> when its quality is GOOD or UNCERTAIN and its value is finite; min, max,
 * sum and the time-weighted integral only use usable samples. {@code bad} counts BAD and STALE quality.
 * The time-weighted integral uses step hold: a usable value holds until the next sample (of any quality);
 * the hold after the last sample is not included (it is added by whoever knows what follows).
 */
public final class Summary {
    public long count;
    public long usable;
    public long bad;
    public double min = Double.NaN;
    public long tMin;
    public double max = Double.NaN;
    public long tMax;
    public double sum;
    public long firstT = Long.MIN_VALUE;
    public long lastT = Long.MIN_VALUE;
    /** Raw value and quality ordinal of the last sample (any quality). */
    public double lastV = Double.NaN;
    public byte lastQ;
    public long firstUsableT;
    public double firstUsableV = Double.NaN;
    public long lastUsableT;
    public double lastUsableV = Double.NaN;
    public double twSum;
    public long twDur;

    public static boolean isUsable(double v, byte q) {
        return q <= 1 && !Double.isNaN(v) && !Double.isInfinite(v);
    }

    public static boolean isBad(byte q) {
        return q >= 2;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public boolean lastUsable() {
        return count > 0 && isUsable(lastV, lastQ);
    }

    /** Adds one sample that is later than every sample already added. */
    public void add(long t, double v, byte q) {
        if (count > 0 && isUsable(lastV, lastQ)) {
            long d = t - lastT;
            twSum += lastV * d;
            twDur += d;
        }
        if (count == 0) {
            firstT = t;
        }
        count++;
        if (isBad(q)) {
            bad++;
        }
        if (isUsable(v, q)) {
            if (usable == 0) {
                firstUsableT = t;
                firstUsableV = v;
                min = v;
                max = v;
                tMin = t;
                tMax = t;
            } else {
                if (v < min) {
                    min = v;
                    tMin = t;
                }
                if (v > max) {
                    max = v;
                    tMax = t;
                }
            }
            usable++;
            sum += v;
            lastUsableT = t;
            lastUsableV = v;
        }
        lastT = t;
        lastV = v;
        lastQ = q;
    }

    public static Summary of(SampleColumns c, int from, int to) {
        Summary s = new Summary();
        for (int i = from; i < to; i++) {
            s.add(c.t[i], c.v[i], c.q[i]);
        }
        return s;
    }

    /** Appends a summary of samples that all follow the samples of this one. */
    public void append(Summary o) {
        if (o.count == 0) {
            return;
        }
        if (count == 0) {
            copyFrom(o);
            return;
        }
        if (isUsable(lastV, lastQ)) {
            long d = o.firstT - lastT;
            twSum += lastV * d;
            twDur += d;
        }
        twSum += o.twSum;
        twDur += o.twDur;
        count += o.count;
        bad += o.bad;
        if (o.usable > 0) {
            if (usable == 0) {
                firstUsableT = o.firstUsableT;
                firstUsableV = o.firstUsableV;
                min = o.min;
                tMin = o.tMin;
                max = o.max;
                tMax = o.tMax;
            } else {
                if (o.min < min) {
                    min = o.min;
                    tMin = o.tMin;
                }
                if (o.max > max) {
                    max = o.max;
                    tMax = o.tMax;
                }
            }
            usable += o.usable;
            sum += o.sum;
            lastUsableT = o.lastUsableT;
            lastUsableV = o.lastUsableV;
        }
        lastT = o.lastT;
        lastV = o.lastV;
        lastQ = o.lastQ;
    }

    public void copyFrom(Summary o) {
        count = o.count;
        usable = o.usable;
        bad = o.bad;
        min = o.min;
        tMin = o.tMin;
        max = o.max;
        tMax = o.tMax;
        sum = o.sum;
        firstT = o.firstT;
        lastT = o.lastT;
        lastV = o.lastV;
        lastQ = o.lastQ;
        firstUsableT = o.firstUsableT;
        firstUsableV = o.firstUsableV;
        lastUsableT = o.lastUsableT;
        lastUsableV = o.lastUsableV;
        twSum = o.twSum;
        twDur = o.twDur;
    }
}
