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
 *
 * <p>A device with a wrong clock must not stop the rows: a sample stamped more than {@link #MAX_AHEAD_PERIODS}
 * periods ahead of the current row, or more than {@link #MAX_BEHIND_PERIODS} behind it, does not move time (its
 * value is still taken). Only when {@link #JUMP_CONFIRM} such samples come in a row is it a real clock jump, and
 * the rows re-anchor there ({@link #timeJumps()} counts both).
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
    private int outOfRange;
    private long rejected;
    private long jumps;

    /** A sample this many periods ahead of the current row does not move time on its own. */
    public static final int MAX_AHEAD_PERIODS = 30;
    /** A sample this many periods behind the current row does not move time on its own. */
    public static final int MAX_BEHIND_PERIODS = 360;
    /** Consecutive out-of-range samples that make a real clock jump. */
    public static final int JUMP_CONFIRM = 1000;

    private final boolean guardTime;

    /** Rows from live samples: times out of range are guarded against (see the class comment). */
    public PeriodRows(List<String> columns, long periodMillis, RowSink sink) {
        this(columns, periodMillis, sink, true);
    }

    /**
     * @param guardTime false for a recording whose time order was already checked: every time is trusted, a gap is
     *                  a gap
     */
    public PeriodRows(List<String> columns, long periodMillis, RowSink sink, boolean guardTime) {
        this.guardTime = guardTime;
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
        long t = s.timeMillis();
        if (guardTime && nextBoundary != Long.MIN_VALUE
                && (t > nextBoundary + MAX_AHEAD_PERIODS * periodMillis || t < nextBoundary - MAX_BEHIND_PERIODS * periodMillis)) {
            rejected++;
            if (++outOfRange >= JUMP_CONFIRM) {
                jumps++;
                outOfRange = 0;
                nextBoundary = Math.floorDiv(t, periodMillis) * periodMillis + periodMillis; // re-anchor: the clock moved
            }
        } else {
            outOfRange = 0;
            advance(t);
        }
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

    /** Samples whose time was out of range (their values were taken, their times ignored). */
    public long rejectedTimes() {
        return rejected;
    }

    /** Confirmed clock jumps (the rows re-anchored). */
    public long timeJumps() {
        return jumps;
    }
}
