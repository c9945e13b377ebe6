package com.vigil.app.runtime;

import com.vigil.alarm.AlarmJournal;
import com.vigil.alarm.JournalEntry;
import com.vigil.persistence.db.Database;
import com.vigil.persistence.db.DatabaseException;
import com.vigil.persistence.journal.AlarmJournalStore;
import com.vigil.persistence.journal.JournalRecord;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The alarm engine's journal port, written to SQLite through Hibernate. The database boots in the
 * background (Hibernate takes seconds); an entry arriving before that waits for it, so nothing is lost
 * and nothing is reported done before it is on disk.
 */
public final class JournalAdapter implements AlarmJournal {
    private final CompletableFuture<Database> database;
    private volatile AlarmJournalStore store;

    public JournalAdapter(CompletableFuture<Database> database) {
        this.database = database;
    }

    @Override
    public void append(JournalEntry e) {
        store().append(toRecord(e));
    }

    /** All automatic transitions of one batch in one transaction (a flood is one commit, not thousands). */
    @Override
    public void appendAll(java.util.List<JournalEntry> entries) {
        if (!entries.isEmpty()) {
            store().appendAll(entries.stream().map(JournalAdapter::toRecord).toList());
        }
    }

    private AlarmJournalStore store() {
        AlarmJournalStore s = store;
        if (s != null) {
            return s;
        }
        try {
            Database db = DatabaseWait.await(database, "the journal database");
            s = new AlarmJournalStore(db);
            store = s;
            return s;
        } catch (ExecutionException ex) {
            Throwable c = ex.getCause();
            throw c instanceof DatabaseException de ? de : new IllegalStateException("journal unavailable: " + c, c);
        }
    }

    static JournalRecord toRecord(JournalEntry e) {
        return new JournalRecord(null, e.time().toEpochMilli(), e.alarmId(), e.tag(), e.type().name(),
                e.priority().grade(), e.area(), e.fromState().name(), e.toState().name(), e.event().name(), e.user(),
                e.role() == null ? null : e.role().name(), e.comment(), e.tiers(), e.refusal(),
                Double.isNaN(e.value()) ? null : e.value());
    }
}
