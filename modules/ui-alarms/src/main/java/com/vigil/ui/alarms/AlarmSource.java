package com.vigil.ui.alarms;

import java.util.List;

/** Where the alarm list reads from (the app adapts the alarm engine). Called on the FX pulse: keep it cheap. */
public interface AlarmSource {
    /** Changes whenever any alarm changed. */
    long version();

    /** Current alarms needing attention (active or unacknowledged). */
    List<AlarmRow> rows();
}
