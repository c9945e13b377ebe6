package com.vigil.alarm;

import java.time.Instant;
import java.util.Map;

/**
 * An alarm flood at one operator position: first-out alarm and counts, shown instead of a wall of rows.
 *
 * @param position      operator position (area group)
 * @param start         when the flood started
 * @param end           when it ended; null while ongoing
 * @param firstOutId    first alarm of the flood (oldest raised alarm in the window when the flood started)
 * @param firstOutTag   its tag
 * @param firstOutTime  when it was raised
 * @param alarmCount    alarms raised in the flood (window at start plus all raised since)
 * @param countsByArea  alarm count per area
 */
public record FloodSummary(String position, Instant start, Instant end, String firstOutId, String firstOutTag,
                           Instant firstOutTime, int alarmCount, Map<String, Integer> countsByArea) {
    public FloodSummary {
        countsByArea = Map.copyOf(countsByArea);
    }

    public boolean ongoing() {
        return end == null;
    }
}
