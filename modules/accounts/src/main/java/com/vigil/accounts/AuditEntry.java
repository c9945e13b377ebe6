package com.vigil.accounts;

import java.time.Instant;

/**
 * One entry of the audit trail, as stored. {@code hash} is SHA-256 over the canonical form of all other fields
 * except {@code id} ({@link AuditChain#canonical}), including {@code prevHash}, the hash of the entry before
 * (64 zeros for the first entry). {@code action}, {@code outcome} and {@code role} are names as stored
 * (strings, so that a damaged row can still be read and reported).
 *
 * @param id       storage row id (null before stored; not part of the hash)
 * @param seq      position in the chain, 1, 2, 3 … without gaps
 * @param time     when (millisecond precision)
 * @param user     who (user name; for a failed log-in the name that was typed)
 * @param role     in which role (null when unknown)
 * @param action   {@link AuditAction} name
 * @param outcome  {@link AuditOutcome} name
 * @param target   what was acted on (alarm id, tag, user name, ticket id, certificate thumbprint …)
 * @param before   value or state before (may be null)
 * @param after    value or state after (may be null)
 * @param comment  the user's comment or the reason for a refusal (may be null)
 * @param prevHash hash of the previous entry
 * @param hash     hash of this entry
 */
public record AuditEntry(Long id, long seq, Instant time, String user, String role, String action, String outcome,
                         String target, String before, String after, String comment, String prevHash, String hash) {
}
