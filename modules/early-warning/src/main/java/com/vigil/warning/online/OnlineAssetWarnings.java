package com.vigil.warning.online;

import com.vigil.model.Sample;
import com.vigil.model.SampleBatchListener;
import com.vigil.model.TagDef;
import com.vigil.warning.detect.EarlyWarningModel;
import com.vigil.warning.detect.Evaluation;
import com.vigil.warning.detect.FrozenValues;
import com.vigil.warning.detect.Monitor;
import com.vigil.warning.detect.Warning;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multivariate early warning per asset, online. Runs on the ingest thread as a consumer: samples become
 * fixed-period rows ({@link PeriodRows}, one row per {@code periodMillis}), each asset's columns go through its
 * model's {@link Monitor} (smoothing, persistence, hysteresis), and raises / clears go to the sink with the
 * contributing tags ranked. Missing or bad values are held at the tag's last good value by the monitor, so a
 * communication loss does not raise a warning (the COMM alarm covers it).
 *
 * <p>Each tag of a modelled asset is also checked for a frozen value ({@link FrozenValues}, limits learned with
 * the model): a tag that keeps exactly the same value for longer than it ever did in normal operation is
 * reported on its own ({@link Sink#frozen}), whatever the multivariate statistic says, and cleared when its value
 * moves again. A missing or bad value is no reading: it neither ends nor continues the run, and it clears
 * nothing (the bad-value and COMM alarms cover it). Nor is a value at either end of the tag's engineering range,
 * or at or beyond the lowest / highest value of the training rows: a controller output saturated at its clamp or
 * a transmitter over range holds its value because it is pinned, not frozen, and its limit alarms and the
 * multivariate warning tell the operator. The check is for the insidious case, a value that stops inside its
 * normal range.
 */
public final class OnlineAssetWarnings implements SampleBatchListener {
    /** Where asset warnings go (the app raises them in the alarm engine as ordinary alarms). */
    public interface Sink {
        void raise(String asset, Warning warning);

        void clear(String asset, long timeMillis);

        /**
         * Tag {@code tag} of {@code asset} has kept the value {@code value} for {@code frozenForMillis}, longer than
         * the {@code normalMaxMillis} normal operation allows.
         */
        default void frozen(String asset, String tag, long timeMillis, double value, long frozenForMillis,
                            long normalMaxMillis) {
        }

        /** The value of {@code tag} moves again. */
        default void thawed(String asset, String tag, long timeMillis) {
        }
    }

    /** Default row period: one row every 10 s (the models are trained on the same period). */
    public static final long DEFAULT_PERIOD_MILLIS = 10_000;

    /**
     * Rows after the start during which no warning is raised: the smoothed statistic starts from the first row
     * and needs a few time constants to settle (with λ = 0.1 about 30 rows, 5 min). A deviation still above its
     * raise level when the settling ends is raised then.
     */
    public static final int SETTLE_ROWS = 30;

    /**
     * A tag is reported frozen only after its value has stood still this long, however short its learned limit
     * (a tag that never repeats in training is abnormal after 3 equal rows, 30 s): a short stall of the data path
     * that is not yet a communication loss must not raise an alarm for every tag.
     */
    public static final long MIN_FROZEN_MILLIS = 5 * 60_000;

    private static final class Watched {
        final String asset;
        final Monitor monitor;
        final int[] columns;
        final double[] row;
        boolean announced;
        final List<String> tags;
        /** Null when the model has no frozen-value limits (a model file from before they were learned). */
        final double[] frozenLimits;
        final FrozenValues.Session runs;
        final double[] ratios;
        final boolean[] frozenOn;
        /**
         * Per column, the larger of the engineering low and the lowest training value, and the smaller of the
         * engineering high and the highest training value (NaN = unknown): a value at or beyond either is pinned, no
         * reading for the frozen check.
         */
        final double[] low;
        final double[] high;
        final boolean[] clamped;

        Watched(String asset, EarlyWarningModel model, int[] columns, Map<String, TagDef> defs) {
            this.asset = asset;
            this.monitor = model.monitor();
            this.columns = columns;
            this.row = new double[columns.length];
            this.tags = model.columns();
            FrozenValues frozen = model.frozenValues().orElse(null);
            this.frozenLimits = frozen == null ? null : frozen.limits();
            this.runs = frozen == null ? null : frozen.session();
            this.ratios = new double[columns.length];
            this.frozenOn = new boolean[columns.length];
            this.low = new double[columns.length];
            this.high = new double[columns.length];
            this.clamped = new boolean[columns.length];
            double[] seenLow = frozen == null ? null : frozen.low();
            double[] seenHigh = frozen == null ? null : frozen.high();
            for (int j = 0; j < columns.length; j++) {
                TagDef d = defs.get(tags.get(j));
                boolean ranged = d != null && d.engHigh() > d.engLow();
                low[j] = bound(ranged ? d.engLow() : Double.NaN, seenLow == null ? Double.NaN : seenLow[j], true);
                high[j] = bound(ranged ? d.engHigh() : Double.NaN, seenHigh == null ? Double.NaN : seenHigh[j], false);
            }
        }

        /** The tighter of two bounds, either of which may be unknown (NaN). */
        private static double bound(double a, double b, boolean lower) {
            if (Double.isNaN(a)) return b;
            if (Double.isNaN(b)) return a;
            return lower ? Math.max(a, b) : Math.min(a, b);
        }
    }

    private long rowsSeen;

    private final List<Watched> watched = new ArrayList<>();
    private final PeriodRows rows;
    private final Sink sink;
    private final long periodMillis;

    /**
     * @param models       the asset models, by asset id
     * @param tags         the plant's tags (their engineering ranges, for the frozen check)
     * @param periodMillis the row period the models were trained on
     */
    public OnlineAssetWarnings(Map<String, EarlyWarningModel> models, List<TagDef> tags, long periodMillis, Sink sink) {
        this.sink = sink;
        Map<String, TagDef> defs = new java.util.HashMap<>();
        tags.forEach(t -> defs.put(t.id(), t));
        this.periodMillis = periodMillis;
        Set<String> all = new LinkedHashSet<>();
        models.values().forEach(m -> all.addAll(m.columns()));
        List<String> columns = List.copyOf(all);
        for (var e : models.entrySet()) {
            List<String> cs = e.getValue().columns();
            int[] idx = new int[cs.size()];
            for (int j = 0; j < idx.length; j++) idx[j] = columns.indexOf(cs.get(j));
            watched.add(new Watched(e.getKey(), e.getValue(), idx, defs));
        }
        this.rows = new PeriodRows(columns, periodMillis, this::row);
    }

    @Override
    public void onBatch(List<Sample> batch) {
        rows.accept(batch);
    }

    private void row(long time, double[] values) {
        rowsSeen++;
        boolean settled = rowsSeen > SETTLE_ROWS;
        for (Watched w : watched) {
            for (int j = 0; j < w.columns.length; j++) w.row[j] = values[w.columns[j]];
            Evaluation ev = w.monitor.push(time, w.row);
            // after the settling, a warning already on is announced only while it is still above its raise level
            // (not in the hysteresis tail of a start-up transient)
            if (ev.alarm() && !w.announced && settled && (ev.raised() || ev.smoothed() >= ev.limit())) {
                w.announced = true;
                Warning raised = ev.warning();
                sink.raise(w.asset, new Warning(raised.source(), time, raised.severity(), raised.contributors()));
            } else if (!ev.alarm() && w.announced) {
                w.announced = false;
                sink.clear(w.asset, time);
            }
            if (w.runs != null) frozenCheck(w, time);
        }
    }

    private void frozenCheck(Watched w, long time) {
        for (int j = 0; j < w.row.length; j++) w.clamped[j] = w.row[j] <= w.low[j] || w.row[j] >= w.high[j];
        w.runs.next(w.row, w.clamped, w.ratios);
        for (int j = 0; j < w.row.length; j++) {
            // no reading (missing, bad, or clamped at a range end): nothing ends, nothing is raised
            if (!Double.isFinite(w.row[j]) || w.clamped[j]) continue;
            long still = (long) w.runs.run(j) * periodMillis;
            boolean frozen = w.ratios[j] > 1 && still >= MIN_FROZEN_MILLIS;
            if (frozen && !w.frozenOn[j]) {
                w.frozenOn[j] = true;
                sink.frozen(w.asset, w.tags.get(j), time, w.row[j], still, Math.round(w.frozenLimits[j] * periodMillis));
            } else if (!frozen && w.frozenOn[j]) {
                w.frozenOn[j] = false;
                sink.thawed(w.asset, w.tags.get(j), time);
            }
        }
    }

    /** Assets being watched. */
    public int watched() {
        return watched.size();
    }
}
