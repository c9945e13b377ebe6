package com.vigil.opcua.events;

import java.util.List;

/**
 * Receives A&amp;C events in the batches the server delivered them. Called on the source's own
 * delivery thread (never Milo's): enqueue and return.
 */
@FunctionalInterface
public interface ConditionEventListener {
    void onEvents(List<ConditionEvent> events);
}
