package com.vigil.opcua.write;

import com.vigil.opcua.AcquisitionException;
import com.vigil.opcua.Nodes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;

/**
 * Typed writes: reads the node's DataType first, converts the requested value to it (a value that
 * does not fit is refused before anything is sent), writes, and reads back to confirm.
 */
public final class ValueWriter {
    private final OpcUaClient client;

    public ValueWriter(OpcUaClient client) {
        this.client = client;
    }

    /**
     * Writes {@code value} (a Number, Boolean or String) to {@code nodeId}. Never throws for a server-side
     * refusal (the result says it); throws {@link AcquisitionException} for an unknown node or a value
     * that cannot be converted.
     */
    public WriteResult write(String nodeId, Object value) {
        NodeId id = Nodes.resolve(client, nodeId);
        OpcUaDataType type = dataType(nodeId, id);
        Object converted = convert(nodeId, type, value);
        StatusCode sc;
        try {
            sc = client.writeValues(List.of(id), List.of(DataValue.valueOnly(new Variant(converted)))).get(0);
        } catch (Exception e) {
            return new WriteResult(Nodes.text(id), false, "Bad_CommunicationError", converted, null,
                    "write to " + nodeId + " failed: " + e.getMessage() + "; check the connection and retry");
        }
        String status = AcquisitionException.statusName(sc.getValue());
        if (!sc.isGood()) {
            return new WriteResult(Nodes.text(id), false, status, converted, null, "the server refused the write to "
                    + nodeId + " (" + status + ")" + hint(status));
        }
        Object back;
        try {
            DataValue dv = client.readValue(0, TimestampsToReturn.Both, id);
            back = dv.getValue().getValue();
        } catch (Exception e) {
            return new WriteResult(Nodes.text(id), false, status, converted, null,
                    "written, but reading back " + nodeId + " failed: " + e.getMessage());
        }
        boolean same = Objects.equals(back, converted);
        return new WriteResult(Nodes.text(id), same, status, converted, back, same
                ? "written " + converted + " to " + nodeId + " and read back"
                : "written " + converted + " to " + nodeId + " but read back " + back
                        + " (the server or the process changed it)");
    }

    private static String hint(String status) {
        return switch (status) {
            case "Bad_UserAccessDenied", "Bad_NotWritable" -> ": the node is read-only for this user";
            case "Bad_TypeMismatch" -> ": the server expects another data type";
            case "Bad_OutOfRange" -> ": the value is outside the allowed range";
            default -> "";
        };
    }

    private OpcUaDataType dataType(String text, NodeId id) {
        DataValue[] r;
        try {
            r = client.read(0, TimestampsToReturn.Neither, List.of(
                    new ReadValueId(id, AttributeId.DataType.uid(), null, QualifiedName.NULL_VALUE),
                    new ReadValueId(id, AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE))).getResults();
        } catch (Exception e) {
            throw new AcquisitionException(AcquisitionException.Reason.OTHER, "cannot read the data type of " + text
                    + ": " + e.getMessage(), 0, e);
        }
        StatusCode sc = r[0].getStatusCode();
        if (sc != null && sc.isBad()) {
            throw new AcquisitionException(AcquisitionException.Reason.UNKNOWN_NODE, "node '" + text
                    + "' is unknown or not a variable (" + AcquisitionException.statusName(sc.getValue())
                    + "); browse the server to find the right node id", sc.getValue(), null);
        }
        if (r[0].getValue().getValue() instanceof NodeId dt && OpcUaDataType.isBuiltin(dt)) {
            return OpcUaDataType.fromNodeId(dt);
        }
        // a subtype (e.g. Duration, an enumeration): use the built-in type of the current value
        Object current = r[1].getValue().getValue();
        if (current != null && OpcUaDataType.isBuiltin(current.getClass())) {
            return OpcUaDataType.fromBackingClass(current.getClass());
        }
        throw new AcquisitionException(AcquisitionException.Reason.TYPE_MISMATCH, "node '" + text + "' has data type "
                + r[0].getValue().getValue() + ", which Vigil cannot write");
    }

    /** Converts a Number/Boolean/String to the Java type Milo uses for {@code type}; refuses what does not fit. */
    public static Object convert(String nodeId, OpcUaDataType type, Object value) {
        try {
            return switch (type) {
                case Boolean -> toBoolean(value);
                case SByte -> (byte) integer(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
                case Int16 -> (short) integer(value, Short.MIN_VALUE, Short.MAX_VALUE);
                case Int32 -> (int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
                case Int64 -> integer(value, Long.MIN_VALUE, Long.MAX_VALUE);
                case Byte -> UByte.valueOf(integer(value, 0, 255));
                case UInt16 -> UShort.valueOf((int) integer(value, 0, 65535));
                case UInt32 -> UInteger.valueOf(integer(value, 0, 4294967295L));
                case UInt64 -> ULong.valueOf(new BigDecimal(value.toString().trim()).toBigIntegerExact());
                case Float -> {
                    double d = number(value);
                    if (!Double.isNaN(d) && Math.abs(d) > Float.MAX_VALUE) {
                        throw new IllegalArgumentException("out of range for Float");
                    }
                    yield (float) d;
                }
                case Double -> number(value);
                case String -> value.toString();
                default -> throw new IllegalArgumentException("data type " + type + " is not writable by Vigil");
            };
        } catch (RuntimeException e) {
            throw new AcquisitionException(AcquisitionException.Reason.TYPE_MISMATCH, "cannot write '" + value + "' to "
                    + nodeId + ": the node's data type is " + type + " (" + e.getMessage() + "); give a value of that type",
                    0, e);
        }
    }

    private static boolean toBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "1", "on" -> true;
            case "false", "0", "off" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean) {
            throw new IllegalArgumentException("a boolean is not a number");
        }
        return Double.parseDouble(v.toString().trim());
    }

    private static long integer(Object v, long min, long max) {
        BigDecimal d;
        if (v instanceof Boolean) {
            throw new IllegalArgumentException("a boolean is not an integer");
        }
        d = new BigDecimal(v.toString().trim());
        long l;
        try {
            l = d.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not an integer or out of range");
        }
        if (l < min || l > max) {
            throw new IllegalArgumentException(l + " is out of range [" + min + ", " + max + "]");
        }
        return l;
    }
}
