package com.vigil.opcua.browse;

/**
 * What Vigil needs to map a variable to a plant tag, read from the server.
 *
 * @param nodeId      node id text
 * @param displayName display name
 * @param description description (may be empty)
 * @param dataType    built-in data type name (Double, Float, Int32, Boolean, ...) or the type's node id
 * @param unit        engineering unit display name from EngineeringUnits (empty when none)
 * @param engLow      EURange low, NaN when none
 * @param engHigh     EURange high, NaN when none
 * @param writable    the current user may write the value
 */
public record VariableInfo(String nodeId, String displayName, String description, String dataType, String unit,
                           double engLow, double engHigh, boolean writable) {
}
