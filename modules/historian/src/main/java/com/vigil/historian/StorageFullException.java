package com.vigil.historian;

/**
 * The disk (or the configured size limit) is full. Nothing committed is damaged: the failed transaction was
 * rolled back, samples accepted but not yet written stay in memory and are retried once space is available.
 */
public class StorageFullException extends HistorianException {
    private static final long serialVersionUID = 1L;

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
