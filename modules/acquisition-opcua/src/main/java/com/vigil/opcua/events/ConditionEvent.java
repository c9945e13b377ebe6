package com.vigil.opcua.events;

import java.time.Instant;

/**
 * One Alarms &amp; Conditions event from a server (OPC UA Part 9), as Vigil keeps it.
 *
 * @param sourceId      the Vigil source (server) it came from
 * @param eventId       EventId as hex; pass it back to acknowledge/confirm/comment
 * @param eventType     event type node id text (e.g. {@code i=9341} ExclusiveLimitAlarmType)
 * @param sourceName    SourceName (the tag/equipment the condition is about)
 * @param sourceNode    SourceNode id text (may be empty)
 * @param time          Time of the event
 * @param message       Message text
 * @param severity      1..1000
 * @param conditionId   node id text of the condition (empty for events that are not conditions)
 * @param conditionName ConditionName (e.g. the limit name)
 * @param active        ActiveState/Id (null when the type has no active state)
 * @param acked         AckedState/Id (null when not acknowledgeable)
 * @param confirmed     ConfirmedState/Id (null when the server does not support confirm)
 * @param retain        Retain: the condition is still of interest (false ends it in the list)
 * @param refresh       delivered by a ConditionRefresh (a state snapshot, not a new transition)
 */
public record ConditionEvent(String sourceId, String eventId, String eventType, String sourceName, String sourceNode,
                             Instant time, String message, int severity, String conditionId, String conditionName,
                             Boolean active, Boolean acked, Boolean confirmed, boolean retain, boolean refresh) {
    public boolean isCondition() {
        return !conditionId.isEmpty();
    }

    /** Active and not yet acknowledged: the operator has to act. */
    public boolean needsAck() {
        return Boolean.TRUE.equals(active) && Boolean.FALSE.equals(acked);
    }
}
