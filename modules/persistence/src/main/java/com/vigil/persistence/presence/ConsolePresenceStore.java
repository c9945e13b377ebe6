package com.vigil.persistence.presence;

import com.vigil.persistence.db.Database;
import com.vigil.persistence.db.DatabaseException;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.Transaction;

/**
 * Which consoles on this database have someone at them: each console writes its own row every few seconds
 * ({@link #beat}), every console reads all rows ({@link #all}). A console that stops writing (killed, cable pulled)
 * is recognised by its beat counter no longer moving; a console that closes normally removes its row
 * ({@link #leave}). Rows not written for a day are removed by the next beat of any console.
 */
public final class ConsolePresenceStore {
    /** Rows older than this (by the writer's clock) are removed: consoles that did not close normally. */
    public static final long PRUNE_AFTER_MILLIS = 24L * 3600 * 1000;

    private final Database db;

    public ConsolePresenceStore(Database db) {
        this.db = db;
    }

    /** Writes this console's presence and moves its beat counter; one committed transaction. */
    public ConsolePresenceRow beat(String consoleId, String host, String userName, boolean present, long nowMillis) {
        Session s = db.sessionFactory().openSession();
        Transaction tx = s.beginTransaction();
        try {
            ConsolePresenceEntity e = s.find(ConsolePresenceEntity.class, consoleId);
            if (e == null) {
                e = new ConsolePresenceEntity(consoleId);
                e.beat(host, userName, present, nowMillis);
                s.persist(e);
            } else {
                e.beat(host, userName, present, nowMillis);
            }
            s.createMutationQuery("delete from ConsolePresenceEntity where seenMillis < :old and consoleId <> :me")
                    .setParameter("old", nowMillis - PRUNE_AFTER_MILLIS).setParameter("me", consoleId).executeUpdate();
            tx.commit();
            return e.toRow();
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw new DatabaseException(db.file(), "could not write this console's presence to " + db.file() + ": "
                    + e.getMessage(), e);
        } finally {
            s.close();
        }
    }

    /** Every console's row, this one's too, by id. */
    public List<ConsolePresenceRow> all() {
        try (Session s = db.sessionFactory().openSession()) {
            return s.createSelectionQuery("from ConsolePresenceEntity order by consoleId", ConsolePresenceEntity.class)
                    .getResultList().stream().map(ConsolePresenceEntity::toRow).toList();
        } catch (RuntimeException e) {
            throw new DatabaseException(db.file(), "could not read the consoles' presence from " + db.file() + ": "
                    + e.getMessage(), e);
        }
    }

    /** This console closes: its row goes, so the others stop counting it at once. */
    public void leave(String consoleId) {
        Session s = db.sessionFactory().openSession();
        Transaction tx = s.beginTransaction();
        try {
            s.createMutationQuery("delete from ConsolePresenceEntity where consoleId = :me")
                    .setParameter("me", consoleId).executeUpdate();
            tx.commit();
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw new DatabaseException(db.file(), "could not remove this console's presence from " + db.file() + ": "
                    + e.getMessage(), e);
        } finally {
            s.close();
        }
    }
}
