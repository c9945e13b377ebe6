package com.vigil.persistence.accounts;

import com.vigil.persistence.db.Database;
import com.vigil.persistence.db.DatabaseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.Transaction;

/**
 * Local accounts and the demo flag in SQLite. Each write is its own transaction, committed before the method
 * returns. A demo account can only be inserted into a database flagged demo (also enforced by a trigger).
 */
public final class UserAccountStore {
    private static final String DEMO_KEY = "demo";
    private final Database db;

    public UserAccountStore(Database db) {
        this.db = db;
    }

    /** The account named {@code userName}, ignoring (ASCII) case. */
    public Optional<UserRow> find(String userName) {
        try (Session s = db.sessionFactory().openSession()) {
            return s.createSelectionQuery("from UserAccountEntity where lower(userName) = lower(:n)",
                            UserAccountEntity.class).setParameter("n", userName).getResultList().stream()
                    .findFirst().map(UserAccountEntity::toRow);
        }
    }

    /** All accounts ordered by user name. */
    public List<UserRow> all() {
        try (Session s = db.sessionFactory().openSession()) {
            return s.createSelectionQuery("from UserAccountEntity order by userName", UserAccountEntity.class)
                    .getResultList().stream().map(UserAccountEntity::toRow).toList();
        }
    }

    public synchronized void insert(UserRow row) {
        write("add the account " + row.userName(), s -> s.persist(new UserAccountEntity(row)));
    }

    /** Replaces the changeable fields of the account with the same name (not its name, demo flag, creation). */
    public synchronized void update(UserRow row) {
        write("update the account " + row.userName(), s -> {
            UserAccountEntity e = s.createSelectionQuery("from UserAccountEntity where lower(userName) = lower(:n)",
                    UserAccountEntity.class).setParameter("n", row.userName()).getResultList().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no account " + row.userName()));
            e.copyFrom(row);
        });
    }

    public boolean isDemoDatabase() {
        try (Session s = db.sessionFactory().openSession()) {
            MetaEntity m = s.find(MetaEntity.class, DEMO_KEY);
            return m != null && "true".equals(m.value());
        }
    }

    /** Flags the database as a demo database. There is no way back. */
    public synchronized void markDemoDatabase() {
        write("flag the database as demo", s -> {
            if (s.find(MetaEntity.class, DEMO_KEY) == null) {
                s.persist(new MetaEntity(DEMO_KEY, "true"));
            }
        });
    }

    private void write(String what, Consumer<Session> work) {
        Session s = db.sessionFactory().openSession();
        Transaction tx = s.beginTransaction();
        try {
            work.accept(s);
            tx.commit();
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw new DatabaseException(db.file(), "could not " + what + " in " + db.file() + ": " + e.getMessage(), e);
        } finally {
            s.close();
        }
    }
}
