package com.vigil.accounts;

/** How an audited action ended. */
public enum AuditOutcome {
    /** Done. */
    DONE,
    /** Refused: not permitted, locked, invalid. */
    REFUSED,
    /** Attempted and failed (wrong password). */
    FAILED
}
