package com.vigil.ui.alarms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Logic of the alarm list without JavaFX: a filtered, sorted snapshot (grade, then newest first),
 * counters per grade and per masked list, which rows "acknowledge all visible" would take.
 */
public final class AlarmListViewModel {
    /** Default order: most severe grade first, then newest first. */
    public static final Comparator<AlarmRow> DEFAULT_ORDER = Comparator.comparingInt(AlarmRow::grade)
            .thenComparing(Comparator.comparingLong(AlarmRow::sinceMillis).reversed())
            .thenComparing(AlarmRow::id);

    private final AlarmSource source;
    private long seen = -1;
    private AlarmFilter filter = AlarmFilter.ALL;
    private boolean filterChanged = true;
    private List<AlarmRow> all = List.of();
    private List<AlarmRow> visible = List.of();
    private final int[] perGrade = new int[5];
    private int shelved;
    private int suppressed;
    private int outOfService;
    private Set<String> areas = Set.of();

    public AlarmListViewModel(AlarmSource source) {
        this.source = source;
    }

    public void setFilter(AlarmFilter f) {
        if (!f.equals(filter)) {
            filter = f;
            filterChanged = true;
        }
    }

    public AlarmFilter filter() {
        return filter;
    }

    /** A new filtered, sorted snapshot when the source or the filter changed, else {@code null}. */
    public List<AlarmRow> refresh() {
        long v = source.version();
        if (v == seen && !filterChanged) {
            return null;
        }
        if (v != seen) {
            seen = v;
            all = List.copyOf(source.rows());
            count();
        }
        filterChanged = false;
        List<AlarmRow> out = new ArrayList<>();
        for (AlarmRow r : all) {
            if (filter.test(r)) {
                out.add(r);
            }
        }
        out.sort(DEFAULT_ORDER);
        visible = List.copyOf(out);
        return visible;
    }

    private void count() {
        java.util.Arrays.fill(perGrade, 0);
        shelved = 0;
        suppressed = 0;
        outOfService = 0;
        Set<String> a = new TreeSet<>();
        for (AlarmRow r : all) {
            a.add(r.area());
            switch (r.state()) {
                case "SHELVED" -> shelved++;
                case "SUPPRESSED" -> suppressed++;
                case "OUT_OF_SERVICE" -> outOfService++;
                default -> perGrade[r.grade()]++;
            }
        }
        areas = Set.copyOf(a);
    }

    public List<AlarmRow> visible() {
        return visible;
    }

    /** Alarms needing attention of a grade (not shelved, suppressed or out of service). */
    public int countOfGrade(int grade) {
        return perGrade[grade];
    }

    public int shelvedCount() {
        return shelved;
    }

    public int suppressedCount() {
        return suppressed;
    }

    public int outOfServiceCount() {
        return outOfService;
    }

    public Set<String> areas() {
        return areas;
    }

    public long unacknowledgedVisible() {
        return visible.stream().filter(AlarmRow::unacknowledged).count();
    }

    /** What "acknowledge all visible" takes: the unacknowledged rows on screen. */
    public List<String> unacknowledgedVisibleIds() {
        return visible.stream().filter(AlarmRow::unacknowledged).map(AlarmRow::id).toList();
    }

    /** Unacknowledged alarms, most severe and newest first (for the banner). */
    public List<AlarmRow> topUnacknowledged(int n) {
        return all.stream().filter(AlarmRow::unacknowledged).filter(r -> !AlarmFilter.isMasked(r.state()))
                .sorted(DEFAULT_ORDER).limit(n).toList();
    }

    public List<AlarmRow> all() {
        return all;
    }
}
