package com.vigil.ui.alarms;

import java.util.List;

/** The alarm journal as history (the app adapts the journal store). Blocking: called through the task runner. */
public interface AlarmHistory {
    /** Journal rows in [fromMillis, toMillis), newest first, at most {@code limit}. */
    List<HistoryRow> query(long fromMillis, long toMillis, int limit);

    /** One journal row, ready to show and to export. */
    record HistoryRow(long timeMillis, String tag, String alarm, int grade, String fromState, String toState,
                      String event, String user, String role, String comment, String tiers) {
    }
}
