package io.thalamus.twin.opcua;

import io.thalamus.twin.sim.LinkState;
import io.thalamus.twin.sim.NodeState;
import io.thalamus.twin.sim.TwinState;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The twin's address space: {@code Objects/Twin/Nodes/<node>/{Utilisation,LoadBps,DelayMs,Up}} and
 * {@code Objects/Twin/Links/<link>/{Utilisation,LoadBps,DelayMs,LossRate,CapacityBps,Up}}, string node
 * ids {@code node/<id>/<Metric>} and {@code link/<id>/<Metric>}. Values are read-only and are set from
 * each {@link TwinState}; a {@link SubscriptionModel} samples them for subscribers.
 */
final class TwinNamespace extends ManagedNamespaceWithLifecycle {

    /** Namespace URI of the twin's nodes. */
    static final String URI = "urn:thalamus:digital-twin";

    private final SubscriptionModel subscriptions;
    private final Map<String, UaVariableNode> variables = new ConcurrentHashMap<>();
    private final TwinState initial;

    TwinNamespace(OpcUaServer server, TwinState initial) {
        super(server, URI);
        this.initial = initial;
        this.subscriptions = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptions);
        getLifecycleManager().addStartupTask(this::createNodes);
    }

    private void createNodes() {
        UaFolderNode root = folder("Twin", "Twin");
        root.addReference(new Reference(root.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
        UaFolderNode nodes = folder("Twin/Nodes", "Nodes");
        UaFolderNode links = folder("Twin/Links", "Links");
        root.addOrganizes(nodes);
        root.addOrganizes(links);
        for (NodeState n : initial.nodes()) {
            UaFolderNode f = folder("node/" + n.nodeId(), n.nodeId());
            nodes.addOrganizes(f);
            f.addOrganizes(variable("node/" + n.nodeId() + "/Utilisation", "Utilisation", n.utilisation()));
            f.addOrganizes(variable("node/" + n.nodeId() + "/LoadBps", "LoadBps", n.loadBps()));
            f.addOrganizes(variable("node/" + n.nodeId() + "/DelayMs", "DelayMs", n.delayMs()));
            f.addOrganizes(variable("node/" + n.nodeId() + "/Up", "Up", n.up()));
        }
        for (LinkState l : initial.links()) {
            UaFolderNode f = folder("link/" + l.linkId(), l.linkId());
            links.addOrganizes(f);
            f.addOrganizes(variable("link/" + l.linkId() + "/Utilisation", "Utilisation", l.utilisation()));
            f.addOrganizes(variable("link/" + l.linkId() + "/LoadBps", "LoadBps", l.offeredBps()));
            f.addOrganizes(variable("link/" + l.linkId() + "/DelayMs", "DelayMs", l.delayMs()));
            f.addOrganizes(variable("link/" + l.linkId() + "/LossRate", "LossRate", l.lossRate()));
            f.addOrganizes(variable("link/" + l.linkId() + "/CapacityBps", "CapacityBps", l.capacityBps()));
            f.addOrganizes(variable("link/" + l.linkId() + "/Up", "Up", l.up()));
        }
    }

    /** Copies a new state into the variables (elements unknown to the address space are skipped). */
    void update(TwinState s) {
        for (NodeState n : s.nodes()) {
            set("node/" + n.nodeId() + "/Utilisation", n.utilisation());
            set("node/" + n.nodeId() + "/LoadBps", n.loadBps());
            set("node/" + n.nodeId() + "/DelayMs", n.delayMs());
            set("node/" + n.nodeId() + "/Up", n.up());
        }
        for (LinkState l : s.links()) {
            set("link/" + l.linkId() + "/Utilisation", l.utilisation());
            set("link/" + l.linkId() + "/LoadBps", l.offeredBps());
            set("link/" + l.linkId() + "/DelayMs", l.delayMs());
            set("link/" + l.linkId() + "/LossRate", l.lossRate());
            set("link/" + l.linkId() + "/CapacityBps", l.capacityBps());
            set("link/" + l.linkId() + "/Up", l.up());
        }
    }

    /** The node id of a variable, e.g. {@code link/L1:a-b/Utilisation}. */
    NodeId nodeId(String identifier) {
        return newNodeId(identifier);
    }

    private void set(String id, Object value) {
        UaVariableNode v = variables.get(id);
        if (v != null) {
            Object old = v.getValue().getValue().getValue();
            if (!value.equals(old)) {
                v.setValue(new DataValue(new Variant(value)));
            }
        }
    }

    private UaFolderNode folder(String id, String name) {
        UaFolderNode f = new UaFolderNode(getNodeContext(), newNodeId(id), newQualifiedName(name), LocalizedText.english(name));
        getNodeManager().addNode(f);
        return f;
    }

    private UaVariableNode variable(String id, String name, Object value) {
        UaVariableNode v = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId(id))
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(value instanceof Boolean ? NodeIds.Boolean : NodeIds.Double)
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .setAccessLevel(AccessLevel.READ_ONLY)
                .setUserAccessLevel(AccessLevel.READ_ONLY)
                .setValue(new DataValue(new Variant(value)))
                .build();
        getNodeManager().addNode(v);
        variables.put(id, v);
        return v;
    }

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        subscriptions.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        subscriptions.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        subscriptions.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        subscriptions.onMonitoringModeChanged(monitoredItems);
    }
}
