package com.vigil.persistence.db;

import java.nio.file.Path;

/** The database cannot be used; the message says what, where, and what to do. Nothing is deleted. */
public class DatabaseException extends RuntimeException {
    private final Path file;

    public DatabaseException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
