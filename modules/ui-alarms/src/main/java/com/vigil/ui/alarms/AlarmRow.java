package com.vigil.ui.alarms;

/**
 * One row of the alarm list: an immutable snapshot. Rows are replaced, never mutated in place.
 *
 * @param id            alarm id
 * @param sinceMillis   time the alarm became active (or of its last transition)
 * @param grade         1..4
 * @param area          area name (localized)
 * @param tag           tag id
 * @param description   tag description (localized)
 * @param type          alarm type label, e.g. "H", "LL", "BAD"
 * @param valueText     value at activation and limit, e.g. "176.2 / 172 °C"
 * @param state         state name of {@link com.vigil.model.AlarmState}
 * @param unacknowledged true while the operator still has to acknowledge
 * @param tierText      who has acknowledged/confirmed and who is still due (may be empty)
 */
public record AlarmRow(String id, long sinceMillis, int grade, String area, String tag, String description,
                       String type, String valueText, String state, boolean unacknowledged, String tierText) {
}
