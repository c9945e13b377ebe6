package com.vigil.warning.detect;

/**
 * Frozen-value check: a tag that keeps exactly the same value for longer than normal operation ever
 * shows. A stuck valve, a frozen transmitter or a dead data link repeats its last value while
 * everything around it moves; a statistic built on the tag's spread cannot see that, because the value
 * itself is normal.
 *
 * <p>Fitted per tag on the readings of the normal rows (missing cells are skipped: a run continues
 * across them): {@code L} = the longest run of identical consecutive readings, and {@code p} = (equal
 * consecutive pairs + 1) / readings, so a tag that never repeats gets {@code p = 1/n}. A run is
 * abnormal from length {@code max(L + 2, 2L, 1 + ceil(log(CHANCE) / log p))}: at least two samples
 * longer than any normal run, twice as long, and so long that chance repeats at the rate seen would
 * make one only once in {@code 1/CHANCE} samples. A tag whose longest run covers a quarter of its
 * readings or more (a set point, a switch, a tag constant over the window) is not checked. The limit
 * stored is the longest run still normal; {@link Session#next} returns {@code run / limit} per tag,
 * and above 1.0 is frozen.
 *
 * <p>Used as a tier inside {@link ResidualTierDetector} (offline and per model) and, per tag, by every
 * {@link EarlyWarningModel} for the console's frozen-value alarms. Rows that hold a tag's last value while
 * no new sample came (an OPC UA subscription with a deadband reports nothing while the value stays inside
 * it) count as readings, so training data recorded through the same path learns how long such a tag is
 * normally quiet.
 */
public final class FrozenValues {

    /** Chance of a false frozen run per sample that the limit allows (one in a million samples). */
    public static final double CHANCE = 1e-6;

    /** Per tag: the longest run of identical values that is still normal; 0 = tag not checked. */
    private final double[] limit;
    /** Per tag: the lowest and highest reading of the normal rows (NaN without readings). */
    private final double[] low;
    private final double[] high;

    private FrozenValues(double[] limit, double[] low, double[] high) {
        this.limit = limit;
        this.low = low;
        this.high = high;
    }

    /** Fits the limits of {@code columns} tags on normal rows ({@code normal[i][j]}, NaN = no reading). */
    public static FrozenValues fit(double[][] normal, int columns) {
        return fit(normal, columns, 2, CHANCE, 1.0);
    }

    /** Chance of a false frozen run per sample that the console's limits allow (one in a billion). */
    public static final double CONSOLE_CHANCE = 1e-9;

    /**
     * The stricter limits of the console, which watches hundreds of tags around the clock on a few days of
     * training: a run is abnormal from {@code max(L + 2, 3L, 1 + ceil(log(CONSOLE_CHANCE) / log p))}, and a tag
     * whose readings repeat the previous one in more than half of its readings ({@code p > 0.5}) is not checked.
     * A slow quantised signal, or one reported through a deadband, sits on one value for long stretches, with a
     * tail of run lengths that a few days do not show: on the demo plant, a slow temperature held one value for
     * twice its longest run of three training days within one further day. Only tags that normally change in most
     * readings make a long repeat unambiguous.
     */
    public static FrozenValues fitForConsole(double[][] normal, int columns) {
        return fit(normal, columns, 3, CONSOLE_CHANCE, 0.5);
    }

    private static FrozenValues fit(double[][] normal, int columns, double runFactor, double chance,
                                    double maxRepeatShare) {
        double[] limit = new double[columns];
        double[] low = new double[columns];
        double[] high = new double[columns];
        for (int j = 0; j < columns; j++) {
            int readings = 0, run = 0, longest = 0, equalPairs = 0;
            double prev = Double.NaN;
            low[j] = Double.NaN;
            high[j] = Double.NaN;
            for (double[] row : normal) {
                double v = row[j];
                if (!Double.isFinite(v)) continue;  // no reading: the run goes on with the next one
                low[j] = readings == 0 ? v : Math.min(low[j], v);
                high[j] = readings == 0 ? v : Math.max(high[j], v);
                boolean same = readings > 0 && v == prev;
                if (same) equalPairs++;
                run = same ? run + 1 : 1;
                longest = Math.max(longest, run);
                prev = v;
                readings++;
            }
            if (readings < 2 || longest >= readings / 4.0) continue;
            double p = (equalPairs + 1.0) / readings;
            if (p > maxRepeatShare) continue;
            double byChance = 1 + Math.ceil(Math.log(chance) / Math.log(p));
            double abnormal = Math.max(longest + 2, Math.max(runFactor * longest, byChance));
            limit[j] = abnormal - 1;
        }
        return new FrozenValues(limit, low, high);
    }

    /** From stored limits (0 = tag not checked), without the range of the normal readings. */
    public static FrozenValues of(double[] limit) {
        double[] none = new double[limit.length];
        java.util.Arrays.fill(none, Double.NaN);
        return new FrozenValues(limit.clone(), none, none.clone());
    }

    /** From stored limits and the lowest / highest normal reading per tag. */
    public static FrozenValues of(double[] limit, double[] low, double[] high) {
        if (low.length != limit.length || high.length != limit.length) {
            throw new IllegalArgumentException("frozen-value limits for " + limit.length + " tags, ranges for "
                    + low.length + " and " + high.length);
        }
        return new FrozenValues(limit.clone(), low.clone(), high.clone());
    }

    /**
     * Per tag, the lowest reading of the normal rows (NaN when unknown). A value held at or beyond the normal
     * extremes is more likely pinned (a saturated controller output, a clamp) than frozen; the console does not
     * call it frozen.
     */
    public double[] low() {
        return low.clone();
    }

    /** Per tag, the highest reading of the normal rows (NaN when unknown); see {@link #low()}. */
    public double[] high() {
        return high.clone();
    }

    /** Per tag, the longest run of identical values that is still normal (in rows); 0 = not checked. */
    public double[] limits() {
        return limit.clone();
    }

    /** Starts the run lengths of one stream. */
    public Session session() {
        return new Session();
    }

    /** Run lengths of one stream. */
    public final class Session {
        private final double[] last = new double[limit.length];
        private final int[] run = new int[limit.length];

        /**
         * @param row     the new row (all tags)
         * @param filled  per tag, whether the value stands in for a missing one (null = none): it is no
         *                reading, so it neither continues nor ends a run, and counts for nothing
         * @param ratios  out: per tag, current run / its limit (0 for tags not checked, and while a tag has
         *                no reading); above 1 = frozen
         * @return the largest ratio
         */
        public double next(double[] row, boolean[] filled, double[] ratios) {
            double max = 0;
            for (int j = 0; j < limit.length; j++) {
                double v = row[j];
                if ((filled != null && filled[j]) || !Double.isFinite(v)) {
                    ratios[j] = 0;
                    continue;
                }
                run[j] = run[j] > 0 && v == last[j] ? run[j] + 1 : 1;
                last[j] = v;
                ratios[j] = limit[j] > 0 ? run[j] / limit[j] : 0;
                max = Math.max(max, ratios[j]);
            }
            return max;
        }

        /** The current run of tag {@code j}, in rows (0 before its first reading). */
        public int run(int j) {
            return run[j];
        }
    }
}
