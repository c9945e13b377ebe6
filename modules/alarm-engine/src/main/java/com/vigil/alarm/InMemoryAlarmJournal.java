package com.vigil.alarm;

import java.util.ArrayList;
import java.util.List;

/** Journal kept in memory (tests, replay, benchmarks). Thread-safe. */
public final class InMemoryAlarmJournal implements AlarmJournal {
    private final List<JournalEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(JournalEntry e) {
        entries.add(e);
    }

    @Override
    public synchronized void appendAll(List<JournalEntry> es) {
        entries.addAll(es);
    }

    /** A copy of all entries, in append order. */
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
