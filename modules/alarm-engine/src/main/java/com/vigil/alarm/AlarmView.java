package com.vigil.alarm;

import com.vigil.model.AlarmState;
import com.vigil.model.Priority;
import java.time.Instant;

/**
 * Immutable snapshot of one alarm for lists and banners.
 *
 * @param id                alarm id
 * @param tag               tag
 * @param type              alarm type
 * @param priority          priority
 * @param state             ISA-18.2 state
 * @param active            the process condition is active now (also while shelved/suppressed/out of service)
 * @param acknowledged      false while the operator acknowledgement is due
 * @param tiers             tier progress of the current occurrence
 * @param valueAtActivation process value when the alarm was raised (NaN if none)
 * @param limit             the setpoint / limit
 * @param activationTime    when the current occurrence was raised (null if never)
 * @param area              responsible area
 * @param description       alarm text
 * @param guidance          what to do
 * @param relatedDisplay    display to open
 * @param shelvedUntil      shelve expiry (null unless shelved)
 * @param stateReason       shelve / out-of-service / suppression reason and who, empty otherwise
 * @param latching          a latching alarm
 * @param chattering        ≥ N activations within the chatter window
 * @param stale             active for longer than the stale time
 * @param occurrences       number of activations since start
 */
public record AlarmView(String id, String tag, AlarmType type, Priority priority, AlarmState state, boolean active,
                        boolean acknowledged, TierStatus tiers, double valueAtActivation, double limit,
                        Instant activationTime, String area, String description, String guidance,
                        String relatedDisplay, Instant shelvedUntil, String stateReason, boolean latching,
                        boolean chattering, boolean stale, int occurrences) {
}
