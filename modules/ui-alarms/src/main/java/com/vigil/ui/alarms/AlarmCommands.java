package com.vigil.ui.alarms;

import java.util.List;

/**
 * Operator actions on alarms, executed by the alarm engine's service (with its role checks) and
 * journaled before they return. Blocking: the view calls them through its task runner.
 */
public interface AlarmCommands {
    Result acknowledge(List<String> alarmIds, String comment);

    /** @param done alarms acknowledged; @param refusals one message per refused alarm */
    record Result(int done, List<String> refusals) {
    }
}
