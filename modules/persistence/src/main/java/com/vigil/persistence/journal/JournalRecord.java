package com.vigil.persistence.journal;

/**
 * A journal row: one alarm event (a state transition, an operator action, an escalation or a refused
 * action). States are the names of {@link com.vigil.model.AlarmState}; {@code id} is null until stored;
 * {@code refusal} is null unless the action was refused.
 */
public record JournalRecord(Long id, long timeMillis, String alarmId, String tag, String alarmType, int priority,
                            String area, String fromState, String toState, String event, String user, String role,
                            String comment, String tiers, String refusal, Double value) {
}
