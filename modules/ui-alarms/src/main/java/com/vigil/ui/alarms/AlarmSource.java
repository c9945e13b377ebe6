package com.vigil.ui.alarms;

import java.util.List;
import java.util.Map;

/** Where the alarm views read from (the app adapts the alarm engine). Called on the FX pulse: keep it cheap. */
public interface AlarmSource {
    /** Changes whenever any alarm changed. */
    long version();

    /** Every alarm needing attention (any state but NORMAL, or a confirmation still due). */
    List<AlarmRow> rows();

    /** The ongoing flood, or {@code null} when there is none. */
    Flood flood();

    /**
     * An alarm flood (more than 10 new alarms in 10 min per operator position).
     *
     * @param position     operator position (area group)
     * @param startMillis  when it started
     * @param alarmCount   alarms raised since it started
     * @param firstOutTag  the first alarm of the flood (first-out): where it began
     * @param firstOutText its description
     * @param countsByArea alarms per area
     */
    record Flood(String position, long startMillis, int alarmCount, String firstOutTag, String firstOutText,
                 Map<String, Integer> countsByArea) {
    }
}
