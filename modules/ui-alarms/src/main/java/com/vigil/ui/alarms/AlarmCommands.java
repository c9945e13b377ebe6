package com.vigil.ui.alarms;

import java.time.Duration;
import java.util.List;

/**
 * Operator actions on alarms, executed by the alarm engine's service (with its role checks) and
 * journaled before they return. Blocking: the views call them through their task runner.
 */
public interface AlarmCommands {
    Result acknowledge(List<String> alarmIds, String comment);

    /** Tier confirmation at the acting user's tier (shift leader, safety manager). */
    Result confirm(List<String> alarmIds, String comment);

    Result shelve(List<String> alarmIds, Duration duration, String reason);

    Result unshelve(List<String> alarmIds, String comment);

    Result reset(List<String> alarmIds, String comment);

    Result removeFromService(List<String> alarmIds, String reason);

    Result returnToService(List<String> alarmIds, String comment);

    /** The longest allowed shelve. */
    Duration maxShelve();

    /** @param done alarms the action was applied to; @param refusals one message per refused alarm */
    record Result(int done, List<String> refusals) {
    }
}
