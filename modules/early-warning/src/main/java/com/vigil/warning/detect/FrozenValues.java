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
 */
final class FrozenValues {

    /** Chance of a false frozen run per sample that the limit allows (one in a million samples). */
    static final double CHANCE = 1e-6;

    /** Per tag: the longest run of identical values that is still normal; 0 = tag not checked. */
    private final double[] limit;

    private FrozenValues(double[] limit) {
        this.limit = limit;
    }

    static FrozenValues fit(double[][] normal, int columns) {
        double[] limit = new double[columns];
        for (int j = 0; j < columns; j++) {
            int readings = 0, run = 0, longest = 0, equalPairs = 0;
            double prev = Double.NaN;
            for (double[] row : normal) {
                double v = row[j];
                if (!Double.isFinite(v)) continue;  // no reading: the run goes on with the next one
                boolean same = readings > 0 && v == prev;
                if (same) equalPairs++;
                run = same ? run + 1 : 1;
                longest = Math.max(longest, run);
                prev = v;
                readings++;
            }
            if (readings < 2 || longest >= readings / 4.0) continue;
            double p = (equalPairs + 1.0) / readings;
            double byChance = 1 + Math.ceil(Math.log(CHANCE) / Math.log(p));
            double abnormal = Math.max(longest + 2, Math.max(2.0 * longest, byChance));
            limit[j] = abnormal - 1;
        }
        return new FrozenValues(limit);
    }

    static FrozenValues of(double[] limit) {
        return new FrozenValues(limit.clone());
    }

    double[] limits() {
        return limit.clone();
    }

    Session session() {
        return new Session();
    }

    /** Run lengths of one stream. */
    final class Session {
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
        double next(double[] row, boolean[] filled, double[] ratios) {
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
    }
}
