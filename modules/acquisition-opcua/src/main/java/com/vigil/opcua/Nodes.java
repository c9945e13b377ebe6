package com.vigil.opcua;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/** Node id text ({@code ns=2;s=X}, {@code nsu=urn:...;s=X}, {@code i=2253}) to a node id of a session. */
public final class Nodes {
    private Nodes() {
    }

    public static NodeId resolve(OpcUaClient client, String text) {
        String t = text == null ? "" : text.trim();
        try {
            if (t.startsWith("nsu=")) {
                ExpandedNodeId x = ExpandedNodeId.parse(t);
                return x.toNodeId(client.getNamespaceTable()).orElseThrow(() -> new AcquisitionException(
                        AcquisitionException.Reason.UNKNOWN_NODE, "node id '" + text + "': the server has no namespace "
                        + x.getNamespaceUri() + "; browse the server to find the right node id"));
            }
            return NodeId.parse(t);
        } catch (AcquisitionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AcquisitionException(AcquisitionException.Reason.UNKNOWN_NODE, "'" + text
                    + "' is not a node id: write it like ns=2;s=Tank.Level, ns=3;i=1001 or i=2253", 0, e);
        }
    }

    /** Standard text form of a node id ({@code ns=2;s=X}). */
    public static String text(NodeId id) {
        return id.toParseableString();
    }
}
