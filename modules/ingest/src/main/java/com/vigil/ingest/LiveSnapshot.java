package com.vigil.ingest;

import com.vigil.model.Sample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latest value per tag plus a short recent history per tag (for sparklines and the live trend).
 * Written by the one ingest thread, read by the UI pulse: readers never block the writer.
 */
public final class LiveSnapshot {
    private final ConcurrentHashMap<String, Sample> latest = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, RecentHistory> history = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final int historyCapacity;

    /** @param historyCapacity samples kept per tag for live trends (e.g. 10 min at 2 Hz = 1200) */
    public LiveSnapshot(int historyCapacity) {
        this.historyCapacity = historyCapacity;
    }

    void apply(List<Sample> batch) {
        for (Sample s : batch) {
            latest.put(s.tag(), s);
            history.computeIfAbsent(s.tag(), k -> new RecentHistory(historyCapacity)).add(s);
        }
        version.incrementAndGet();
    }

    /** Incremented whenever a batch was applied: a cheap "anything new?" check for the UI pulse. */
    public long version() {
        return version.get();
    }

    public Sample latest(String tag) {
        return latest.get(tag);
    }

    /** A copy of all latest values. */
    public Map<String, Sample> latestAll() {
        return new HashMap<>(latest);
    }

    /** Recent samples of a tag, oldest first (a copy). */
    public List<Sample> recent(String tag) {
        RecentHistory h = history.get(tag);
        return h == null ? List.of() : h.snapshot();
    }
}
