package com.vigil.accounts;

import com.vigil.model.Role;
import java.time.Instant;

/** What the UI may know about an account (no password hash). {@code demo} must be shown as "demo". */
public record UserInfo(String userName, String displayName, Role role, boolean demo, boolean enabled,
                       int failedAttempts, Instant lockedUntil, Instant passwordChangedAt, Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
