package com.vigil.opcua;

import com.vigil.model.ConnectionState;

/** Told about every change of a source's connection state, with a human-readable detail. */
@FunctionalInterface
public interface ConnectionListener {
    void onState(String endpointUrl, ConnectionState state, String detail);
}
