package com.vigil.alarm;

import com.vigil.model.AlarmState;

/**
 * Outcome of an operator action. When {@link #accepted()} the action is journaled and applied; otherwise
 * {@link #reason()} says why not (the refusal is journaled too, unless the alarm id is unknown or the journal failed).
 */
public record ActionResult(boolean accepted, String alarmId, JournalEvent action, AlarmState state, String reason) {

    public static ActionResult done(String alarmId, JournalEvent action, AlarmState state) {
        return new ActionResult(true, alarmId, action, state, "");
    }

    public static ActionResult refused(String alarmId, JournalEvent action, AlarmState state, String reason) {
        return new ActionResult(false, alarmId, action, state, reason);
    }
}
