package com.vigil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IngestPipelineTest {

    @Test
    void batchesReachSnapshotAndConsumersWholeAndInOrder() throws Exception {
        LiveSnapshot snap = new LiveSnapshot(3);
        List<List<Sample>> seen = new ArrayList<>();
        try (IngestPipeline p = new IngestPipeline(16, snap)) {
            p.addConsumer(b -> {
                synchronized (seen) {
                    seen.add(b);
                }
            });
            p.start();
            for (int i = 0; i < 5; i++) {
                p.onBatch(List.of(Sample.good("A", i, i), Sample.good("B", i, 10 + i)));
            }
            p.drain(60_000);
            waitFor(() -> p.ingestedSamples() == 10);
        }
        assertEquals(5, seen.size());
        assertEquals(2, seen.get(0).size(), "batch kept whole");
        assertEquals(4.0, snap.latest("A").value());
        assertEquals(List.of(2.0, 3.0, 4.0), snap.recent("A").stream().map(Sample::value).toList(), "ring keeps last 3");
        assertTrue(snap.version() >= 5);
    }

    @Test
    void drainWaitsForTheBatchBeingWorkedOn() throws Exception {
        LiveSnapshot snap = new LiveSnapshot(3);
        List<List<Sample>> seen = new ArrayList<>();
        try (IngestPipeline p = new IngestPipeline(16, snap)) {
            p.addConsumer(b -> {
                try {
                    Thread.sleep(300); // the queue is empty long before this consumer is done
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (seen) {
                    seen.add(b);
                }
            });
            p.start();
            p.onBatch(List.of(Sample.good("A", 1, 7)));
            p.drain(60_000);
            synchronized (seen) {
                assertEquals(1, seen.size(), "drain returned before the consumer had the batch");
            }
            assertEquals(1, p.ingestedSamples());
            assertEquals(7.0, snap.latest("A").value());
        }
    }

    @Test
    void fullQueueRefusesAndCountsInsteadOfBlocking() throws Exception {
        LiveSnapshot snap = new LiveSnapshot(10);
        CountDownLatch release = new CountDownLatch(1);
        try (IngestPipeline p = new IngestPipeline(2, snap)) {
            p.addConsumer(b -> {
                try {
                    release.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            p.start();
            try {
                for (int i = 0; i < 10; i++) {
                    p.onBatch(List.of(Sample.good("A", i, i))); // returns at once even though the consumer is stuck
                }
                assertTrue(p.droppedSamples() >= 7, "refused samples are counted: " + p.droppedSamples());
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void failingConsumerDoesNotStopIngest() throws Exception {
        LiveSnapshot snap = new LiveSnapshot(10);
        try (IngestPipeline p = new IngestPipeline(16, snap)) {
            p.addConsumer(b -> {
                throw new IllegalStateException("boom");
            });
            p.start();
            p.onBatch(List.of(Sample.good("A", 1, 1)));
            p.onBatch(List.of(Sample.good("A", 2, 2)));
            waitFor(() -> p.ingestedSamples() == 2);
            assertEquals(2, p.consumerErrors());
            assertEquals(2.0, snap.latest("A").value());
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (!c.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
        assertTrue(c.getAsBoolean(), "condition reached");
    }
}
