package com.vigil.model;

/** State of the link to one data source (an OPC UA server). */
public enum ConnectionState {
    CONNECTING,
    CONNECTED,
    /** Lost; reconnecting with back-off. Every tag of the source is STALE meanwhile. */
    RECONNECTING,
    DISCONNECTED,
    FAILED
}
