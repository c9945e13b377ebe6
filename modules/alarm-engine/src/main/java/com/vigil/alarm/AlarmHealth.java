package com.vigil.alarm;

import java.util.List;

/**
 * Alarm-system health at one instant (engine clock).
 *
 * @param active           alarms in UNACK or ACKED
 * @param unacknowledged   alarms whose acknowledgement is due (UNACK, RTN_UNACK, unacknowledged LATCHED)
 * @param latched          alarms in LATCHED
 * @param shelved          alarms SHELVED
 * @param suppressed       alarms SUPPRESSED
 * @param outOfService     alarms OUT_OF_SERVICE
 * @param chattering       alarms with ≥ N activations within the chatter window
 * @param stale            alarms active for longer than the stale time
 * @param awaitingConfirmation alarms with a shift-leader or safety-manager confirmation due
 * @param floods           ongoing floods
 * @param journalFailures  journal writes of automatic transitions that failed since start
 */
public record AlarmHealth(int active, int unacknowledged, int latched, int shelved, int suppressed, int outOfService,
                          int chattering, int stale, int awaitingConfirmation, List<FloodSummary> floods,
                          long journalFailures) {
    public AlarmHealth {
        floods = List.copyOf(floods);
    }

    public boolean inFlood() {
        return !floods.isEmpty();
    }
}
