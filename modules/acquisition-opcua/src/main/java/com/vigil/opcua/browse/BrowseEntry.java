package com.vigil.opcua.browse;

/**
 * One child node found by browsing.
 *
 * @param nodeId      node id text, usable in {@code read}, {@code watch} and tag lists
 * @param browseName  browse name with namespace index, e.g. {@code 2:Level}
 * @param displayName display name
 * @param nodeClass   Object, Variable, Method, ...
 * @param typeDefinition node id text of the type definition (e.g. {@code i=63} BaseDataVariableType)
 */
public record BrowseEntry(String nodeId, String browseName, String displayName, String nodeClass,
                          String typeDefinition) {
    public boolean isVariable() {
        return "Variable".equals(nodeClass);
    }
}
