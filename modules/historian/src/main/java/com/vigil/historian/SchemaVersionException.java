package com.vigil.historian;

/** The database was written by a newer Vigil (PRAGMA user_version above what this code understands). */
public class SchemaVersionException extends HistorianException {
    private static final long serialVersionUID = 1L;

    private final int found;
    private final int supported;

    public SchemaVersionException(String message, int found, int supported) {
        super(message);
        this.found = found;
        this.supported = supported;
    }

    public int found() {
        return found;
    }

    public int supported() {
        return supported;
    }
}
