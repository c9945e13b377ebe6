package com.vigil.model;

/**
 * Quality of a sample, reduced from the OPC UA status code. A value that is not {@link #GOOD}
 * must never be shown or evaluated as if it were good.
 */
public enum Quality {
    GOOD,
    UNCERTAIN,
    /** The source reported a bad status (sensor failure, out of range, ...). */
    BAD,
    /** No fresh value: the connection to the source is lost; the last value is kept for context only. */
    STALE;

    public boolean isGood() {
        return this == GOOD;
    }

    /** Maps an OPC UA status code (32 bit) to a quality by its severity bits. */
    public static Quality fromOpcUaStatus(long statusCode) {
        long severity = (statusCode >>> 30) & 0x3;
        if (severity == 0) {
            return GOOD;
        }
        if (severity == 1) {
            return UNCERTAIN;
        }
        return BAD;
    }
}
