package com.vigil.warning.trend;

import com.vigil.model.Limits;
import com.vigil.model.Priority;
import com.vigil.model.Sample;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * Time-to-threshold predictor for one analog tag: keeps a sliding window of good samples, fits a robust
 * (Theil–Sen) trend and, when the trend is significant, predicts when the value will cross the next alarm
 * limit in the direction of the trend (H then HH going up, L then LL going down). A warning is returned
 * when that time is within the horizon. Not thread-safe; one instance per tag.
 */
public final class TimeToThreshold {

    /**
     * @param windowMillis  length of the sliding window
     * @param minSamples    minimum good samples in the window before predicting
     * @param horizonMillis warn when the predicted crossing is at most this far ahead
     * @param minKendallZ   minimum |Mann–Kendall z| for the trend to count (2.58 ≈ 99 %)
     */
    public record Settings(long windowMillis, int minSamples, long horizonMillis, double minKendallZ) {
        public Settings {
            if (windowMillis <= 0 || horizonMillis <= 0) throw new IllegalArgumentException("window and horizon must be positive");
            if (minSamples < 3) throw new IllegalArgumentException("minSamples must be at least 3");
        }

        public static Settings defaults() {
            return new Settings(10 * 60_000L, 10, 30 * 60_000L, 2.58);
        }
    }

    private final String tag;
    private final Limits limits;
    private final Settings settings;
    private final ArrayDeque<Long> times = new ArrayDeque<>();
    private final ArrayDeque<Double> values = new ArrayDeque<>();
    private RobustTrend trend;
    private double bandLow = Double.NEGATIVE_INFINITY;
    private double bandHigh = Double.POSITIVE_INFINITY;
    private boolean hasBand;

    public TimeToThreshold(String tag, Limits limits, Settings settings) {
        this.tag = Objects.requireNonNull(tag, "tag");
        this.limits = limits == null ? Limits.NONE : limits;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Gates the prediction with the tag's normal operating band: while the value is inside the band nothing is
     * predicted (a process moving within its normal band — a tank breathing, a batch heating up — is not a
     * warning, however steep its trend); an upward prediction needs the value above {@code high}, a downward one
     * below {@code low}. Without a band (the default) every significant trend is extrapolated.
     */
    public TimeToThreshold withNormalBand(double low, double high) {
        if (!(high > low)) throw new IllegalArgumentException("tag " + tag + ": normal band high must be above low");
        this.bandLow = low;
        this.bandHigh = high;
        this.hasBand = true;
        return this;
    }

    /** The latest trend estimate, or null before enough samples. */
    public RobustTrend trend() {
        return trend;
    }

    /**
     * Adds a sample (non-GOOD quality, NaN and out-of-order samples are ignored) and returns a warning if the
     * next limit in the direction of the trend will be crossed within the horizon.
     */
    public Optional<ThresholdWarning> update(Sample s) {
        if (!tag.equals(s.tag())) throw new IllegalArgumentException("sample of tag " + s.tag() + " given to predictor of " + tag);
        if (s.quality().isGood() && Double.isFinite(s.value()) && (times.isEmpty() || s.timeMillis() > times.peekLast())) {
            times.addLast(s.timeMillis());
            values.addLast(s.value());
        }
        long newest = times.isEmpty() ? s.timeMillis() : times.peekLast();
        while (!times.isEmpty() && times.peekFirst() < newest - settings.windowMillis()) {
            times.removeFirst();
            values.removeFirst();
        }
        if (times.size() < settings.minSamples()) {
            trend = null;
            return Optional.empty();
        }
        double latest = values.peekLast();
        if (hasBand && latest >= bandLow && latest <= bandHigh) {
            trend = null; // inside the normal band: no prediction (and no trend fit needed)
            return Optional.empty();
        }
        long[] t = new long[times.size()];
        double[] y = new double[t.length];
        Iterator<Long> it = times.iterator();
        Iterator<Double> iv = values.iterator();
        for (int i = 0; i < t.length; i++) {
            t[i] = it.next();
            y[i] = iv.next();
        }
        trend = RobustTrend.fit(t, y);
        return trend == null ? Optional.empty() : predict(trend);
    }

    /** Predicts from a given trend (exposed for tests and for callers with their own history). */
    public Optional<ThresholdWarning> predict(RobustTrend tr) {
        if (Math.abs(tr.kendallZ()) < settings.minKendallZ() || tr.slopePerMilli() == 0) return Optional.empty();
        long now = tr.refMillis();
        double level = tr.valueAt(now);
        String name = null;
        Double limit = null;
        Priority prio = null;
        if (hasBand && (tr.slopePerMilli() > 0 ? level <= bandHigh : level >= bandLow)) return Optional.empty();
        if (tr.slopePerMilli() > 0) {
            if (limits.h() != null && level < limits.h()) { name = "H"; limit = limits.h(); prio = limits.hPriority(); }
            else if (limits.hh() != null && level < limits.hh()) { name = "HH"; limit = limits.hh(); prio = limits.hhPriority(); }
        } else {
            if (limits.l() != null && level > limits.l()) { name = "L"; limit = limits.l(); prio = limits.lPriority(); }
            else if (limits.ll() != null && level > limits.ll()) { name = "LL"; limit = limits.ll(); prio = limits.llPriority(); }
        }
        if (limit == null) return Optional.empty();
        double dtMillis = (limit - level) / tr.slopePerMilli();
        if (!(dtMillis >= 0) || dtMillis > settings.horizonMillis()) return Optional.empty();
        long crossing = now + (long) Math.ceil(dtMillis);
        return Optional.of(new ThresholdWarning(tag, name, limit, prio, now, crossing, tr.slopePerMinute(), level));
    }
}
