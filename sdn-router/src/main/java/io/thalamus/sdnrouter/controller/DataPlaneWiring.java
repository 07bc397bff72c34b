package io.thalamus.sdnrouter.controller;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a topology is laid onto OpenFlow switches: each node's datapath id and attached host, and the
 * switch port by which every directed link leaves its source. The lab builds one; a controller that
 * discovers topology from this wiring (rather than by LLDP) trusts it.
 *
 * @param nodes by node id
 * @param links by directed link id
 */
public record DataPlaneWiring(Map<String, NodeAttachment> nodes, Map<String, LinkPorts> links) {

    /**
     * One node's switch and host.
     *
     * @param nodeId   topology node id
     * @param dpid     OpenFlow datapath id of its bridge
     * @param hostIpv4 the host's address (in 10.0.0.0/16 for the lab)
     * @param hostMac  the host's MAC address
     * @param hostPort the switch port the host hangs on
     */
    public record NodeAttachment(String nodeId, long dpid, String hostIpv4, String hostMac, int hostPort) {
    }

    /**
     * Ports of one directed link.
     *
     * @param linkId     directed link id
     * @param physicalId the cable (both directions share it)
     * @param sourcePort port on the source's switch the link leaves by
     * @param targetPort port on the target's switch it arrives on
     */
    public record LinkPorts(String linkId, String physicalId, int sourcePort, int targetPort) {
    }

    public DataPlaneWiring {
        nodes = Map.copyOf(nodes);
        links = Map.copyOf(links);
    }

    /**
     * Checks that every node and link of {@code topology} is wired.
     *
     * @throws IllegalArgumentException naming the first missing node or link
     */
    public void requireCovers(Topology topology) {
        for (var n : topology.nodes()) {
            if (!nodes.containsKey(n.id())) {
                throw new IllegalArgumentException("wiring: node '" + n.id() + "' has no switch");
            }
        }
        for (Link l : topology.links()) {
            if (!links.containsKey(l.id())) {
                throw new IllegalArgumentException("wiring: link '" + l.id() + "' has no ports");
            }
        }
    }

    /** The node whose switch has this datapath id. */
    public Optional<NodeAttachment> nodeOfDpid(long dpid) {
        return nodes.values().stream().filter(a -> a.dpid() == dpid).findFirst();
    }

    /** The attachment of a node. @throws IllegalArgumentException when the node is not wired */
    public NodeAttachment node(String nodeId) {
        NodeAttachment a = nodes.get(Objects.requireNonNull(nodeId, "nodeId"));
        if (a == null) {
            throw new IllegalArgumentException("wiring: unknown node '" + nodeId + "'");
        }
        return a;
    }

    /** The ports of a directed link. @throws IllegalArgumentException when the link is not wired */
    public LinkPorts link(String linkId) {
        LinkPorts p = links.get(Objects.requireNonNull(linkId, "linkId"));
        if (p == null) {
            throw new IllegalArgumentException("wiring: unknown link '" + linkId + "'");
        }
        return p;
    }

    /** For every (node, port), the directed link leaving by it: how port events and counters map to links. */
    public Map<String, Map<Integer, String>> linkByOutPort(Topology topology) {
        Map<String, Map<Integer, String>> m = new HashMap<>();
        for (Link l : topology.links()) {
            LinkPorts p = links.get(l.id());
            if (p != null) {
                m.computeIfAbsent(l.source(), k -> new LinkedHashMap<>()).put(p.sourcePort(), l.id());
            }
        }
        return m;
    }

    /** Node ids in a stable order. */
    public List<String> nodeIds() {
        return nodes.keySet().stream().sorted().toList();
    }
}
