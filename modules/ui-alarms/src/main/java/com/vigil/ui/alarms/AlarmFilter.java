package com.vigil.ui.alarms;

import java.util.Locale;
import java.util.Set;

/**
 * What the operator chose to see. Empty sets mean "all". {@code view} picks the list: the alarms
 * needing attention, or the shelved / suppressed / out-of-service ones.
 */
public record AlarmFilter(View view, Set<String> areas, Set<Integer> grades, String text) {
    public enum View {
        ACTIVE, SHELVED, SUPPRESSED, OUT_OF_SERVICE;

        boolean matches(String state) {
            return this == ACTIVE ? !isMasked(state) : name().equals(state);
        }
    }

    public static final AlarmFilter ALL = new AlarmFilter(View.ACTIVE, Set.of(), Set.of(), "");

    public AlarmFilter {
        areas = Set.copyOf(areas);
        grades = Set.copyOf(grades);
        text = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    public boolean test(AlarmRow r) {
        if (!view.matches(r.state())) {
            return false;
        }
        if (!areas.isEmpty() && !areas.contains(r.area())) {
            return false;
        }
        if (!grades.isEmpty() && !grades.contains(r.grade())) {
            return false;
        }
        return text.isEmpty() || r.tag().toLowerCase(Locale.ROOT).contains(text)
                || r.description().toLowerCase(Locale.ROOT).contains(text)
                || r.area().toLowerCase(Locale.ROOT).contains(text);
    }

    public AlarmFilter withView(View v) {
        return new AlarmFilter(v, areas, grades, text);
    }

    public AlarmFilter withAreas(Set<String> a) {
        return new AlarmFilter(view, a, grades, text);
    }

    public AlarmFilter withGrades(Set<Integer> g) {
        return new AlarmFilter(view, areas, g, text);
    }

    public AlarmFilter withText(String t) {
        return new AlarmFilter(view, areas, grades, t);
    }

    static boolean isMasked(String state) {
        return "SHELVED".equals(state) || "SUPPRESSED".equals(state) || "OUT_OF_SERVICE".equals(state);
    }
}
