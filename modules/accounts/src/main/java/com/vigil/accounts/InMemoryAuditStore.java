package com.vigil.accounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** An {@link AuditStore} in memory, for tests and tools; {@link #tamper} lets tests damage it on purpose. */
public final class InMemoryAuditStore implements AuditStore {
    private final List<AuditEntry> rows = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized Optional<AuditEntry> head() {
        return sorted().stream().reduce((a, b) -> b);
    }

    @Override
    public synchronized void append(AuditEntry e) {
        if (rows.stream().anyMatch(r -> r.seq() == e.seq())) {
            throw new ConflictException("seq " + e.seq() + " taken", null);
        }
        rows.add(new AuditEntry(nextId++, e.seq(), e.time(), e.user(), e.role(), e.action(), e.outcome(), e.target(),
                e.before(), e.after(), e.comment(), e.prevHash(), e.hash()));
    }

    private List<AuditEntry> sorted() {
        List<AuditEntry> l = new ArrayList<>(rows);
        l.sort(Comparator.comparingLong(AuditEntry::seq).thenComparingLong(AuditEntry::id));
        return l;
    }

    @Override
    public synchronized List<AuditEntry> page(long afterSeq, long afterId, int limit) {
        return sorted().stream().filter(e -> e.seq() > afterSeq || (e.seq() == afterSeq && e.id() > afterId))
                .limit(limit).toList();
    }

    @Override
    public synchronized List<AuditEntry> find(AuditFilter filter, long afterSeq, int limit) {
        return sorted().stream().filter(e -> e.seq() > afterSeq && filter.matches(e)).limit(limit).toList();
    }

    @Override
    public synchronized Optional<Long> seqOfHash(String hash) {
        return rows.stream().filter(e -> hash.equals(e.hash())).map(AuditEntry::seq).findFirst();
    }

    @Override
    public synchronized Optional<AuditEntry> bySeq(long seq) {
        return sorted().stream().filter(e -> e.seq() == seq).findFirst();
    }

    @Override
    public synchronized long count() {
        return rows.size();
    }

    /** Test hook: replaces (or, when the operator returns null, removes) the rows with sequence number {@code seq}. */
    public synchronized void tamper(long seq, UnaryOperator<AuditEntry> change) {
        List<AuditEntry> out = new ArrayList<>();
        for (AuditEntry e : rows) {
            AuditEntry n = e.seq() == seq ? change.apply(e) : e;
            if (n != null) {
                out.add(n);
            }
        }
        rows.clear();
        rows.addAll(out);
    }
}
