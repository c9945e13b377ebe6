package com.vigil.opcua;

import java.util.List;

/**
 * Tags that share one OPC UA subscription and the same monitoring parameters.
 *
 * @param name               group name (for logs)
 * @param publishingMillis   publishing interval of the subscription
 * @param samplingMillis     sampling interval of every item
 * @param queueSize          server-side queue size per item (values between publishes are kept)
 * @param deadband           data-change deadband of every item
 * @param bindings           the tags
 */
public record SubscriptionGroup(String name, double publishingMillis, double samplingMillis, int queueSize,
                                Deadband deadband, List<TagBinding> bindings) {
    public SubscriptionGroup {
        bindings = List.copyOf(bindings);
        if (deadband == null) {
            deadband = Deadband.NONE;
        }
        if (queueSize < 1) {
            queueSize = 1;
        }
    }

    /** One group with the old single-interval behaviour: sampling = publishing, queue 10, no deadband. */
    public static SubscriptionGroup of(List<TagBinding> bindings, double samplingMillis) {
        return new SubscriptionGroup("default", samplingMillis, samplingMillis, 10, Deadband.NONE, bindings);
    }
}
