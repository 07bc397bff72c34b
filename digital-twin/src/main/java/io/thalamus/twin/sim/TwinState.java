package io.thalamus.twin.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable snapshot of what the simulator computed for one version of the twin. */
public final class TwinState {

    private final long version;
    private final List<LinkState> links;
    private final List<NodeState> nodes;
    private final List<FlowState> flows;
    private final Kpis kpis;
    private final Map<String, LinkState> linkById;
    private final Map<String, NodeState> nodeById;
    private final Map<String, FlowState> flowById;

    /** A snapshot of links, nodes and flows (lists are copied) with their KPIs. */
    public TwinState(long version, List<LinkState> links, List<NodeState> nodes, List<FlowState> flows, Kpis kpis) {
        this.version = version;
        this.links = List.copyOf(links);
        this.nodes = List.copyOf(nodes);
        this.flows = List.copyOf(flows);
        this.kpis = kpis;
        this.linkById = new LinkedHashMap<>();
        this.links.forEach(l -> linkById.put(l.linkId(), l));
        this.nodeById = new LinkedHashMap<>();
        this.nodes.forEach(n -> nodeById.put(n.nodeId(), n));
        this.flowById = new LinkedHashMap<>();
        this.flows.forEach(f -> flowById.put(f.flowId(), f));
    }

    /** The twin version this state was computed from. */
    public long version() {
        return version;
    }

    public List<LinkState> links() {
        return links;
    }

    public List<NodeState> nodes() {
        return nodes;
    }

    public List<FlowState> flows() {
        return flows;
    }

    public Kpis kpis() {
        return kpis;
    }

    public Optional<LinkState> link(String id) {
        return Optional.ofNullable(linkById.get(id));
    }

    public Optional<NodeState> node(String id) {
        return Optional.ofNullable(nodeById.get(id));
    }

    public Optional<FlowState> flow(String id) {
        return Optional.ofNullable(flowById.get(id));
    }

    @Override
    public String toString() {
        return "TwinState[v" + version + ", " + links.size() + " links, " + flows.size() + " flows, " + kpis + "]";
    }
}
