package com.vigil.opcua;

/**
 * Maps one OPC UA variable to one plant tag.
 *
 * @param tag    plant tag id
 * @param nodeId OPC UA node id in the standard string form, e.g. {@code ns=2;s=RX.R201.TT} or
 *               {@code nsu=urn:vigil:demo-plant;s=RX.R201.TT}
 */
public record TagBinding(String tag, String nodeId) {
}
