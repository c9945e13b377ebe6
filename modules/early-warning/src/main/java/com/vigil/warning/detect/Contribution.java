package com.vigil.warning.detect;

/**
 * Share of one tag in a multivariate statistic, in units of the statistic's control limit (summed over
 * the tag's lagged copies when the detector uses lags). Larger means "this tag explains more of the
 * deviation".
 */
public record Contribution(String tag, double value) implements Comparable<Contribution> {
    @Override
    public int compareTo(Contribution o) {
        return Double.compare(o.value, value);
    }
}
