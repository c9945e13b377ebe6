package com.vigil.persistence.accounts;

/**
 * An account row. {@code passwordHash} is an Argon2id PHC string (null for demo accounts); {@link #toString()}
 * never shows it. Times are milliseconds since the epoch; {@code lockedUntilMillis} and
 * {@code passwordChangedMillis} may be null.
 */
public record UserRow(String userName, String displayName, String role, String passwordHash, boolean demo,
                      boolean enabled, int failedAttempts, Long lockedUntilMillis, Long passwordChangedMillis,
                      long createdMillis) {
    @Override
    public String toString() {
        return "UserRow[" + userName + ", " + role + (demo ? ", demo" : "") + ", passwordHash=<redacted>]";
    }
}
