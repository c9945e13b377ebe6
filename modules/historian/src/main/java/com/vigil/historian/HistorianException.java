package com.vigil.historian;

/** Any failure of the historian store. Unchecked: callers on the ingest path must not be forced to wrap. */
public class HistorianException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HistorianException(String message) {
        super(message);
    }

    public HistorianException(String message, Throwable cause) {
        super(message, cause);
    }
}
