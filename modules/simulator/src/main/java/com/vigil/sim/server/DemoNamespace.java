package com.vigil.sim.server;

import com.vigil.model.Area;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.plantconfig.PlantDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.variables.AnalogItemType;
import org.eclipse.milo.opcua.sdk.server.model.variables.AnalogUnitType;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;

/**
 * The demo plant's address space: {@code Objects/VigilDemoPlant/<area>/<equipment>/<tag>}. Tag variables
 * have string node ids equal to the tag id, Float (analog) or Boolean (discrete) values, and the
 * EngineeringUnits and EURange properties of AnalogItemType.
 */
final class DemoNamespace extends ManagedNamespaceWithLifecycle {
    static final String NAMESPACE_URI = "urn:vigil:demo-plant";

    private final PlantDefinition plant;
    private final SubscriptionModel subscriptionModel;
    private final Map<String, UaVariableNode> variables = new LinkedHashMap<>();

    DemoNamespace(OpcUaServer server, PlantDefinition plant) {
        super(server, NAMESPACE_URI);
        this.plant = plant;
        this.subscriptionModel = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptionModel);
        getLifecycleManager().addStartupTask(this::createNodes);
    }

    private void createNodes() {
        NodeId rootId = newNodeId("VigilDemoPlant");
        UaFolderNode root = folder(rootId, "VigilDemoPlant", plant.plant().name());
        root.addReference(new Reference(root.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));

        for (Area area : plant.plant().areas()) {
            UaFolderNode areaFolder = folder(newNodeId("area/" + area.id()), area.id(), area.nameEn());
            root.addOrganizes(areaFolder);
            Map<String, UaFolderNode> equipment = new LinkedHashMap<>();
            List<TagDef> tags = plant.plant().tagsOf(area.id());
            for (TagDef tag : tags) {
                UaFolderNode parent = areaFolder;
                if (!tag.equipment().isEmpty()) {
                    parent = equipment.computeIfAbsent(tag.equipment(), eq -> {
                        UaFolderNode f = folder(newNodeId("equipment/" + area.id() + "/" + eq), eq, eq);
                        areaFolder.addOrganizes(f);
                        return f;
                    });
                }
                UaVariableNode v = variable(tag);
                parent.addOrganizes(v);
                variables.put(tag.id(), v);
            }
        }
    }

    private UaFolderNode folder(NodeId id, String browseName, String displayName) {
        UaFolderNode f = new UaFolderNode(getNodeContext(), id, newQualifiedName(browseName),
                LocalizedText.english(displayName));
        getNodeManager().addNode(f);
        return f;
    }

    private UaVariableNode variable(TagDef tag) {
        boolean analog = tag.kind() == TagKind.ANALOG;
        UaVariableNode node = UaVariableNode.builder(getNodeContext())
                .setNodeId(newNodeId(tag.id()))
                .setBrowseName(newQualifiedName(tag.id()))
                .setDisplayName(LocalizedText.english(tag.description().isEmpty() ? tag.id() : tag.description()))
                .setDescription(LocalizedText.english(tag.description()))
                .setDataType(analog ? NodeIds.Float : NodeIds.Boolean)
                .setTypeDefinition(analog ? NodeIds.AnalogItemType : NodeIds.BaseDataVariableType)
                .setAccessLevel(UByte.valueOf(1))
                .setUserAccessLevel(UByte.valueOf(1))
                .setMinimumSamplingInterval(100.0)
                .build();
        node.setValue(new DataValue(StatusCode.UNCERTAIN));
        getNodeManager().addNode(node);
        if (analog) {
            node.setProperty(AnalogItemType.EU_RANGE, new Range(tag.engLow(), tag.engHigh()));
            node.setProperty(AnalogUnitType.ENGINEERING_UNITS,
                    new EUInformation("http://www.opcfoundation.org/UA/units/un/cefact", -1,
                            LocalizedText.english(tag.unit()), LocalizedText.english(tag.unit())));
        }
        return node;
    }

    /** Sets a tag's value as the plant's field device reports it. Called from the simulation thread. */
    void publish(String tagId, DataValue value) {
        UaVariableNode node = variables.get(tagId);
        if (node != null) {
            node.setValue(value);
        }
    }

    /** Reads back what a client would read (used by tests). */
    DataValue read(String tagId) {
        UaVariableNode node = variables.get(tagId);
        return node == null ? null : node.getValue();
    }

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        subscriptionModel.onMonitoringModeChanged(monitoredItems);
    }
}
