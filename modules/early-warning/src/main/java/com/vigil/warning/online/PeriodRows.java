package com.vigil.warning.online;

import com.vigil.model.Quality;
import com.vigil.model.Sample;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stream of samples (each tag changes on its own) into fixed-period rows of a table: at each period
 * boundary a row holds the last value of every column. A column whose last sample was not GOOD (or not finite)
 * is NaN until a good value arrives again; a column never seen is NaN. Time comes from the samples (source
 * timestamps), so replaying recorded data gives the same rows as live data.
 */
public final class PeriodRows {
    /** Receives each completed row. {@code row} is reused: copy it to keep it. */
    public interface RowSink {
        void row(long timeMillis, double[] row);
    }

    private final Map<String, Integer> index = new HashMap<>();
    private final long periodMillis;
    private final double[] current;
    private final RowSink sink;
    private long nextBoundary = Long.MIN_VALUE;

    public PeriodRows(List<String> columns, long periodMillis, RowSink sink) {
        if (periodMillis <= 0) throw new IllegalArgumentException("period must be positive, was " + periodMillis + " ms");
        for (int i = 0; i < columns.size(); i++) index.put(columns.get(i), i);
        this.periodMillis = periodMillis;
        this.current = new double[columns.size()];
        Arrays.fill(current, Double.NaN);
        this.sink = sink;
    }

    /** Feeds samples in time order (a batch from one acquisition cycle). */
    public void accept(List<Sample> batch) {
        for (Sample s : batch) accept(s);
    }

    public void accept(Sample s) {
        advance(s.timeMillis());
        Integer i = index.get(s.tag());
        if (i == null) return;
        boolean good = s.quality() == Quality.GOOD && Double.isFinite(s.value());
        current[i] = good ? s.value() : Double.NaN;
    }

    /** Emits every row whose boundary lies at or before {@code timeMillis}. */
    public void advance(long timeMillis) {
        if (nextBoundary == Long.MIN_VALUE) {
            nextBoundary = Math.floorDiv(timeMillis, periodMillis) * periodMillis + periodMillis;
            return;
        }
        while (timeMillis >= nextBoundary) {
            sink.row(nextBoundary, current);
            nextBoundary += periodMillis;
            // a long gap (no samples at all) emits one row per period; cap it so a clock jump cannot spin
            if (timeMillis - nextBoundary > 100 * periodMillis) {
                nextBoundary = Math.floorDiv(timeMillis, periodMillis) * periodMillis;
            }
        }
    }

    public long periodMillis() {
        return periodMillis;
    }
}
