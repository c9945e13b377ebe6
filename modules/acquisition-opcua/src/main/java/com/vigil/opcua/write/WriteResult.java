package com.vigil.opcua.write;

/**
 * What happened to a write: for the audit trail and the operator.
 *
 * @param nodeId     node id text
 * @param ok         written and read back equal to what was asked
 * @param status     status code name of the write (e.g. {@code Good}, {@code Bad_UserAccessDenied})
 * @param requested  the value asked for, converted to the node's data type (null when conversion failed)
 * @param readBack   the value read back after the write (null when not read)
 * @param message    human-readable outcome
 */
public record WriteResult(String nodeId, boolean ok, String status, Object requested, Object readBack,
                          String message) {
}
