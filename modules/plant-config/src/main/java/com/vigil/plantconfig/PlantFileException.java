package com.vigil.plantconfig;

/** A plant file that cannot be used; the message names file, line and field. */
public class PlantFileException extends Exception {
    private final String file;
    private final int line;
    private final String field;

    public PlantFileException(String file, int line, String field, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + (field == null || field.isEmpty() ? "" : ": field '" + field + "'")
                + ": " + problem, cause);
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

    public String field() {
        return field;
    }
}
