package com.vigil.opcua.browse;

/** A tag list CSV the engineer must fix: the message names file, line and field. */
public final class TagListException extends RuntimeException {
    private final String file;
    private final int line;
    private final String field;

    public TagListException(String file, int line, String field, String problem) {
        super(file + ":" + line + (field == null ? "" : ": field '" + field + "'") + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The column, or null when the whole line is wrong. */
    public String field() {
        return field;
    }
}
