package com.vigil.alarm;

import java.util.List;

/**
 * Where every alarm event goes. Called synchronously by the engine: an operator action is reported as done only after
 * {@link #append} returned, so an implementation must have made the entry durable when it returns, and throw if it
 * could not. Automatic transitions of one batch / tick are handed over together through {@link #appendAll}, so
 * that an implementation can write them in one transaction (a flood of 10,000 alarms must not cost 10,000 commits).
 */
@FunctionalInterface
public interface AlarmJournal {
    void append(JournalEntry e);

    /** Appends entries in order, all or nothing if the implementation can; the default appends one by one. */
    default void appendAll(List<JournalEntry> entries) {
        for (JournalEntry e : entries) {
            append(e);
        }
    }
}
