package com.vigil.opcua;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to acquire from one OPC UA server.
 *
 * @param id               source id (unique in the {@link SourceManager}; used in communication alarms)
 * @param endpointUrl      {@code opc.tcp://host:port/path}
 * @param security         security mode and policy
 * @param identity         anonymous or user/password
 * @param groups           subscription groups (may be empty, e.g. for an events-only source)
 * @param events           subscribe to Alarms &amp; Conditions events on the Server object
 * @param keepAliveMillis  keep-alive period: a silent loss is detected within this time (the session is probed
 *                         every half period, each probe times out after half a period); a closed connection at once
 */
public record SourceConfig(String id, String endpointUrl, SecurityConfig security, Identity identity,
                           List<SubscriptionGroup> groups, boolean events, long keepAliveMillis) {
    public SourceConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        security = security == null ? SecurityConfig.NONE : security;
        identity = identity == null ? Identity.ANONYMOUS : identity;
        groups = List.copyOf(groups);
        if (keepAliveMillis <= 0) {
            keepAliveMillis = 2000;
        }
    }

    public static SourceConfig simple(String id, String endpointUrl, List<TagBinding> bindings, double samplingMillis) {
        return new SourceConfig(id, endpointUrl, SecurityConfig.NONE, Identity.ANONYMOUS,
                List.of(SubscriptionGroup.of(bindings, samplingMillis)), false, 2000);
    }

    public SourceConfig withSecurity(SecurityConfig s) {
        return new SourceConfig(id, endpointUrl, s, identity, groups, events, keepAliveMillis);
    }

    public SourceConfig withIdentity(Identity i) {
        return new SourceConfig(id, endpointUrl, security, i, groups, events, keepAliveMillis);
    }

    public SourceConfig withEvents(boolean e) {
        return new SourceConfig(id, endpointUrl, security, identity, groups, e, keepAliveMillis);
    }

    public SourceConfig withKeepAlive(long millis) {
        return new SourceConfig(id, endpointUrl, security, identity, groups, events, millis);
    }

    /** Every tag binding of every group. */
    public List<TagBinding> bindings() {
        List<TagBinding> all = new ArrayList<>();
        groups.forEach(g -> all.addAll(g.bindings()));
        return all;
    }
}
