package com.vigil.persistence.audit;

/**
 * An audit-log row, as stored (see {@code com.vigil.accounts.AuditChain} for the meaning and the hash).
 * {@code id} is null before stored.
 */
public record AuditRow(Long id, long seq, long timeMillis, String user, String role, String action, String outcome,
                       String target, String before, String after, String comment, String prevHash, String hash) {
}
