package com.vigil.warning.trend;

import com.vigil.model.Priority;

/**
 * Prediction that an analog tag will cross one of its alarm limits within the horizon.
 *
 * @param tag                    tag id
 * @param limitName              {@code HH}, {@code H}, {@code L} or {@code LL}
 * @param limitValue             the limit that will be crossed
 * @param priority               priority configured for that limit (may be null)
 * @param evaluatedAtMillis      time of the newest sample used
 * @param predictedCrossingMillis predicted crossing time (epoch ms)
 * @param slopePerMinute         robust trend, engineering units per minute
 * @param estimate               trend value at {@code evaluatedAtMillis}
 */
public record ThresholdWarning(String tag, String limitName, double limitValue, Priority priority, long evaluatedAtMillis,
                               long predictedCrossingMillis, double slopePerMinute, double estimate) {
    public long millisToCrossing() {
        return predictedCrossingMillis - evaluatedAtMillis;
    }
}
