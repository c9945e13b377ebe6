package com.vigil.ui.overview;

import com.vigil.model.Quality;

/**
 * What one tile shows, computed off the FX thread. {@code alarmGrade} 0 means no active alarm.
 *
 * @param value      latest value (NaN when there is no number)
 * @param quality    quality of that value
 * @param alarmGrade 1..4 when the tag has an active or unacknowledged alarm, else 0
 * @param alarmText  short alarm label (e.g. "H"), empty when none
 */
public record TileState(double value, Quality quality, int alarmGrade, String alarmText, boolean unacknowledged) {
    public static final TileState EMPTY = new TileState(Double.NaN, Quality.STALE, 0, "", false);
}
