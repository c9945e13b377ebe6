package com.vigil.app.runtime;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long background work that must record something (the alarm journal, the audit trail of an operator's
 * action) waits for the database to open: one bound for both, so an action is never journaled but refused for
 * its audit, or the other way round.
 */
final class DatabaseWait {
    static final int SECONDS = 120;

    private DatabaseWait() {
    }

    /**
     * The opened thing, waiting at most {@link #SECONDS}.
     *
     * @throws ExecutionException    when it failed to open (the caller decides what that means)
     * @throws IllegalStateException when it is not open in time, or the wait was interrupted
     */
    static <T> T await(Future<T> opening, String what) throws ExecutionException {
        try {
            return opening.get(SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not open within " + SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what + " to open", e);
        }
    }
}
