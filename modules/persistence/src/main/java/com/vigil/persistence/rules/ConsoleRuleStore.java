package com.vigil.persistence.rules;

import com.vigil.persistence.db.Database;
import com.vigil.persistence.db.DatabaseException;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.Transaction;

/**
 * The composite rules written in the console, in SQLite. A save is one transaction, committed before it returns; it
 * gives the rule the next table revision, so every console on the same database sees that something changed
 * ({@link #revision()}) and reloads. Rules are never deleted, only switched off.
 */
public final class ConsoleRuleStore {
    private final Database db;

    public ConsoleRuleStore(Database db) {
        this.db = db;
    }

    /** Every rule (switched off ones too), by id. */
    public List<ConsoleRuleRow> all() {
        return db.read("read the console rules", s -> s.createSelectionQuery("from ConsoleRuleEntity order by id",
                ConsoleRuleEntity.class).getResultList().stream().map(ConsoleRuleEntity::toRow).toList());
    }

    public Optional<ConsoleRuleRow> find(String id) {
        try (Session s = db.sessionFactory().openSession()) {
            return Optional.ofNullable(s.find(ConsoleRuleEntity.class, id)).map(ConsoleRuleEntity::toRow);
        }
    }

    /** The newest revision in the table (0 when empty): it moves with every save by any console. */
    public long revision() {
        try (Session s = db.sessionFactory().openSession()) {
            Long max = s.createSelectionQuery("select max(revision) from ConsoleRuleEntity", Long.class).getSingleResult();
            return max == null ? 0 : max;
        }
    }

    /**
     * Inserts or replaces the rule with the row's id and gives it the next revision.
     *
     * @param expectedRevision the revision the user edited (0 for a new rule): when another console saved the rule
     *                         since, nothing is written and {@link ConcurrentRuleChangeException} says so
     * @return the saved row with its revision
     */
    public synchronized ConsoleRuleRow save(ConsoleRuleRow row, long expectedRevision) {
        Session s = db.sessionFactory().openSession();
        Transaction tx = s.beginTransaction();
        try {
            ConsoleRuleEntity e = s.find(ConsoleRuleEntity.class, row.id());
            long current = e == null ? 0 : e.toRow().revision();
            if (current != expectedRevision) {
                throw new ConcurrentRuleChangeException(row.id(), e == null ? null : e.toRow(), expectedRevision == 0);
            }
            Long max = s.createSelectionQuery("select max(revision) from ConsoleRuleEntity", Long.class).getSingleResult();
            long next = (max == null ? 0 : max) + 1;
            if (e == null) {
                e = new ConsoleRuleEntity(row.id());
                e.copyFrom(row, next);
                s.persist(e);
            } else {
                e.copyFrom(row, next);
            }
            tx.commit();
            return e.toRow();
        } catch (ConcurrentRuleChangeException e) {
            tx.rollback();
            throw e;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            String msg = String.valueOf(e.getMessage());
            for (Throwable c = e; c != null; c = c.getCause()) {
                msg = c.getMessage() != null && c.getMessage().contains("SQLITE_BUSY") ? c.getMessage() : msg;
            }
            if (msg.contains("SQLITE_BUSY")) {
                throw new DatabaseException(db.file(), "the database " + db.file() + " is busy (another console is "
                        + "saving at the same moment); nothing was saved, save again", e);
            }
            throw new DatabaseException(db.file(), "could not save the rule " + row.id() + " in " + db.file() + ": "
                    + e.getMessage(), e);
        } finally {
            s.close();
        }
    }

    /** Another console saved the rule after this one read it: nothing was written. */
    public static final class ConcurrentRuleChangeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ConsoleRuleRow current;

        ConcurrentRuleChangeException(String id, ConsoleRuleRow current, boolean adding) {
            super(current == null ? "the rule " + id + " is no longer there"
                    : adding ? "a console rule with the id " + id + " exists already (saved by " + current.changedBy()
                    + "); choose another id or edit that rule"
                    : "the rule " + id + " was changed by " + current.changedBy() + " in the meantime (revision "
                    + current.revision() + "); reload it and make the change again");
            this.current = current;
        }

        /** The rule as it is in the database now (null when there is none). */
        public ConsoleRuleRow current() {
            return current;
        }
    }
}
