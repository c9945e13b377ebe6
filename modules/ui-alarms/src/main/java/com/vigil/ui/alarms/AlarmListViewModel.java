package com.vigil.ui.alarms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Logic of the alarm list without JavaFX: sorted snapshot (grade, then newest first), counters,
 * which rows an "acknowledge all" would take.
 */
public final class AlarmListViewModel {
    /** Default order: most severe grade first, then newest first. */
    public static final Comparator<AlarmRow> DEFAULT_ORDER = Comparator.comparingInt(AlarmRow::grade)
            .thenComparing(Comparator.comparingLong(AlarmRow::sinceMillis).reversed())
            .thenComparing(AlarmRow::id);

    private final AlarmSource source;
    private long seen = -1;
    private List<AlarmRow> rows = List.of();

    public AlarmListViewModel(AlarmSource source) {
        this.source = source;
    }

    /** A new sorted snapshot when the source changed, else {@code null}. */
    public List<AlarmRow> refresh() {
        long v = source.version();
        if (v == seen) {
            return null;
        }
        seen = v;
        List<AlarmRow> sorted = new ArrayList<>(source.rows());
        sorted.sort(DEFAULT_ORDER);
        rows = List.copyOf(sorted);
        return rows;
    }

    public List<AlarmRow> rows() {
        return rows;
    }

    public long unacknowledgedCount() {
        return rows.stream().filter(AlarmRow::unacknowledged).count();
    }

    public List<String> unacknowledgedIds() {
        return rows.stream().filter(AlarmRow::unacknowledged).map(AlarmRow::id).toList();
    }
}
