package com.vigil.warning.detect;

import java.util.List;

/**
 * Result of pushing one row into a {@link Monitor}.
 *
 * @param score      raw detector score of the row
 * @param smoothed   smoothed statistic
 * @param limit      alarm limit of the smoothed statistic
 * @param alarm      warning state after this row
 * @param raised     the warning was raised by this row
 * @param cleared    the warning was cleared by this row
 * @param warning    the active warning (with ranked contributors), or null when not in alarm
 */
public record Evaluation(long timeMillis, Score score, double smoothed, double limit, boolean alarm, boolean raised,
                         boolean cleared, Warning warning) {
    public List<Contribution> contributors() {
        return warning == null ? List.of() : warning.contributors();
    }
}
