package com.vigil.accounts;

import java.util.List;
import java.util.Optional;

/**
 * Port: the append-only store of the audit trail (implemented over SQLite by the persistence adapter). There is
 * no update and no delete. Appends are committed before the method returns.
 */
public interface AuditStore {
    /** Thrown by {@link #append} when another writer took the sequence number first; the trail retries. */
    class ConflictException extends RuntimeException {
        public ConflictException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The entry with the highest sequence number. */
    Optional<AuditEntry> head();

    /** Appends one entry (seq must be unique). */
    void append(AuditEntry entry);

    /** Up to {@code limit} entries after (afterSeq, afterId), ordered by seq then id (for walking the chain). */
    List<AuditEntry> page(long afterSeq, long afterId, int limit);

    /** Entries matching the filter with seq &gt; afterSeq, ordered by seq, at most {@code limit}. */
    List<AuditEntry> find(AuditFilter filter, long afterSeq, int limit);

    /** The sequence number of an entry whose hash is {@code hash}, if any. */
    Optional<Long> seqOfHash(String hash);

    /** The entry with this sequence number (the first if several). */
    Optional<AuditEntry> bySeq(long seq);

    long count();
}
