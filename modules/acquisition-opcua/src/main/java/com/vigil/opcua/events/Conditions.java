package com.vigil.opcua.events;

import com.vigil.opcua.AcquisitionException;
import com.vigil.opcua.Nodes;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePath;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePathResult;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePath;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePathElement;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ContentFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.EventFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.SimpleAttributeOperand;

/**
 * The EventFilter Vigil subscribes with, decoding of the selected fields, and the condition methods
 * (ConditionRefresh, Acknowledge, Confirm, AddComment).
 */
public final class Conditions {
    private static final int EVENT_ID = 0;
    private static final int EVENT_TYPE = 1;
    private static final int SOURCE_NAME = 2;
    private static final int TIME = 3;
    private static final int MESSAGE = 4;
    private static final int SEVERITY = 5;
    private static final int CONDITION_ID = 6;
    private static final int CONDITION_NAME = 7;
    private static final int RETAIN = 8;
    private static final int ACTIVE = 9;
    private static final int ACKED = 10;
    private static final int CONFIRMED = 11;
    private static final int SOURCE_NODE = 12;

    private Conditions() {
    }

    /** EventId, EventType, SourceName, Time, Message, Severity, ConditionId, ConditionName, Retain, ActiveState/Id, AckedState/Id, ConfirmedState/Id, SourceNode. */
    public static EventFilter eventFilter() {
        return new EventFilter(new SimpleAttributeOperand[] {
            field(NodeIds.BaseEventType, "EventId"),
            field(NodeIds.BaseEventType, "EventType"),
            field(NodeIds.BaseEventType, "SourceName"),
            field(NodeIds.BaseEventType, "Time"),
            field(NodeIds.BaseEventType, "Message"),
            field(NodeIds.BaseEventType, "Severity"),
            new SimpleAttributeOperand(NodeIds.ConditionType, new QualifiedName[0], AttributeId.NodeId.uid(), null),
            field(NodeIds.ConditionType, "ConditionName"),
            field(NodeIds.ConditionType, "Retain"),
            field(NodeIds.AlarmConditionType, "ActiveState", "Id"),
            field(NodeIds.AcknowledgeableConditionType, "AckedState", "Id"),
            field(NodeIds.AcknowledgeableConditionType, "ConfirmedState", "Id"),
            field(NodeIds.BaseEventType, "SourceNode"),
        }, new ContentFilter(null));
    }

    private static SimpleAttributeOperand field(NodeId type, String... path) {
        QualifiedName[] qn = new QualifiedName[path.length];
        for (int i = 0; i < path.length; i++) {
            qn[i] = new QualifiedName(0, path[i]);
        }
        return new SimpleAttributeOperand(type, qn, AttributeId.Value.uid(), null);
    }

    /** Kind of a decoded notification. */
    public enum Kind { CONDITION, REFRESH_START, REFRESH_END, OTHER }

    public static Kind kind(Variant[] f) {
        Object type = value(f, EVENT_TYPE);
        if (NodeIds.RefreshStartEventType.equals(type)) {
            return Kind.REFRESH_START;
        }
        if (NodeIds.RefreshEndEventType.equals(type)) {
            return Kind.REFRESH_END;
        }
        return value(f, CONDITION_ID) instanceof NodeId n && !n.isNull() ? Kind.CONDITION : Kind.OTHER;
    }

    /** Decodes the fields selected by {@link #eventFilter()}. */
    public static ConditionEvent decode(String sourceId, Variant[] f, boolean refresh) {
        Object eventId = value(f, EVENT_ID);
        Object time = value(f, TIME);
        Object sev = value(f, SEVERITY);
        return new ConditionEvent(sourceId,
                eventId instanceof ByteString b ? HexFormat.of().formatHex(b.bytesOrEmpty()) : "",
                value(f, EVENT_TYPE) instanceof NodeId n ? Nodes.text(n) : "",
                str(value(f, SOURCE_NAME)),
                value(f, SOURCE_NODE) instanceof NodeId sn && !sn.isNull() ? Nodes.text(sn) : "",
                time instanceof DateTime dt && !dt.isNull() ? dt.getJavaInstant() : Instant.EPOCH,
                str(value(f, MESSAGE)),
                sev instanceof Number num ? num.intValue() : 0,
                value(f, CONDITION_ID) instanceof NodeId c && !c.isNull() ? Nodes.text(c) : "",
                str(value(f, CONDITION_NAME)),
                value(f, ACTIVE) instanceof Boolean a ? a : null,
                value(f, ACKED) instanceof Boolean a ? a : null,
                value(f, CONFIRMED) instanceof Boolean a ? a : null,
                Boolean.TRUE.equals(value(f, RETAIN)),
                refresh);
    }

    private static Object value(Variant[] f, int i) {
        return f != null && i < f.length && f[i] != null ? f[i].getValue() : null;
    }

    private static String str(Object o) {
        if (o instanceof LocalizedText lt) {
            return lt.getText() == null ? "" : lt.getText();
        }
        return o == null ? "" : o.toString();
    }

    /** Asks the server to re-send the state of every retained condition to {@code subscriptionId}. */
    public static StatusCode conditionRefresh(OpcUaClient client, UInteger subscriptionId) {
        return call(client, NodeIds.ConditionType, NodeIds.ConditionType_ConditionRefresh,
                new Variant[] {new Variant(subscriptionId)});
    }

    /** Acknowledge (operator) on the server. Returns the status of the call. */
    public static StatusCode acknowledge(OpcUaClient client, String conditionId, String eventIdHex, String comment) {
        return conditionMethod(client, conditionId, NodeIds.AcknowledgeableConditionType_Acknowledge, eventIdHex, comment);
    }

    /** Confirm (supervisor) on the server. */
    public static StatusCode confirm(OpcUaClient client, String conditionId, String eventIdHex, String comment) {
        return conditionMethod(client, conditionId, NodeIds.AcknowledgeableConditionType_Confirm, eventIdHex, comment);
    }

    /** AddComment on the server. */
    public static StatusCode addComment(OpcUaClient client, String conditionId, String eventIdHex, String comment) {
        return conditionMethod(client, conditionId, NodeIds.ConditionType_AddComment, eventIdHex, comment);
    }

    private static StatusCode conditionMethod(OpcUaClient client, String conditionId, NodeId method, String eventIdHex,
                                              String comment) {
        NodeId cond = Nodes.resolve(client, conditionId);
        ByteString eventId;
        try {
            eventId = ByteString.of(HexFormat.of().parseHex(eventIdHex == null ? "" : eventIdHex));
        } catch (IllegalArgumentException e) {
            return new StatusCode(StatusCodes.Bad_EventIdUnknown);
        }
        return call(client, cond, instanceMethod(client, cond, method), new Variant[] {new Variant(eventId),
            new Variant(LocalizedText.english(comment == null ? "" : comment))});
    }

    /**
     * The condition's own method node (e.g. {@code <condition>/Acknowledge}) when the server exposes it;
     * otherwise the type's method id, which Part 9 says servers must accept with the ConditionId.
     */
    static NodeId instanceMethod(OpcUaClient client, NodeId condition, NodeId typeMethod) {
        String name = typeMethod.equals(NodeIds.AcknowledgeableConditionType_Acknowledge) ? "Acknowledge"
                : typeMethod.equals(NodeIds.AcknowledgeableConditionType_Confirm) ? "Confirm" : "AddComment";
        try {
            BrowsePath path = new BrowsePath(condition, new RelativePath(new RelativePathElement[] {
                new RelativePathElement(NodeIds.HasComponent, false, true, new QualifiedName(0, name))}));
            BrowsePathResult r = client.translateBrowsePaths(List.of(path)).getResults()[0];
            if (r.getStatusCode().isGood() && r.getTargets() != null && r.getTargets().length > 0) {
                return r.getTargets()[0].getTargetId().toNodeId(client.getNamespaceTable()).orElse(typeMethod);
            }
        } catch (Exception e) {
            // fall back to the type's method
        }
        return typeMethod;
    }

    private static StatusCode call(OpcUaClient client, NodeId object, NodeId method, Variant[] args) {
        try {
            CallMethodResult r = client.call(List.of(new CallMethodRequest(object, method, args))).getResults()[0];
            return r.getStatusCode();
        } catch (Exception e) {
            org.eclipse.milo.opcua.stack.core.UaException ua = e instanceof org.eclipse.milo.opcua.stack.core.UaException u
                    ? u : null;
            return ua != null ? ua.getStatusCode() : new StatusCode(StatusCodes.Bad_CommunicationError);
        }
    }
}
