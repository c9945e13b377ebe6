package com.vigil.alarm;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sliding-window count of raised alarms at one operator position, with flood start/end hysteresis. */
final class FloodTracker {
    private record Raised(long time, String alarmId, String tag, String area) {
    }

    final String position;
    private final ArrayDeque<Raised> window = new ArrayDeque<>();
    boolean inFlood;
    private long start;
    private Raised firstOut;
    private int total;
    private final Map<String, Integer> byArea = new LinkedHashMap<>();

    FloodTracker(String position) {
        this.position = position;
    }

    /** Records a raised alarm (call {@link #expire} first); returns true when this starts a flood. */
    boolean record(long t, String alarmId, String tag, String area, long windowMs, int startAbove) {
        Raised r = new Raised(t, alarmId, tag, area);
        window.addLast(r);
        if (inFlood) {
            total++;
            byArea.merge(area, 1, Integer::sum);
            return false;
        }
        if (window.size() > startAbove) {
            inFlood = true;
            start = t;
            firstOut = window.peekFirst();
            total = window.size();
            byArea.clear();
            for (Raised x : window) {
                byArea.merge(x.area(), 1, Integer::sum);
            }
            return true;
        }
        return false;
    }

    /**
     * Removes entries that left the window by {@code now}, one by one; if the count falls below {@code endBelow}
     * during a flood, the flood ends at that exact expiry time, which is returned; otherwise Long.MIN_VALUE.
     */
    long expire(long now, long windowMs, int endBelow) {
        long ended = Long.MIN_VALUE;
        while (!window.isEmpty() && window.peekFirst().time() <= now - windowMs) {
            long exp = window.removeFirst().time() + windowMs;
            if (inFlood && ended == Long.MIN_VALUE && window.size() < endBelow) {
                ended = exp;
                inFlood = false;
            }
        }
        return ended;
    }

    int count() {
        return window.size();
    }

    /** When the oldest entry leaves the window, or Long.MAX_VALUE. */
    long nextExpiry(long windowMs) {
        return window.isEmpty() ? Long.MAX_VALUE : window.peekFirst().time() + windowMs;
    }

    FloodSummary summary(Long end) {
        return new FloodSummary(position, Instant.ofEpochMilli(start), end == null ? null : Instant.ofEpochMilli(end),
                firstOut.alarmId(), firstOut.tag(), Instant.ofEpochMilli(firstOut.time()), total, byArea);
    }
}
