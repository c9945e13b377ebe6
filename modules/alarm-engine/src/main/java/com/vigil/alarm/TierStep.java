package com.vigil.alarm;

import com.vigil.model.Role;
import java.time.Instant;

/**
 * One tier of the acknowledgement chain: the role, who did it when (null while not done), and whether it is due now
 * (false once done, and for steps not required any more, e.g. the acknowledgement of an alarm that was shelved).
 */
public record TierStep(Role role, String user, Instant time, String comment, boolean due) {
    public boolean done() {
        return user != null;
    }
}
