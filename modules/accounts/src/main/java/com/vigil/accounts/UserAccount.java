package com.vigil.accounts;

import com.vigil.model.Role;
import java.time.Instant;

/**
 * A stored account, as {@link UserStore} keeps it. {@code passwordHash} is an Argon2id PHC string (null for
 * demo accounts, which have no password); {@link #toString()} never shows it.
 *
 * @param userName          unique, case-insensitive
 * @param displayName       shown in the UI (may be empty)
 * @param role              the role the user acts in
 * @param passwordHash      PHC string, or null for demo accounts
 * @param demo              a ready-made demo account (only in a demo database)
 * @param enabled           false: may not log in
 * @param failedAttempts    failed log-ins in a row since the last success or lock
 * @param lockedUntil       locked after failures until then; null when not locked
 * @param passwordChangedAt last password change (null for demo accounts)
 * @param createdAt         when created
 */
public record UserAccount(String userName, String displayName, Role role, String passwordHash, boolean demo,
                          boolean enabled, int failedAttempts, Instant lockedUntil, Instant passwordChangedAt,
                          Instant createdAt) {

    public UserAccount {
        if (userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("userName must not be empty");
        }
        if (role == null) {
            throw new IllegalArgumentException("role must not be null");
        }
        displayName = displayName == null ? "" : displayName;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    UserAccount withPasswordHash(String hash, Instant changedAt) {
        return new UserAccount(userName, displayName, role, hash, demo, enabled, failedAttempts, lockedUntil, changedAt,
                createdAt);
    }

    UserAccount withFailures(int failures, Instant lockedUntil) {
        return new UserAccount(userName, displayName, role, passwordHash, demo, enabled, failures, lockedUntil,
                passwordChangedAt, createdAt);
    }

    UserAccount withRole(Role r) {
        return new UserAccount(userName, displayName, r, passwordHash, demo, enabled, failedAttempts, lockedUntil,
                passwordChangedAt, createdAt);
    }

    UserAccount withEnabled(boolean e) {
        return new UserAccount(userName, displayName, role, passwordHash, demo, e, failedAttempts, lockedUntil,
                passwordChangedAt, createdAt);
    }

    public UserInfo info() {
        return new UserInfo(userName, displayName, role, demo, enabled, failedAttempts, lockedUntil, passwordChangedAt,
                createdAt);
    }

    @Override
    public String toString() {
        return "UserAccount[" + userName + ", " + role + (demo ? ", demo" : "") + (enabled ? "" : ", disabled")
                + ", failures=" + failedAttempts + (lockedUntil == null ? "" : ", lockedUntil=" + lockedUntil)
                + ", passwordHash=<redacted>]";
    }
}
