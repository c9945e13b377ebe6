package com.vigil.model;

/**
 * One value of one tag at one time. Discrete tags carry 0/1. NaN is allowed and means "no number"
 * (shown as a gap, never as zero).
 *
 * @param tag        tag id as defined in the plant model
 * @param timeMillis source timestamp, epoch milliseconds
 * @param value      engineering value
 * @param quality    quality reduced from the source status
 */
public record Sample(String tag, long timeMillis, double value, Quality quality) {
    public Sample {
        if (tag == null || tag.isEmpty()) {
            throw new IllegalArgumentException("tag must not be empty");
        }
        if (quality == null) {
            throw new IllegalArgumentException("quality must not be null");
        }
    }

    public static Sample good(String tag, long timeMillis, double value) {
        return new Sample(tag, timeMillis, value, Quality.GOOD);
    }
}
