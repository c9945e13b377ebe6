package com.vigil.opcua.browse;

import com.vigil.opcua.AcquisitionException;
import com.vigil.opcua.Nodes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.BrowseHelper;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

/** Browses a server's address space one level per call and reads what a tag mapping needs. */
public final class Browser {
    private final OpcUaClient client;

    public Browser(OpcUaClient client) {
        this.client = client;
    }

    /** Children of {@code nodeId} (null or empty: the Objects folder) by hierarchical references. */
    public List<BrowseEntry> browse(String nodeId) {
        NodeId start = nodeId == null || nodeId.isBlank() ? NodeIds.ObjectsFolder : Nodes.resolve(client, nodeId);
        BrowseDescription bd = new BrowseDescription(start, BrowseDirection.Forward, NodeIds.HierarchicalReferences,
                true, UInteger.valueOf(NodeClass.Object.getValue() | NodeClass.Variable.getValue()
                | NodeClass.Method.getValue()), UInteger.valueOf(BrowseResultMask.All.getValue()));
        List<ReferenceDescription> refs;
        try {
            refs = BrowseHelper.browse(client, bd, UInteger.valueOf(1000)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcquisitionException(AcquisitionException.Reason.OTHER, "browse interrupted");
        } catch (Exception e) {
            throw failure("browse", nodeId, e);
        }
        List<BrowseEntry> out = new ArrayList<>();
        for (ReferenceDescription r : refs) {
            String id = r.getNodeId().toNodeId(client.getNamespaceTable()).map(Nodes::text)
                    .orElse(r.getNodeId().toParseableString());
            QualifiedName bn = r.getBrowseName();
            out.add(new BrowseEntry(id, bn.getNamespaceIndex().intValue() + ":" + bn.getName(),
                    r.getDisplayName() == null ? "" : r.getDisplayName().getText(), r.getNodeClass().name(),
                    r.getTypeDefinition() == null ? "" : r.getTypeDefinition().toParseableString()));
        }
        return out;
    }

    /** Reads display name, description, data type, EngineeringUnits and EURange of a variable. */
    public VariableInfo variable(String nodeId) {
        NodeId id = Nodes.resolve(client, nodeId);
        List<ReadValueId> reads = List.of(
                new ReadValueId(id, AttributeId.NodeClass.uid(), null, QualifiedName.NULL_VALUE),
                new ReadValueId(id, AttributeId.DisplayName.uid(), null, QualifiedName.NULL_VALUE),
                new ReadValueId(id, AttributeId.Description.uid(), null, QualifiedName.NULL_VALUE),
                new ReadValueId(id, AttributeId.DataType.uid(), null, QualifiedName.NULL_VALUE),
                new ReadValueId(id, AttributeId.UserAccessLevel.uid(), null, QualifiedName.NULL_VALUE));
        DataValue[] v;
        try {
            v = client.read(0, TimestampsToReturn.Neither, reads).getResults();
        } catch (Exception e) {
            throw failure("read", nodeId, e);
        }
        if (v[0].getStatusCode() != null && v[0].getStatusCode().isBad()) {
            throw unknown(nodeId, v[0].getStatusCode().getValue());
        }
        String dataType = "";
        if (v[3].getValue().getValue() instanceof NodeId dt) {
            OpcUaDataType b = OpcUaDataType.isBuiltin(dt) ? OpcUaDataType.fromNodeId(dt) : null;
            dataType = b != null ? b.name() : dt.toParseableString();
        }
        boolean writable = v[4].getValue().getValue() instanceof UByte ual && (ual.intValue() & 0x02) != 0;
        String unit = "";
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (BrowseEntry p : properties(id)) {
            String name = p.browseName().substring(p.browseName().indexOf(':') + 1);
            if (name.equals("EngineeringUnits") || name.equals("EURange")) {
                Object o = readValue(p.nodeId());
                if (o instanceof ExtensionObject xo) {
                    try {
                        o = xo.decode(client.getStaticEncodingContext());
                    } catch (RuntimeException e) {
                        o = null;
                    }
                }
                if (o instanceof EUInformation eu) {
                    unit = eu.getDisplayName() != null && eu.getDisplayName().getText() != null
                            ? eu.getDisplayName().getText() : "";
                } else if (o instanceof Range r) {
                    lo = r.getLow();
                    hi = r.getHigh();
                }
            }
        }
        return new VariableInfo(Nodes.text(id), text(v[1]), text(v[2]), dataType, unit, lo, hi, writable);
    }

    private Object readValue(String nodeId) {
        try {
            return client.readValue(0, TimestampsToReturn.Neither, Nodes.resolve(client, nodeId)).getValue().getValue();
        } catch (Exception e) {
            return null;
        }
    }

    private List<BrowseEntry> properties(NodeId id) {
        BrowseDescription bd = new BrowseDescription(id, BrowseDirection.Forward, NodeIds.HasProperty, true,
                UInteger.valueOf(NodeClass.Variable.getValue()), UInteger.valueOf(BrowseResultMask.All.getValue()));
        try {
            List<BrowseEntry> out = new ArrayList<>();
            for (ReferenceDescription r : BrowseHelper.browse(client, bd, UInteger.valueOf(100)).get()) {
                r.getNodeId().toNodeId(client.getNamespaceTable()).ifPresent(n -> out.add(new BrowseEntry(Nodes.text(n),
                        r.getBrowseName().getNamespaceIndex().intValue() + ":" + r.getBrowseName().getName(), "",
                        "Variable", "")));
            }
            return out;
        } catch (Exception e) {
            return List.of();
        }
    }

    private static String text(DataValue dv) {
        return dv.getValue().getValue() instanceof LocalizedText lt && lt.getText() != null ? lt.getText() : "";
    }

    static AcquisitionException unknown(String nodeId, long sc) {
        return new AcquisitionException(AcquisitionException.Reason.UNKNOWN_NODE, "node '" + nodeId
                + "' does not exist on the server (" + AcquisitionException.statusName(sc)
                + "); browse the server to find the right node id", sc, null);
    }

    static AcquisitionException failure(String what, String nodeId, Exception e) {
        Throwable t = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof org.eclipse.milo.opcua.stack.core.UaException ua) {
            long sc = ua.getStatusCode().getValue();
            if (sc == StatusCodes.Bad_NodeIdUnknown || sc == StatusCodes.Bad_NodeIdInvalid) {
                return unknown(nodeId, sc);
            }
            return new AcquisitionException(AcquisitionException.Reason.OTHER, what + " of '" + nodeId + "' failed: "
                    + AcquisitionException.statusName(sc), sc, e);
        }
        return new AcquisitionException(AcquisitionException.Reason.OTHER, what + " of '" + nodeId + "' failed: " + t, 0, e);
    }
}
