package com.vigil.opcua;

import com.vigil.model.ConnectionState;
import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.model.SampleBatchListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OPC UA server as a source of samples. Connects with the Milo client (retrying with back-off),
 * subscribes to every bound variable, and hands each notification batch to the sink as one batch.
 * When the session is lost every bound tag is reported {@link Quality#STALE} at once; when it is
 * back, values resume (subscriptions are transferred, or re-created when the server lost them).
 *
 * <p>Vigil's own work never runs on Milo's threads: the sink must only enqueue (it is the ingest
 * queue), and reconnect work runs on this source's own executor.
 */
public final class OpcUaSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpcUaSource.class);

    private final String endpointUrl;
    private final List<TagBinding> bindings;
    private final SampleBatchListener sink;
    private final ConnectionListener connectionListener;
    private final Clock clock;
    private final double samplingMillis;
    private final ScheduledExecutorService executor;
    private volatile OpcUaClient client;
    private volatile OpcUaSubscription subscription;
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile boolean closed;
    private long backoffMillis = 500;

    public OpcUaSource(String endpointUrl, List<TagBinding> bindings, SampleBatchListener sink,
                       ConnectionListener connectionListener, Clock clock, double samplingMillis) {
        this.endpointUrl = Objects.requireNonNull(endpointUrl);
        this.bindings = List.copyOf(bindings);
        this.sink = sink;
        this.connectionListener = connectionListener;
        this.clock = clock;
        this.samplingMillis = samplingMillis;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opcua-source " + endpointUrl);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts connecting in the background; progress is reported to the connection listener. */
    public void start() {
        executor.execute(this::connect);
    }

    public ConnectionState state() {
        return state;
    }

    public String endpointUrl() {
        return endpointUrl;
    }

    private void connect() {
        if (closed) {
            return;
        }
        setState(state == ConnectionState.DISCONNECTED ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING,
                endpointUrl);
        try {
            OpcUaClient c = OpcUaClient.create(endpointUrl,
                    endpoints -> endpoints.stream()
                            .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
                            .findFirst(),
                    transport -> { },
                    cfg -> cfg.setApplicationName(LocalizedText.english("Vigil console"))
                            .setApplicationUri("urn:vigil:console")
                            .setKeepAliveInterval(UInteger.valueOf(2000))
                            .setRequestTimeout(UInteger.valueOf(10000)));
            c.addSessionActivityListener(new SessionActivityListener() {
                @Override
                public void onSessionActive(UaSession session) {
                    setState(ConnectionState.CONNECTED, endpointUrl);
                }

                @Override
                public void onSessionInactive(UaSession session) {
                    if (!closed) {
                        markAllStale();
                        setState(ConnectionState.RECONNECTING, "session lost; reconnecting");
                    }
                }
            });
            c.connect();
            client = c;
            subscribe(c);
            backoffMillis = 500;
            setState(ConnectionState.CONNECTED, endpointUrl);
        } catch (Exception e) {
            markAllStale();
            String detail = "cannot connect to " + endpointUrl + ": " + rootMessage(e) + "; retrying in "
                    + backoffMillis / 1000.0 + " s";
            LOG.warn(detail);
            setState(ConnectionState.RECONNECTING, detail);
            OpcUaClient c = client;
            client = null;
            if (c != null) {
                c.disconnectAsync();
            }
            if (!closed) {
                executor.schedule(this::connect, backoffMillis, TimeUnit.MILLISECONDS);
                backoffMillis = Math.min(backoffMillis * 2, 30_000);
            }
        }
    }

    private void subscribe(OpcUaClient c) throws Exception {
        OpcUaSubscription s = new OpcUaSubscription(c, samplingMillis);
        Map<OpcUaMonitoredItem, String> tagOf = new HashMap<>();
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (TagBinding b : bindings) {
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(NodeId.parse(b.nodeId()));
            item.setSamplingInterval(samplingMillis);
            item.setQueueSize(UInteger.valueOf(10));
            item.setUserObject(b.tag());
            items.add(item);
            tagOf.put(item, b.tag());
        }
        s.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onDataReceived(OpcUaSubscription sub, List<OpcUaMonitoredItem> its, List<DataValue> values) {
                long now = clock.millis();
                List<Sample> batch = new ArrayList<>(values.size());
                for (int i = 0; i < its.size(); i++) {
                    Object tag = its.get(i).getUserObject().orElse(null);
                    if (tag != null) {
                        batch.add(Samples.of((String) tag, values.get(i), now));
                    }
                }
                sink.onBatch(batch); // enqueue only: never block Milo's delivery thread
            }

            @Override
            public void onTransferFailed(OpcUaSubscription sub, StatusCode status) {
                // the server lost our subscription (e.g. it restarted): create it again, off Milo's thread
                executor.execute(() -> recreate(sub));
            }
        });
        s.create();
        s.addMonitoredItems(items);
        s.synchronizeMonitoredItems();
        for (OpcUaMonitoredItem item : items) {
            StatusCode sc = item.getCreateResult().orElse(StatusCode.GOOD);
            if (sc.isBad()) {
                String tag = tagOf.get(item);
                LOG.warn("tag {}: cannot monitor {} on {}: {}", tag, item.getReadValueId().getNodeId(), endpointUrl, sc);
                sink.onBatch(List.of(new Sample(tag, clock.millis(), Double.NaN, Quality.BAD)));
            }
        }
        subscription = s;
    }

    private void recreate(OpcUaSubscription sub) {
        try {
            sub.create();
            sub.synchronizeMonitoredItems();
            LOG.info("subscription on {} re-created", endpointUrl);
        } catch (Exception e) {
            LOG.warn("re-creating subscription on {} failed: {}; retrying", endpointUrl, rootMessage(e));
            if (!closed) {
                executor.schedule(() -> recreate(sub), 2, TimeUnit.SECONDS);
            }
        }
    }

    /** Every bound tag becomes STALE at once: the last value stays for context, never shown as good. */
    private void markAllStale() {
        long now = clock.millis();
        List<Sample> batch = new ArrayList<>(bindings.size());
        for (TagBinding b : bindings) {
            batch.add(new Sample(b.tag(), now, Double.NaN, Quality.STALE));
        }
        sink.onBatch(batch);
    }

    private void setState(ConnectionState s, String detail) {
        state = s;
        if (connectionListener != null) {
            connectionListener.onState(endpointUrl, s, detail);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        OpcUaSubscription s = subscription;
        OpcUaClient c = client;
        try {
            if (s != null) {
                s.delete();
            }
        } catch (Exception ignored) {
            // the session may already be gone
        }
        if (c != null) {
            try {
                c.disconnect();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        setState(ConnectionState.DISCONNECTED, "closed");
    }
}
