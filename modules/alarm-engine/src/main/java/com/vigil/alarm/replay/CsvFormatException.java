package com.vigil.alarm.replay;

/** Malformed replay input: names the file, the 1-based line and the field. */
public final class CsvFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;

    public CsvFormatException(String file, int line, String field, String problem) {
        super(file + " line " + line + (field == null ? "" : ", field '" + field + "'") + ": " + problem);
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

    /** Field name, or null when the whole line is wrong. */
    public String field() {
        return field;
    }
}
