package com.vigil.warning.rules;

/** A rule text that cannot be parsed: where (1-based line and column) and what was expected. */
public final class RuleParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final String expected;
    private final String found;

    public RuleParseException(int line, int column, String expected, String found) {
        super("line " + line + ", column " + column + ": expected " + expected + " but found " + found);
        this.line = line;
        this.column = column;
        this.expected = expected;
        this.found = found;
    }

    public int line() { return line; }
    public int column() { return column; }
    public String expected() { return expected; }
    public String found() { return found; }
}
