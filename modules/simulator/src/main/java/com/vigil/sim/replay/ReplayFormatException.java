package com.vigil.sim.replay;

/** A recorded-data file that cannot be replayed; the message names file and line. */
public class ReplayFormatException extends Exception {
    private final String file;
    private final int line;

    public ReplayFormatException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
