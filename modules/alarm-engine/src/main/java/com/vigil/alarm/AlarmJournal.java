package com.vigil.alarm;

/**
 * Where every alarm event goes. Called synchronously by the engine, before an operator action is reported as done;
 * an implementation must have made the entry durable when it returns, and throw if it could not.
 */
@FunctionalInterface
public interface AlarmJournal {
    void append(JournalEntry e);
}
