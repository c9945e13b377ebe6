package com.vigil.model;

/**
 * Alarm limits of an analog tag; {@code null} means "no such limit". For a discrete tag,
 * {@code offNormal} is the value (0 or 1) that raises an alarm.
 */
public record Limits(Double hh, Double h, Double l, Double ll, Double offNormal,
                     Priority hhPriority, Priority hPriority, Priority lPriority, Priority llPriority,
                     double deadband) {

    public static final Limits NONE = new Limits(null, null, null, null, null, null, null, null, null, 0);

    public Limits {
        if (hh != null && h != null && hh < h) {
            throw new IllegalArgumentException("HH (" + hh + ") must not be below H (" + h + ")");
        }
        if (ll != null && l != null && ll > l) {
            throw new IllegalArgumentException("LL (" + ll + ") must not be above L (" + l + ")");
        }
        if (h != null && l != null && h <= l) {
            throw new IllegalArgumentException("H (" + h + ") must be above L (" + l + ")");
        }
        if (deadband < 0) {
            throw new IllegalArgumentException("deadband must not be negative");
        }
    }
}
