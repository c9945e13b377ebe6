package com.vigil.alarm;

import com.vigil.model.Role;
import java.time.Instant;
import java.util.List;

/**
 * Tiered acknowledgement progress of the current occurrence: OPERATOR acknowledgement, then (grade 2 and 1)
 * SHIFT_LEADER confirmation, and (grade 1) SAFETY_MANAGER confirmation.
 *
 * @param steps          required steps in order
 * @param escalatedTo    the tier currently alerted (OPERATOR until the first escalation)
 * @param nextEscalation when the alarm escalates (or is announced again) if nothing happens; null when all done
 */
public record TierStatus(List<TierStep> steps, Role escalatedTo, Instant nextEscalation) {
    public TierStatus {
        steps = List.copyOf(steps);
    }

    /** Roles still due, in order. */
    public List<Role> pending() {
        return steps.stream().filter(TierStep::due).map(TierStep::role).toList();
    }

    /** Nothing is due any more. */
    public boolean complete() {
        return steps.stream().noneMatch(TierStep::due);
    }
}
