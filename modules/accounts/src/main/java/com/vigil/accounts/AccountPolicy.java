package com.vigil.accounts;

import java.time.Duration;

/**
 * Tunable security settings of {@link AccountService}.
 *
 * @param maxFailures     failed log-ins in a row that lock an account (e.g. 5)
 * @param lockDuration    how long a locked account stays locked (an administrator may unlock earlier)
 * @param idleLock        inactivity after which a workstation session locks ({@link Duration#ZERO}: never)
 * @param hashing         Argon2id cost parameters for new hashes
 * @param passwords       password rules
 */
public record AccountPolicy(int maxFailures, Duration lockDuration, Duration idleLock, PasswordHasher.Params hashing,
                            PasswordPolicy passwords) {
    public AccountPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("lockDuration must be positive");
        }
        if (idleLock == null || idleLock.isNegative()) {
            throw new IllegalArgumentException("idleLock must be zero (never) or positive");
        }
        if (hashing == null || passwords == null) {
            throw new IllegalArgumentException("hashing and passwords must be given");
        }
    }

    /** 5 failures → locked 15 min; workstation locks after 10 min idle; OWASP Argon2id; min length 10. */
    public static AccountPolicy defaults() {
        return new AccountPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(10), PasswordHasher.Params.DEFAULT,
                PasswordPolicy.DEFAULT);
    }

    public AccountPolicy withMaxFailures(int n) {
        return new AccountPolicy(n, lockDuration, idleLock, hashing, passwords);
    }

    public AccountPolicy withLockDuration(Duration d) {
        return new AccountPolicy(maxFailures, d, idleLock, hashing, passwords);
    }

    public AccountPolicy withIdleLock(Duration d) {
        return new AccountPolicy(maxFailures, lockDuration, d, hashing, passwords);
    }

    public AccountPolicy withHashing(PasswordHasher.Params p) {
        return new AccountPolicy(maxFailures, lockDuration, idleLock, p, passwords);
    }
}
