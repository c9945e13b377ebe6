package com.vigil.opcua;

import com.vigil.model.ConnectionState;
import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.model.SampleBatchListener;
import com.vigil.opcua.browse.Browser;
import com.vigil.opcua.events.ConditionEvent;
import com.vigil.opcua.events.ConditionEventListener;
import com.vigil.opcua.events.Conditions;
import com.vigil.opcua.pki.ClientPki;
import com.vigil.opcua.write.WriteResult;
import com.vigil.opcua.write.ValueWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OPC UA server as a source of samples and Alarms &amp; Conditions events.
 *
 * <p>Connects with the Milo client (retrying with back-off, each attempt logged with its reason and
 * shown by {@link #state()} / {@link #stateDetail()}), creates one subscription per
 * {@link SubscriptionGroup} and hands each notification batch to the sink as one batch. With events
 * enabled it subscribes to events on the Server object and calls ConditionRefresh after every
 * connect. When the session is lost every bound tag is reported {@link Quality#STALE} at once, the
 * {@link CommunicationListener} is told, and a fresh session with fresh subscriptions is built as soon
 * as the server answers again (fast retries for the first minute, then slower).
 *
 * <p>Threads: data batches are converted on Milo's delivery thread and handed to the sink, which
 * must only enqueue (it is the ingest queue). Every other callback (state, communication, events)
 * runs on this source's notification thread; connecting runs on its worker thread. Nothing of Vigil's
 * blocks a Milo thread. {@link #acknowledge}, {@link #write} and {@link #browser()} make blocking
 * server calls on the caller's thread: never call them on the FX thread.
 */
public final class OpcUaSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpcUaSource.class);
    private static final long FIRST_BACKOFF_MS = 250;
    private static final long FAST_PHASE_MAX_MS = 2000;
    private static final long FAST_PHASE_MS = 60_000;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final SourceConfig config;
    private final ClientPki pki;
    private final List<TagBinding> bindings;
    private final SampleBatchListener sink;
    private final ConnectionListener connectionListener;
    private final CommunicationListener communicationListener;
    private final ConditionEventListener eventListener;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final ExecutorService notifier;
    private volatile Connection connection;
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile String stateDetail = "not started";
    private volatile AcquisitionException lastError;
    private volatile boolean closed;
    private volatile boolean communicationLost;
    private final java.util.concurrent.atomic.AtomicBoolean staleMarked = new java.util.concurrent.atomic.AtomicBoolean();
    private long backoffMillis = FIRST_BACKOFF_MS;
    private long outageStartNanos;
    private int attempt;
    private int generation;

    /** One live session with its subscriptions. */
    private record Connection(int generation, OpcUaClient client, List<OpcUaSubscription> subscriptions,
                              OpcUaSubscription events) {
    }

    /** The original single-group, anonymous, unsecured source (kept for the app's existing wiring). */
    public OpcUaSource(String endpointUrl, List<TagBinding> bindings, SampleBatchListener sink,
                       ConnectionListener connectionListener, Clock clock, double samplingMillis) {
        this(SourceConfig.simple(endpointUrl, endpointUrl, bindings, samplingMillis), null, sink, connectionListener,
                null, null, clock);
    }

    /**
     * @param config                what to connect to and what to subscribe
     * @param pki                   Vigil's PKI; required for a secured endpoint, may be null for SecurityPolicy None
     * @param sink                  receives sample batches (enqueue only)
     * @param connectionListener    state changes (may be null)
     * @param communicationListener communication lost / restored (may be null)
     * @param eventListener         A&amp;C events (may be null; used when {@code config.events()})
     * @param clock                 time for samples without a source timestamp and for STALE samples
     */
    public OpcUaSource(SourceConfig config, ClientPki pki, SampleBatchListener sink,
                       ConnectionListener connectionListener, CommunicationListener communicationListener,
                       ConditionEventListener eventListener, Clock clock) {
        this.config = Objects.requireNonNull(config);
        this.pki = pki;
        this.bindings = config.bindings();
        this.sink = Objects.requireNonNull(sink);
        this.connectionListener = connectionListener;
        this.communicationListener = communicationListener;
        this.eventListener = eventListener;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "opcua-source " + config.id()));
        this.notifier = Executors.newSingleThreadExecutor(r -> daemon(r, "opcua-notify " + config.id()));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Starts connecting in the background; progress is reported to the listeners. */
    public void start() {
        onWorker(this::connect);
    }

    // hand-overs that never throw on a Milo thread, also while closing
    private void onWorker(Runnable r) {
        try {
            worker.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    private void onNotifier(Runnable r) {
        try {
            notifier.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    private void later(Runnable r, long millis) {
        try {
            worker.schedule(r, millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    public ConnectionState state() {
        return state;
    }

    /** The latest state detail, e.g. the reason of the last failed attempt and when the next one is. */
    public String stateDetail() {
        return stateDetail;
    }

    /** The reason of the last failed attempt, or null. */
    public AcquisitionException lastError() {
        return lastError;
    }

    public String endpointUrl() {
        return config.endpointUrl();
    }

    public String id() {
        return config.id();
    }

    public SourceConfig config() {
        return config;
    }

    // ------------------------------------------------------------------ connecting

    private void connect() {
        if (closed) {
            return;
        }
        attempt++;
        setState(state == ConnectionState.DISCONNECTED ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING,
                "connecting to " + config.endpointUrl() + " (" + config.security() + ", " + config.identity()
                        + "), attempt " + attempt);
        OpcUaClient c = null;
        try {
            c = Connector.connect(config.endpointUrl(), config.security(), config.identity(), pki,
                    config.keepAliveMillis());
            int gen = ++generation;
            List<OpcUaSubscription> subs = new ArrayList<>();
            for (SubscriptionGroup g : config.groups()) {
                if (!g.bindings().isEmpty()) {
                    subs.add(subscribe(c, g));
                }
            }
            OpcUaSubscription ev = config.events() ? subscribeEvents(c) : null;
            Connection conn = new Connection(gen, c, List.copyOf(subs), ev);
            connection = conn;
            final OpcUaClient client = c;
            c.addSessionActivityListener(new SessionActivityListener() {
                @Override
                public void onSessionInactive(UaSession session) {
                    lost(gen, "session to " + config.endpointUrl() + " lost");
                }
            });
            if (!client.getSessionAsync().isDone() || client.getSessionAsync().isCompletedExceptionally()) {
                lost(gen, "session to " + config.endpointUrl() + " lost while subscribing");
                return;
            }
            if (ev != null) {
                refresh(conn);
            }
            LOG.info("source {}: connected to {} ({}, {}), {} subscription(s), {} item(s)", config.id(),
                    config.endpointUrl(), config.security(), config.identity(), subs.size(), monitoredItemCount());
            backoffMillis = FIRST_BACKOFF_MS;
            attempt = 0;
            lastError = null;
            staleMarked.set(false);
            setState(ConnectionState.CONNECTED, "connected to " + config.endpointUrl());
            if (communicationLost) {
                communicationLost = false;
                notifyRestored();
            }
        } catch (Exception e) {
            AcquisitionException ae = e instanceof AcquisitionException a ? a
                    : AcquisitionException.connecting(config.endpointUrl(), e);
            lastError = ae;
            if (c != null) {
                c.disconnectAsync();
            }
            connection = null;
            retryLater(ae.getMessage(), ae.reason().isTransient());
        }
    }

    private void retryLater(String reason, boolean transientFailure) {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        if (outageStartNanos == 0) {
            outageStartNanos = now;
        }
        long delay = backoffMillis;
        String detail = "attempt " + attempt + " failed: " + reason + "; retrying in " + delay / 1000.0 + " s";
        LOG.warn("source {}: {}", config.id(), detail);
        markAllStale();
        setState(transientFailure ? ConnectionState.RECONNECTING : ConnectionState.FAILED, detail);
        if (!communicationLost) {
            communicationLost = true;
            notifyLost(reason);
        }
        later(this::connect, delay);
        boolean fast = transientFailure && now - outageStartNanos < TimeUnit.MILLISECONDS.toNanos(FAST_PHASE_MS);
        backoffMillis = Math.min(backoffMillis * 2, fast ? FAST_PHASE_MAX_MS : MAX_BACKOFF_MS);
    }

    /** Called on a Milo thread: only hands over. */
    private void lost(int gen, String reason) {
        if (closed) {
            return;
        }
        onNotifier(() -> {
            Connection c = connection;
            if (c == null || c.generation() != gen) {
                return;
            }
            markAllStale(); // every tag STALE at once, before anything else
        });
        onWorker(() -> {
            Connection c = connection;
            if (closed || c == null || c.generation() != gen) {
                return;
            }
            connection = null;
            c.client().disconnectAsync(); // stops Milo's own reconnect of this client; a fresh session replaces it
            outageStartNanos = System.nanoTime();
            backoffMillis = FIRST_BACKOFF_MS;
            lastError = new AcquisitionException(AcquisitionException.Reason.ENDPOINT_UNREACHABLE, reason);
            LOG.warn("source {}: {}; every tag is STALE; reconnecting", config.id(), reason);
            retryLater(reason, true);
        });
    }

    private OpcUaSubscription subscribe(OpcUaClient c, SubscriptionGroup g) throws Exception {
        OpcUaSubscription s = new OpcUaSubscription(c, g.publishingMillis());
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        DataChangeFilter filter = switch (g.deadband().type()) {
            case NONE -> null;
            case ABSOLUTE -> new DataChangeFilter(DataChangeTrigger.StatusValue,
                    UInteger.valueOf(DeadbandType.Absolute.getValue()), g.deadband().value());
            case PERCENT -> new DataChangeFilter(DataChangeTrigger.StatusValue,
                    UInteger.valueOf(DeadbandType.Percent.getValue()), g.deadband().value());
        };
        List<TagBinding> unresolved = new ArrayList<>();
        for (TagBinding b : g.bindings()) {
            OpcUaMonitoredItem item;
            try {
                item = OpcUaMonitoredItem.newDataItem(Nodes.resolve(c, b.nodeId()));
            } catch (AcquisitionException e) {
                LOG.warn("source {}: tag {}: {}", config.id(), b.tag(), e.getMessage());
                unresolved.add(b);
                continue;
            }
            item.setSamplingInterval(g.samplingMillis());
            item.setQueueSize(UInteger.valueOf(g.queueSize()));
            item.setDiscardOldest(true);
            item.setFilter(filter);
            item.setUserObject(b.tag());
            items.add(item);
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
                onWorker(() -> recreate(sub));
            }
        });
        s.create();
        s.addMonitoredItems(items);
        try {
            s.synchronizeMonitoredItems();
        } catch (Exception e) {
            // individual item failures are reported below; the subscription stays
            LOG.debug("source {}: synchronizing items: {}", config.id(), e.getMessage());
        }
        List<Sample> bad = new ArrayList<>();
        for (OpcUaMonitoredItem item : items) {
            StatusCode sc = item.getCreateResult().orElse(StatusCode.GOOD);
            if (sc.isBad()) {
                String tag = (String) item.getUserObject().orElseThrow();
                LOG.warn("source {}: tag {}: cannot monitor {}: {} (check the node id in the tag list)", config.id(), tag,
                        item.getReadValueId().getNodeId().toParseableString(), AcquisitionException.statusName(sc.getValue()));
                bad.add(new Sample(tag, clock.millis(), Double.NaN, Quality.BAD));
            }
        }
        for (TagBinding b : unresolved) {
            bad.add(new Sample(b.tag(), clock.millis(), Double.NaN, Quality.BAD));
        }
        if (!bad.isEmpty()) {
            sink.onBatch(bad);
        }
        return s;
    }

    private OpcUaSubscription subscribeEvents(OpcUaClient c) throws Exception {
        OpcUaSubscription s = new OpcUaSubscription(c, 250.0);
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newEventItem(NodeIds.Server, Conditions.eventFilter());
        item.setQueueSize(UInteger.valueOf(1000));
        item.setDiscardOldest(false);
        s.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            private volatile boolean refreshing;

            @Override
            public void onEventReceived(OpcUaSubscription sub, List<OpcUaMonitoredItem> its, List<Variant[]> fields) {
                List<ConditionEvent> batch = new ArrayList<>(fields.size());
                for (Variant[] f : fields) {
                    switch (Conditions.kind(f)) {
                        case REFRESH_START -> refreshing = true;
                        case REFRESH_END -> refreshing = false;
                        default -> batch.add(Conditions.decode(config.id(), f, refreshing));
                    }
                }
                if (!batch.isEmpty() && eventListener != null) {
                    onNotifier(() -> eventListener.onEvents(batch));
                }
            }

            @Override
            public void onTransferFailed(OpcUaSubscription sub, StatusCode status) {
                onWorker(() -> recreate(sub));
            }
        });
        s.create();
        s.addMonitoredItem(item);
        s.synchronizeMonitoredItems();
        StatusCode sc = item.getCreateResult().orElse(StatusCode.GOOD);
        if (sc.isBad()) {
            LOG.warn("source {}: the server refused the event subscription ({}); no server alarms from it", config.id(),
                    AcquisitionException.statusName(sc.getValue()));
        }
        return s;
    }

    private void refresh(Connection conn) {
        OpcUaSubscription ev = conn.events();
        if (ev == null) {
            return;
        }
        ev.getSubscriptionId().ifPresent(id -> {
            StatusCode sc = Conditions.conditionRefresh(conn.client(), id);
            if (sc.isBad()) {
                LOG.warn("source {}: ConditionRefresh failed: {}", config.id(), AcquisitionException.statusName(sc.getValue()));
            }
        });
    }

    private void recreate(OpcUaSubscription sub) {
        Connection c = connection;
        if (closed || c == null || sub.getClient() != c.client()) {
            return;
        }
        try {
            sub.create();
            sub.synchronizeMonitoredItems();
            LOG.info("source {}: subscription re-created", config.id());
            if (sub == c.events()) {
                refresh(c);
            }
        } catch (Exception e) {
            LOG.warn("source {}: re-creating a subscription failed: {}; retrying", config.id(), e.getMessage());
            later(() -> recreate(sub), 2000);
        }
    }

    /** Every bound tag becomes STALE at once: the last value stays for context, never shown as good. */
    private void markAllStale() {
        if (bindings.isEmpty() || !staleMarked.compareAndSet(false, true)) {
            return;
        }
        long now = clock.millis();
        List<Sample> batch = new ArrayList<>(bindings.size());
        for (TagBinding b : bindings) {
            batch.add(new Sample(b.tag(), now, Double.NaN, Quality.STALE));
        }
        sink.onBatch(batch);
    }

    private void setState(ConnectionState s, String detail) {
        state = s;
        stateDetail = detail;
        if (connectionListener != null) {
            onNotifier(() -> connectionListener.onState(config.endpointUrl(), s, detail));
        }
    }

    private void notifyLost(String reason) {
        if (communicationListener != null) {
            onNotifier(() -> communicationListener.onCommunicationLost(config.id(), reason));
        }
    }

    private void notifyRestored() {
        if (communicationListener != null) {
            onNotifier(() -> communicationListener.onCommunicationRestored(config.id()));
        }
    }

    // ------------------------------------------------------------------ operations on the live session

    private OpcUaClient requireClient() {
        Connection c = connection;
        if (c == null) {
            throw new AcquisitionException(AcquisitionException.Reason.ENDPOINT_UNREACHABLE, "source " + config.id()
                    + " is not connected (" + state + ": " + stateDetail + "); try again when it is connected");
        }
        return c.client();
    }

    /**
     * Acknowledges a server condition (OPC UA Acknowledge). Blocking; returns the status of the call, e.g.
     * {@code Good}, {@code Bad_ConditionBranchAlreadyAcked}, {@code Bad_EventIdUnknown}.
     */
    public StatusCode acknowledge(String conditionId, String eventId, String comment) {
        return Conditions.acknowledge(requireClient(), conditionId, eventId, comment);
    }

    /** Confirms a server condition (OPC UA Confirm, e.g. by the shift leader). */
    public StatusCode confirm(String conditionId, String eventId, String comment) {
        return Conditions.confirm(requireClient(), conditionId, eventId, comment);
    }

    /** Adds a comment to a server condition. */
    public StatusCode addComment(String conditionId, String eventId, String comment) {
        return Conditions.addComment(requireClient(), conditionId, eventId, comment);
    }

    /** Asks the server for the state of every retained condition again. */
    public void conditionRefresh() {
        Connection c = connection;
        if (c != null) {
            refresh(c);
        }
    }

    /** Typed write with read-back confirmation. */
    public WriteResult write(String nodeId, Object value) {
        return new ValueWriter(requireClient()).write(nodeId, value);
    }

    /** Browsing on the live session. */
    public Browser browser() {
        return new Browser(requireClient());
    }

    /** Monitored data items in this source's current subscriptions (0 when disconnected). */
    public int monitoredItemCount() {
        Connection c = connection;
        return c == null ? 0 : c.subscriptions().stream().mapToInt(s -> s.getMonitoredItems().size()).sum();
    }

    /** Subscriptions the current client holds (data groups + events). */
    public int subscriptionCount() {
        Connection c = connection;
        return c == null ? 0 : c.client().getSubscriptions().size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        worker.shutdownNow();
        Connection c = connection;
        connection = null;
        if (c != null) {
            for (OpcUaSubscription s : c.client().getSubscriptions()) {
                try {
                    s.deleteAsync().toCompletableFuture().get(2, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // the session may already be gone
                }
            }
            try {
                c.client().disconnectAsync().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        state = ConnectionState.DISCONNECTED;
        stateDetail = "closed";
        if (connectionListener != null) {
            try {
                connectionListener.onState(config.endpointUrl(), ConnectionState.DISCONNECTED, "closed");
            } catch (RuntimeException e) {
                LOG.warn("connection listener failed: {}", e.toString());
            }
        }
        notifier.shutdown();
    }
}
