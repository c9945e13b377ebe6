package com.vigil.alarm;

import com.vigil.model.AlarmState;
import com.vigil.model.Priority;
import com.vigil.model.Role;
import java.time.Instant;

/**
 * One journaled alarm event: a state transition, an operator action, an escalation, or a refused action.
 *
 * @param time      when (engine clock or sample time)
 * @param alarmId   alarm id
 * @param tag       tag of the alarm
 * @param type      alarm type
 * @param priority  priority
 * @param area      responsible area
 * @param event     what happened
 * @param fromState state before
 * @param toState   state after (equal to fromState for refusals, confirmations, escalations)
 * @param user      who ({@code system} for automatic transitions)
 * @param role      in which role
 * @param comment   operator comment / reason (may be empty, never null)
 * @param tiers     tier progress, e.g. {@code OP=alice@... SL=pending SM=pending esc=SHIFT_LEADER}
 * @param value     process value involved (value at activation, last value), NaN when none
 * @param refusal   null when the action was done; the reason when it was refused
 */
public record JournalEntry(Instant time, String alarmId, String tag, AlarmType type, Priority priority, String area,
                           JournalEvent event, AlarmState fromState, AlarmState toState, String user,
                           Role role, String comment, String tiers, double value, String refusal) {

    public JournalEntry {
        comment = comment == null ? "" : comment;
        tiers = tiers == null ? "" : tiers;
        area = area == null ? "" : area;
    }

    public boolean accepted() {
        return refusal == null;
    }
}
