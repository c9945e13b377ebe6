package com.vigil.opcua;

import com.vigil.model.ConnectionState;
import com.vigil.model.SampleBatchListener;
import com.vigil.opcua.events.ConditionEventListener;
import com.vigil.opcua.pki.ClientPki;
import com.vigil.opcua.pki.TrustStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * All OPC UA sources of a console, by id, sharing one PKI, one sample sink and one set of listeners.
 * Thread-safe.
 */
public final class SourceManager implements AutoCloseable {
    private final ClientPki pki;
    private final SampleBatchListener sink;
    private final ConnectionListener connectionListener;
    private final CommunicationListener communicationListener;
    private final ConditionEventListener eventListener;
    private final Clock clock;
    private final Map<String, OpcUaSource> sources = new LinkedHashMap<>();

    public SourceManager(ClientPki pki, SampleBatchListener sink, ConnectionListener connectionListener,
                         CommunicationListener communicationListener, ConditionEventListener eventListener, Clock clock) {
        this.pki = pki;
        this.sink = sink;
        this.connectionListener = connectionListener;
        this.communicationListener = communicationListener;
        this.eventListener = eventListener;
        this.clock = clock;
    }

    /** Adds and starts a source; a source with the same id is closed and replaced. */
    public synchronized OpcUaSource add(SourceConfig config) {
        OpcUaSource old = sources.remove(config.id());
        if (old != null) {
            old.close();
        }
        OpcUaSource s = new OpcUaSource(config, pki, sink, connectionListener, communicationListener, eventListener,
                clock);
        sources.put(config.id(), s);
        s.start();
        return s;
    }

    /** Stops and removes a source. */
    public synchronized boolean remove(String id) {
        OpcUaSource s = sources.remove(id);
        if (s != null) {
            s.close();
        }
        return s != null;
    }

    public synchronized Optional<OpcUaSource> get(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    public synchronized List<OpcUaSource> sources() {
        return List.copyOf(sources.values());
    }

    /** State of every source by id. */
    public synchronized Map<String, ConnectionState> states() {
        Map<String, ConnectionState> m = new LinkedHashMap<>();
        sources.forEach((id, s) -> m.put(id, s.state()));
        return m;
    }

    /** Acknowledges a condition on the server of source {@code sourceId}. */
    public StatusCode acknowledge(String sourceId, String conditionId, String eventId, String comment) {
        return require(sourceId).acknowledge(conditionId, eventId, comment);
    }

    public StatusCode confirm(String sourceId, String conditionId, String eventId, String comment) {
        return require(sourceId).confirm(conditionId, eventId, comment);
    }

    private OpcUaSource require(String id) {
        return get(id).orElseThrow(() -> new AcquisitionException(AcquisitionException.Reason.CONFIGURATION,
                "no OPC UA source '" + id + "'; configured: " + sources().stream().map(OpcUaSource::id).toList()));
    }

    public ClientPki pki() {
        return pki;
    }

    public TrustStore trustStore() {
        return pki.trustStore();
    }

    @Override
    public synchronized void close() {
        sources.values().forEach(OpcUaSource::close);
        sources.clear();
    }
}
