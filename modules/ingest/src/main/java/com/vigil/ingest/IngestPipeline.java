package com.vigil.ingest;

import com.vigil.model.Sample;
import com.vigil.model.SampleBatchListener;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ingest thread. Sources hand in batches ({@link #onBatch} only enqueues, so Milo's threads are
 * never blocked); the ingest thread applies each batch to the live snapshot and then passes it, whole,
 * to every consumer in order (alarm engine, early warning, historian writer).
 *
 * <p>Back-pressure is explicit: when the bounded queue is full the batch is refused, counted in
 * {@link #droppedSamples()} and logged — never dropped silently, never blocking the source.
 */
public final class IngestPipeline implements SampleBatchListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
    private static final List<Sample> POISON = List.of();

    private final BlockingQueue<List<Sample>> queue;
    private final LiveSnapshot snapshot;
    private final List<SampleBatchListener> consumers = new CopyOnWriteArrayList<>();
    private final AtomicLong ingested = new AtomicLong();
    /** Samples taken into the queue; they count as {@link #ingested} once the snapshot and every consumer had them. */
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong consumerErrors = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public IngestPipeline(int capacityBatches, LiveSnapshot snapshot) {
        this.queue = new ArrayBlockingQueue<>(capacityBatches);
        this.snapshot = snapshot;
        this.thread = new Thread(this::run, "vigil-ingest");
        this.thread.setDaemon(true);
    }

    /** Adds a consumer; consumers see batches in the order added. */
    public void addConsumer(SampleBatchListener consumer) {
        consumers.add(consumer);
    }

    public void start() {
        thread.start();
    }

    @Override
    public void onBatch(List<Sample> batch) {
        if (batch.isEmpty() || !running) {
            return;
        }
        if (queue.offer(batch)) {
            accepted.addAndGet(batch.size());
        } else {
            long total = dropped.addAndGet(batch.size());
            LOG.error("ingest queue full ({} batches): refused a batch of {} samples ({} refused so far)",
                    queue.size(), batch.size(), total);
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            List<Sample> batch;
            try {
                batch = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch == null) {
                continue;
            }
            if (batch == POISON) {
                return;
            }
            snapshot.apply(batch);
            for (SampleBatchListener c : consumers) {
                try {
                    c.onBatch(batch);
                } catch (RuntimeException e) {
                    consumerErrors.incrementAndGet();
                    LOG.error("ingest consumer {} failed on a batch of {} samples", c, batch.size(), e);
                }
            }
            ingested.addAndGet(batch.size());
        }
    }

    /**
     * Waits until every batch enqueued so far has been processed: in the live snapshot and given to every consumer
     * (tests, benchmarks, orderly shutdown). An empty queue is not enough: the ingest thread may still be working on
     * the batch it took last.
     */
    public void drain(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        long target = accepted.get();
        while (ingested.get() < target && System.currentTimeMillis() < end) {
            Thread.sleep(1);
        }
    }

    public long ingestedSamples() {
        return ingested.get();
    }

    public long droppedSamples() {
        return dropped.get();
    }

    public long consumerErrors() {
        return consumerErrors.get();
    }

    public int queuedBatches() {
        return queue.size();
    }

    @Override
    public void close() {
        running = false;
        queue.offer(POISON);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
