package com.vigil.model;

/**
 * The value range an analog tag is drawn in (trend axis, tile spark line): its normal band and its H/L limits
 * always inside, widened to the values shown, with a little room above and below. The operator judges a value
 * against its limits, not against its own noise: a steady value draws flat, a value near its limit draws near
 * the limit line.
 *
 * @param low  bottom of the drawn range
 * @param high top of the drawn range, always above {@code low}
 */
public record DisplayRange(double low, double high) {
    /** Room above and below, as a fraction of the span. */
    static final double PAD = 0.08;

    public DisplayRange {
        if (!(high > low)) {
            throw new IllegalArgumentException("display range high (" + high + ") must be above low (" + low + ")");
        }
    }

    /**
     * The range for the values shown; NaN values (gaps, bad quality) are left out.
     *
     * @param def    the tag
     * @param values the values shown, in any order
     */
    public static DisplayRange of(TagDef def, java.util.stream.DoubleStream values) {
        double[] lowHigh = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        values.filter(v -> !Double.isNaN(v)).forEach(v -> {
            lowHigh[0] = Math.min(lowHigh[0], v);
            lowHigh[1] = Math.max(lowHigh[1], v);
        });
        return of(def, lowHigh[0], lowHigh[1]);
    }

    /**
     * @param def     the tag
     * @param dataLow  lowest good value shown (+∞ or {@code NaN} when none)
     * @param dataHigh highest good value shown (−∞ or {@code NaN} when none)
     */
    public static DisplayRange of(TagDef def, double dataLow, double dataHigh) {
        double lo = Math.min(def.normalLow(), def.normalHigh());
        double hi = Math.max(def.normalLow(), def.normalHigh());
        if (def.limits().l() != null) {
            lo = Math.min(lo, def.limits().l());
        }
        if (def.limits().h() != null) {
            hi = Math.max(hi, def.limits().h());
        }
        if (!Double.isNaN(dataLow)) {
            lo = Math.min(lo, dataLow); // +∞ leaves it
        }
        if (!Double.isNaN(dataHigh)) {
            hi = Math.max(hi, dataHigh);
        }
        double pad = (hi - lo) * PAD;
        if (!(pad > 0)) {
            // no band, no limits, one value: a span from the engineering range so a flat line sits mid-height
            pad = Math.max(Math.abs(def.engHigh() - def.engLow()) * PAD, 1e-9);
        }
        return new DisplayRange(lo - pad, hi + pad);
    }

    /** Where {@code v} sits in the range: 0 at the bottom, 1 at the top (outside 0..1 when outside the range). */
    public double fraction(double v) {
        return (v - low) / (high - low);
    }
}
