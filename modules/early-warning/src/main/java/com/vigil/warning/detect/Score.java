package com.vigil.warning.detect;

/**
 * Score of one row.
 *
 * @param statistic     combined statistic, scaled so that 1.0 is the detector's own control limit
 *                      (quantile of out-of-fold training scores)
 * @param parts         the underlying statistics (e.g. T² and SPE), each scaled to its own limit
 * @param contributions per input column (index = column index of the detector), same units as statistic
 */
public record Score(double statistic, double[] parts, double[] contributions, double[] deviation) {
    /**
     * @param deviation signed standardised deviation of each input column from its normal centre
     *                  (current row), or null if the detector does not provide it
     */
    public Score(double statistic, double[] parts, double[] contributions) {
        this(statistic, parts, contributions, null);
    }
}
