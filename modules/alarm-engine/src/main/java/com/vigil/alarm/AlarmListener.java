package com.vigil.alarm;

/**
 * Receives alarm events. Called synchronously on the thread that caused the event (ingest thread for samples and
 * ticks, the caller for operator actions), after the journal entry was written. Must be quick and must not block;
 * a UI marks itself dirty and polls {@link AlarmEngine#activeAlarms()} on its pulse.
 */
public interface AlarmListener {
    /** Every journaled change that was done (activation, clear, ack, confirm, shelve, ...). */
    default void onAlarmChange(JournalEntry entry, AlarmView alarm) {
    }

    default void onEscalation(Escalation escalation) {
    }

    default void onFloodStart(FloodSummary flood) {
    }

    default void onFloodEnd(FloodSummary flood) {
    }
}
