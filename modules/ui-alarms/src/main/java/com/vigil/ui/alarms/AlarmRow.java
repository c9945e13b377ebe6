package com.vigil.ui.alarms;

/**
 * One row of the alarm list: an immutable snapshot. Rows are replaced, never mutated in place.
 *
 * @param id             alarm id
 * @param sinceMillis    time the current occurrence was raised
 * @param grade          1..4
 * @param area           area name (localized)
 * @param tag            tag id
 * @param description    tag/alarm description (localized)
 * @param type           alarm type label as the operator reads it, e.g. "H", "LL", "坏值" / "Bad value", "综合预警"
 * @param valueText      value at activation and limit, e.g. "176.2 / 172 °C"
 * @param state          state name of {@link com.vigil.model.AlarmState}
 * @param active         the process condition is active now
 * @param unacknowledged the operator still has to acknowledge
 * @param tierDone       who has acknowledged/confirmed (localized), may be empty
 * @param tierDue        which tiers are still due (localized), may be empty
 * @param confirmDue     a tier confirmation (shift leader / safety manager) is still due
 * @param guidance       what to do (处置措施), may be empty
 * @param stateReason    shelve / out-of-service / suppression reason, may be empty
 * @param shelvedUntilMillis shelve expiry, 0 if not shelved
 */
public record AlarmRow(String id, long sinceMillis, int grade, String area, String tag, String description,
                       String type, String valueText, String state, boolean active, boolean unacknowledged,
                       String tierDone, String tierDue, boolean confirmDue, String guidance, String stateReason,
                       long shelvedUntilMillis) {
}
