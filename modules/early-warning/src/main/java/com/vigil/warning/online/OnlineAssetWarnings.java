package com.vigil.warning.online;

import com.vigil.model.Sample;
import com.vigil.model.SampleBatchListener;
import com.vigil.warning.detect.EarlyWarningModel;
import com.vigil.warning.detect.Evaluation;
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
 */
public final class OnlineAssetWarnings implements SampleBatchListener {
    /** Where asset warnings go (the app raises them in the alarm engine as ordinary alarms). */
    public interface Sink {
        void raise(String asset, Warning warning);

        void clear(String asset, long timeMillis);
    }

    /** Default row period: one row every 10 s (the models are trained on the same period). */
    public static final long DEFAULT_PERIOD_MILLIS = 10_000;

    /**
     * Rows after the start during which no warning is raised: the smoothed statistic starts from the first row
     * and needs a few time constants to settle (with λ = 0.1 about 30 rows, 5 min). A deviation still above its
     * raise level when the settling ends is raised then.
     */
    public static final int SETTLE_ROWS = 30;

    private static final class Watched {
        final String asset;
        final Monitor monitor;
        final int[] columns;
        final double[] row;
        boolean announced;

        Watched(String asset, Monitor monitor, int[] columns) {
            this.asset = asset;
            this.monitor = monitor;
            this.columns = columns;
            this.row = new double[columns.length];
        }
    }

    private long rowsSeen;

    private final List<Watched> watched = new ArrayList<>();
    private final PeriodRows rows;
    private final Sink sink;

    public OnlineAssetWarnings(Map<String, EarlyWarningModel> models, long periodMillis, Sink sink) {
        this.sink = sink;
        Set<String> all = new LinkedHashSet<>();
        models.values().forEach(m -> all.addAll(m.columns()));
        List<String> columns = List.copyOf(all);
        for (var e : models.entrySet()) {
            List<String> cs = e.getValue().columns();
            int[] idx = new int[cs.size()];
            for (int j = 0; j < idx.length; j++) idx[j] = columns.indexOf(cs.get(j));
            watched.add(new Watched(e.getKey(), e.getValue().monitor(), idx));
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
        }
    }

    /** Assets being watched. */
    public int watched() {
        return watched.size();
    }
}
