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

    private static final String INSERT = "INSERT INTO alarm_journal (time_ms, alarm_id, tag, alarm_type, priority, area, "
            + "from_state, to_state, event, user_name, user_role, comment, tiers, refusal, value) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Appends several rows in one transaction (a flood of raises is one commit); all or none. Returns the
     * last row id. Inserts are a JDBC batch inside the Hibernate session: a journal row is write-once, so
     * entity management would only cost time on the ingest thread.
     */
    public synchronized long appendAll(List<JournalRecord> records) {
        Session s = db.sessionFactory().openSession();
        Transaction tx = s.beginTransaction();
        try {
            long last = s.doReturningWork(c -> {
                try (java.sql.PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (JournalRecord r : records) {
                        ps.setLong(1, r.timeMillis());
                        ps.setString(2, r.alarmId());
                        ps.setString(3, r.tag());
                        ps.setString(4, r.alarmType());
                        ps.setInt(5, r.priority());
                        ps.setString(6, r.area());
                        ps.setString(7, r.fromState());
                        ps.setString(8, r.toState());
                        ps.setString(9, r.event());
                        ps.setString(10, r.user());
                        ps.setString(11, r.role());
                        ps.setString(12, r.comment());
                        ps.setString(13, r.tiers());
                        ps.setString(14, r.refusal());
                        if (r.value() == null || r.value().isNaN()) {
                            ps.setNull(15, java.sql.Types.REAL);
                        } else {
                            ps.setDouble(15, r.value());
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (java.sql.Statement st = c.createStatement();
                     java.sql.ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            });
            tx.commit();
            return records.isEmpty() ? -1 : last;
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
