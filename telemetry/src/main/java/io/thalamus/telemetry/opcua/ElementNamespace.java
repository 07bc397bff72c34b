package io.thalamus.telemetry.opcua;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The OPC UA address space of the emulated network elements: {@code Objects/Elements/<node>} with a
 * {@code Sequence} counter, and per outgoing link {@code <node>/<link>/LoadBps}, {@code Utilization} and
 * {@code OutOctets}. Node ids are strings in this namespace: {@code <node>}, {@code <node>/Sequence},
 * {@code <node>/<link>/LoadBps}, ...
 * <p>
 * Value changes are pushed to the monitored items of a variable as they happen (every change is queued
 * on the server, so none is lost between two samplings), rather than polled by Milo's
 * {@code SubscriptionModel} at the sampling interval.
 */
final class ElementNamespace extends ManagedNamespaceWithLifecycle {

    /** URI of this namespace. */
    static final String URI = "urn:thalamus:network-elements";

    private final Topology topology;
    private final Map<String, UaVariableNode> variables = new HashMap<>();
    private final Map<NodeId, Set<DataItem>> items = new ConcurrentHashMap<>();

    ElementNamespace(OpcUaServer server, Topology topology) {
        super(server, URI);
        this.topology = topology;
        getLifecycleManager().addStartupTask(this::createNodes);
    }

    private void createNodes() {
        NodeId rootId = newNodeId("Elements");
        UaFolderNode root = new UaFolderNode(getNodeContext(), rootId, newQualifiedName("Elements"),
                LocalizedText.english("Elements"));
        getNodeManager().addNode(root);
        root.addReference(new Reference(rootId, NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
        for (Node n : topology.nodes()) {
            UaFolderNode element = folder(n.id(), n.id());
            root.addOrganizes(element);
            element.addOrganizes(variable(n.id() + "/" + OpcUaNames.SEQUENCE, OpcUaNames.SEQUENCE, NodeIds.Int64, 0L));
            for (Link l : topology.outLinks(n.id())) {
                UaFolderNode iface = folder(n.id() + "/" + l.id(), l.id());
                element.addOrganizes(iface);
                String base = n.id() + "/" + l.id() + "/";
                iface.addOrganizes(variable(base + OpcUaNames.LOAD, OpcUaNames.LOAD, NodeIds.Double, 0.0));
                iface.addOrganizes(variable(base + OpcUaNames.UTILIZATION, OpcUaNames.UTILIZATION, NodeIds.Double, 0.0));
                iface.addOrganizes(variable(base + OpcUaNames.OUT_OCTETS, OpcUaNames.OUT_OCTETS, NodeIds.Double, 0.0));
            }
        }
    }

    private UaFolderNode folder(String id, String name) {
        UaFolderNode f = new UaFolderNode(getNodeContext(), newNodeId(id), newQualifiedName(name), LocalizedText.english(name));
        getNodeManager().addNode(f);
        return f;
    }

    private UaVariableNode variable(String id, String name, NodeId type, Object initial) {
        UaVariableNode v = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId(id))
                .setAccessLevel(AccessLevel.READ_ONLY)
                .setUserAccessLevel(AccessLevel.READ_ONLY)
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(type)
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .build();
        v.setValue(new DataValue(new Variant(initial)));
        getNodeManager().addNode(v);
        variables.put(id, v);
        return v;
    }

    /** Sets a variable and queues the value on every monitored item of it; false if the id is unknown. */
    boolean publish(String id, DataValue value) {
        UaVariableNode v = variables.get(id);
        if (v == null) {
            return false;
        }
        v.setValue(value);
        Set<DataItem> watchers = items.get(v.getNodeId());
        if (watchers != null) {
            for (DataItem item : watchers) {
                if (item.isSamplingEnabled()) {
                    item.setValue(value);
                }
            }
        }
        return true;
    }

    /** Monitored items currently registered. */
    int monitoredItems() {
        int n = 0;
        for (Set<DataItem> s : items.values()) {
            n += s.size();
        }
        return n;
    }

    @Override
    public void onDataItemsCreated(List<DataItem> created) {
        for (DataItem item : created) {
            NodeId id = item.getReadValueId().getNodeId();
            items.computeIfAbsent(id, k -> new CopyOnWriteArraySet<>()).add(item);
            UaVariableNode v = (UaVariableNode) getNodeManager().get(id);
            if (v != null) {
                item.setValue(v.getValue());
            }
        }
    }

    @Override
    public void onDataItemsModified(List<DataItem> modified) {
        // sampling interval and queue size changes need nothing here: values are pushed
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> deleted) {
        for (DataItem item : deleted) {
            Set<DataItem> s = items.get(item.getReadValueId().getNodeId());
            if (s != null) {
                s.remove(item);
            }
        }
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> changed) {
        // isSamplingEnabled() is checked on every push
    }
}
