package com.vigil.persistence.audit;

import com.vigil.persistence.db.Database;
import com.vigil.persistence.db.DatabaseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.Transaction;

/**
 * The audit log in SQLite: append and read, nothing else (no update, no delete; triggers refuse both).
 * Each append is its own transaction, committed ({@code synchronous=FULL}) before the method returns.
 */
public final class AuditLogStore {
    private final Database db;

    public AuditLogStore(Database db) {
        this.db = db;
    }

    /** The row with the highest sequence number. */
    public Optional<AuditRow> head() {
        try (Session s = db.sessionFactory().openSession()) {
            return s.createSelectionQuery("from AuditLogEntity order by seq desc, id desc", AuditLogEntity.class)
                    .setMaxResults(1).getResultList().stream().findFirst().map(AuditLogEntity::toRow);
        }
    }

    /**
     * Appends and commits one row. Throws {@link AuditSeqTakenException} when its sequence number is taken
     * (another console appended first), {@link DatabaseException} on other failures.
     */
    public synchronized void append(AuditRow row) {
        Session s = db.sessionFactory().openSession();
        Transaction tx = s.beginTransaction();
        try {
            s.persist(new AuditLogEntity(row));
            tx.commit();
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            String msg = String.valueOf(e.getMessage()) + causes(e);
            if (msg.contains("UNIQUE") && msg.contains("seq")) {
                throw new AuditSeqTakenException(db.file(), "audit sequence number " + row.seq() + " is taken", e);
            }
            throw new DatabaseException(db.file(), "could not write the audit trail to " + db.file() + ": "
                    + e.getMessage(), e);
        } finally {
            s.close();
        }
    }

    private static String causes(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            b.append(" / ").append(c.getMessage());
        }
        return b.toString();
    }

    /** Up to {@code limit} rows after (afterSeq, afterId) in (seq, id) order. */
    public List<AuditRow> page(long afterSeq, long afterId, int limit) {
        try (Session s = db.sessionFactory().openSession()) {
            return s.createSelectionQuery("from AuditLogEntity where seq > :s or (seq = :s and id > :i) "
                            + "order by seq, id", AuditLogEntity.class)
                    .setParameter("s", afterSeq).setParameter("i", afterId).setMaxResults(limit).getResultList()
                    .stream().map(AuditLogEntity::toRow).toList();
        }
    }

    /**
     * Rows with seq &gt; afterSeq matching the filter, in seq order, at most {@code limit}. Null / empty filter
     * values mean "any"; the time range is [fromMillis, toMillis); the user is compared ignoring case.
     */
    public List<AuditRow> find(Long fromMillis, Long toMillis, String user, Collection<String> actions,
                               long afterSeq, int limit) {
        StringBuilder q = new StringBuilder("from AuditLogEntity where seq > :after");
        if (fromMillis != null) {
            q.append(" and timeMillis >= :from");
        }
        if (toMillis != null) {
            q.append(" and timeMillis < :to");
        }
        if (user != null) {
            q.append(" and lower(user) = lower(:user)");
        }
        if (actions != null && !actions.isEmpty()) {
            q.append(" and action in (:actions)");
        }
        q.append(" order by seq, id");
        try (Session s = db.sessionFactory().openSession()) {
            var query = s.createSelectionQuery(q.toString(), AuditLogEntity.class).setParameter("after", afterSeq);
            if (fromMillis != null) {
                query.setParameter("from", fromMillis);
            }
            if (toMillis != null) {
                query.setParameter("to", toMillis);
            }
            if (user != null) {
                query.setParameter("user", user);
            }
            if (actions != null && !actions.isEmpty()) {
                query.setParameterList("actions", actions);
            }
            return query.setMaxResults(limit).getResultList().stream().map(AuditLogEntity::toRow).toList();
        }
    }

    /** The sequence number of a row whose hash is {@code hash}. */
    public Optional<Long> seqOfHash(String hash) {
        try (Session s = db.sessionFactory().openSession()) {
            return s.createSelectionQuery("select seq from AuditLogEntity where hash = :h order by seq", Long.class)
                    .setParameter("h", hash).setMaxResults(1).getResultList().stream().findFirst();
        }
    }

    public Optional<AuditRow> bySeq(long seq) {
        try (Session s = db.sessionFactory().openSession()) {
            return s.createSelectionQuery("from AuditLogEntity where seq = :s order by id", AuditLogEntity.class)
                    .setParameter("s", seq).setMaxResults(1).getResultList().stream().findFirst()
                    .map(AuditLogEntity::toRow);
        }
    }

    public long count() {
        try (Session s = db.sessionFactory().openSession()) {
            return s.createSelectionQuery("select count(*) from AuditLogEntity", Long.class).getSingleResult();
        }
    }
}
