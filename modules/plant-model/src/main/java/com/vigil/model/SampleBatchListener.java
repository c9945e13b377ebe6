package com.vigil.model;

import java.util.List;

/** Receives samples in batches, as OPC UA subscriptions deliver them. Batches are never split. */
@FunctionalInterface
public interface SampleBatchListener {
    void onBatch(List<Sample> batch);
}
