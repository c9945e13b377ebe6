package com.vigil.persistence.journal;

import com.vigil.persistence.db.Database;
import com.vigil.persistence.db.DatabaseException;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.Transaction;

/**
 * The alarm journal in SQLite. Each append is its own transaction, committed (synchronous=FULL)
 * before the method returns: when the caller reports an action as done, it is on disk.
 */
public final class AlarmJournalStore {
    private final Database db;

    public AlarmJournalStore(Database db) {
        this.db = db;
    }

    /** Appends and commits; returns the stored row id. Throws {@link DatabaseException} on failure. */
    public synchronized long append(JournalRecord record) {
        return appendAll(List.of(record));
    }

    /** Appends several rows in one transaction (a flood of raises); all or none. Returns the last id. */
    public synchronized long appendAll(List<JournalRecord> records) {
        Session s = db.sessionFactory().openSession();
        Transaction tx = s.beginTransaction();
        try {
            AlarmJournalEntity last = null;
            for (JournalRecord r : records) {
                last = new AlarmJournalEntity(r);
                s.persist(last);
            }
            tx.commit();
            return last == null ? -1 : last.toRecord().id();
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw new DatabaseException(db.file(), "could not write the alarm journal to " + db.file() + ": "
                    + e.getMessage(), e);
        } finally {
            s.close();
        }
    }

    /** The newest {@code limit} rows, newest first. */
    public List<JournalRecord> latest(int limit) {
        try (Session s = db.sessionFactory().openSession()) {
            return s.createSelectionQuery("from AlarmJournalEntity order by id desc", AlarmJournalEntity.class)
                    .setMaxResults(limit).getResultList().stream().map(AlarmJournalEntity::toRecord).toList();
        }
    }

    /** Rows in [fromMillis, toMillis), optionally of one tag, oldest first. */
    public List<JournalRecord> between(long fromMillis, long toMillis, String tagOrNull) {
        try (Session s = db.sessionFactory().openSession()) {
            String q = "from AlarmJournalEntity where timeMillis >= :f and timeMillis < :t"
                    + (tagOrNull == null ? "" : " and tag = :tag") + " order by id";
            var query = s.createSelectionQuery(q, AlarmJournalEntity.class).setParameter("f", fromMillis)
                    .setParameter("t", toMillis);
            if (tagOrNull != null) {
                query.setParameter("tag", tagOrNull);
            }
            return query.getResultList().stream().map(AlarmJournalEntity::toRecord).toList();
        }
    }

    /**
     * Rows matching every given criterion (null = any), oldest first, at most {@code limit}: time range
     * [fromMillis, toMillis), tag, area, priority (grade 1..4) and user.
     */
    public List<JournalRecord> query(Long fromMillis, Long toMillis, String tag, String area, Integer priority,
                                     String user, int limit) {
        StringBuilder q = new StringBuilder("from AlarmJournalEntity where 1 = 1");
        if (fromMillis != null) {
            q.append(" and timeMillis >= :f");
        }
        if (toMillis != null) {
            q.append(" and timeMillis < :t");
        }
        if (tag != null) {
            q.append(" and tag = :tag");
        }
        if (area != null) {
            q.append(" and area = :area");
        }
        if (priority != null) {
            q.append(" and priority = :prio");
        }
        if (user != null) {
            q.append(" and user = :user");
        }
        q.append(" order by id");
        try (Session s = db.sessionFactory().openSession()) {
            var query = s.createSelectionQuery(q.toString(), AlarmJournalEntity.class).setMaxResults(limit);
            if (fromMillis != null) {
                query.setParameter("f", fromMillis);
            }
            if (toMillis != null) {
                query.setParameter("t", toMillis);
            }
            if (tag != null) {
                query.setParameter("tag", tag);
            }
            if (area != null) {
                query.setParameter("area", area);
            }
            if (priority != null) {
                query.setParameter("prio", priority);
            }
            if (user != null) {
                query.setParameter("user", user);
            }
            return query.getResultList().stream().map(AlarmJournalEntity::toRecord).toList();
        }
    }

    public long count() {
        try (Session s = db.sessionFactory().openSession()) {
            return s.createSelectionQuery("select count(*) from AlarmJournalEntity", Long.class).getSingleResult();
        }
    }
}
