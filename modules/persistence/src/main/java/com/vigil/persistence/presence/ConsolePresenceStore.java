package com.vigil.persistence.presence;

import com.vigil.persistence.db.Database;
import java.util.List;

/**
 * Which consoles on this database have someone at them: each console writes its own row every few seconds
 * ({@link #beat}), every console reads all rows ({@link #all}). A console that stops writing (killed, cable pulled)
 * is recognised by its beat counter no longer moving; a console that closes normally removes its row
 * ({@link #remove}). Which rows are dead is for the reader to judge, on its own clock: this store never compares
 * one machine's time with another's.
 */
public final class ConsolePresenceStore {
    private final Database db;

    public ConsolePresenceStore(Database db) {
        this.db = db;
    }

    /**
     * Writes this console's presence and moves its beat counter; one committed transaction that starts with the
     * write (so it waits for the write lock, instead of failing on a stale read snapshot).
     */
    public ConsolePresenceRow beat(String consoleId, String host, String userName, boolean present, long nowMillis) {
        return db.inTransaction("write this console's presence", s -> {
            int updated = s.createMutationQuery("update ConsolePresenceEntity set host = :host, userName = :user, "
                            + "present = :present, beat = beat + 1, seenMillis = :now where consoleId = :id")
                    .setParameter("host", host).setParameter("user", userName).setParameter("present", present)
                    .setParameter("now", nowMillis).setParameter("id", consoleId).executeUpdate();
            if (updated == 0) {
                ConsolePresenceEntity e = new ConsolePresenceEntity(consoleId);
                e.beat(host, userName, present, nowMillis);
                s.persist(e);
                return e.toRow();
            }
            return s.find(ConsolePresenceEntity.class, consoleId).toRow();
        });
    }

    /** Every console's row, this one's too, by id. */
    public List<ConsolePresenceRow> all() {
        return db.read("read the consoles' presence", s -> s.createSelectionQuery(
                "from ConsolePresenceEntity order by consoleId", ConsolePresenceEntity.class)
                .getResultList().stream().map(ConsolePresenceEntity::toRow).toList());
    }

    /**
     * Removes a console's row: this console's when it closes (the others stop counting it at once), or another's
     * that a reader judged dead.
     */
    public void remove(String consoleId) {
        db.inTransaction("remove the presence of console " + consoleId, s -> s.createMutationQuery(
                "delete from ConsolePresenceEntity where consoleId = :id").setParameter("id", consoleId).executeUpdate());
    }
}
