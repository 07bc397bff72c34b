package io.thalamus.sdnrouter.controller;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names, addresses, ports and rates of an emulated network, derived deterministically from a
 * topology: node {@code i} gets bridge {@code <p>b<i>}, namespace {@code <p>n<i>}, host veth
 * {@code <p>h<i>} (its peer is {@code eth0} in the namespace) and host address 10.0.x.y; cable {@code k}
 * gets the veth pair {@code <p>l<k>a}/{@code <p>l<k>b}. Every name fits Linux's 15-character limit.
 *
 * @param prefix    name prefix, 2 to 4 lowercase letters (e.g. {@code th})
 * @param rateScale link capacities are divided by this to get the emulated rate
 * @param nodes     per node, in topology order
 * @param cables    per physical link, in the order of first appearance
 */
public record LabPlan(String prefix, double rateScale, List<NodePlan> nodes, List<CablePlan> cables) {

    /** Largest number of nodes the 10.0.0.0/16 addressing holds. */
    public static final int MAX_NODES = 254 * 254;

    /**
     * One node's pieces.
     *
     * @param nodeId    topology node id
     * @param bridge    Open vSwitch bridge name
     * @param namespace host namespace name
     * @param hostVeth  root-side end of the host's veth (attached to the bridge on port 1)
     * @param ipv4      host address
     * @param mac       host MAC address
     * @param dpid      datapath id of the bridge
     */
    public record NodePlan(String nodeId, String bridge, String namespace, String hostVeth, String ipv4, String mac,
                           long dpid) {
    }

    /**
     * One cable: a veth pair between two bridges, shaped in each direction.
     *
     * @param physicalId  the file's link id
     * @param vethA       end on node A's bridge
     * @param vethB       end on node B's bridge
     * @param nodeA       node A id
     * @param nodeB       node B id
     * @param portA       OpenFlow port of {@code vethA} on A's bridge
     * @param portB       OpenFlow port of {@code vethB} on B's bridge
     * @param rateAtoBbps emulated rate A→B (shaped on {@code vethA}'s egress)
     * @param rateBtoAbps emulated rate B→A
     */
    public record CablePlan(String physicalId, String vethA, String vethB, String nodeA, String nodeB, int portA,
                            int portB, double rateAtoBbps, double rateBtoAbps) {
    }

    public LabPlan {
        nodes = List.copyOf(nodes);
        cables = List.copyOf(cables);
    }

    /**
     * Plans a lab for {@code topology}.
     *
     * @throws IllegalArgumentException for a bad prefix or scale, too many nodes, or a directed link
     *                                  without its reverse (a veth pair is bidirectional)
     */
    public static LabPlan of(Topology topology, String prefix, double rateScale) {
        if (prefix == null || !prefix.matches("[a-z]{2,4}")) {
            throw new IllegalArgumentException("lab prefix must be 2 to 4 lowercase letters, got '" + prefix + "'");
        }
        if (!(rateScale >= 1) || Double.isInfinite(rateScale)) {
            throw new IllegalArgumentException("rate-scale must be a finite number >= 1, got " + rateScale);
        }
        if (topology.nodeCount() > MAX_NODES) {
            throw new IllegalArgumentException("topology " + topology.name() + " has " + topology.nodeCount()
                    + " nodes; the lab holds at most " + MAX_NODES);
        }
        long dpidBase = ((long) (prefix.hashCode() & 0xffff)) << 32;
        List<NodePlan> nodes = new ArrayList<>();
        for (int i = 0; i < topology.nodeCount(); i++) {
            String id = topology.nodes().get(i).id();
            int hi = i / 254;
            int lo = i % 254 + 1;
            nodes.add(new NodePlan(id, prefix + "b" + i, prefix + "n" + i, prefix + "h" + i, "10.0." + hi + "." + lo,
                    String.format("02:00:0a:00:%02x:%02x", hi, lo), dpidBase | (i + 1)));
        }
        Map<String, Integer> nextPort = new HashMap<>();
        topology.nodes().forEach(n -> nextPort.put(n.id(), 2));
        Map<String, List<Link>> byPhysical = new LinkedHashMap<>();
        for (Link l : topology.links()) {
            byPhysical.computeIfAbsent(l.physicalId(), k -> new ArrayList<>()).add(l);
        }
        List<CablePlan> cables = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, List<Link>> e : byPhysical.entrySet()) {
            List<Link> dirs = e.getValue();
            Link ab = dirs.get(0);
            Link ba = dirs.stream().filter(l -> l.source().equals(ab.target()) && l.target().equals(ab.source()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("link '" + ab.id() + "' (cable "
                            + e.getKey() + ") has no reverse direction; the lab needs bidirectional cables"));
            if (dirs.size() != 2) {
                throw new IllegalArgumentException("cable " + e.getKey() + " has " + dirs.size()
                        + " directed links; the lab needs exactly two (one each way)");
            }
            int pa = nextPort.merge(ab.source(), 1, Integer::sum) - 1;
            int pb = nextPort.merge(ab.target(), 1, Integer::sum) - 1;
            cables.add(new CablePlan(e.getKey(), prefix + "l" + k + "a", prefix + "l" + k + "b", ab.source(), ab.target(),
                    pa, pb, ab.capacityBps() / rateScale, ba.capacityBps() / rateScale));
            k++;
        }
        return new LabPlan(prefix, rateScale, nodes, cables);
    }

    /** The plan of a node. @throws IllegalArgumentException for an unknown node */
    public NodePlan node(String nodeId) {
        return nodes.stream().filter(n -> n.nodeId().equals(nodeId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown node '" + nodeId + "'"));
    }

    /** The plan of a cable by the file's link id. @throws IllegalArgumentException for an unknown link */
    public CablePlan cable(String physicalId) {
        return cables.stream().filter(c -> c.physicalId().equals(physicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown link '" + physicalId + "'; links are "
                        + cables.stream().map(CablePlan::physicalId).toList()));
    }

    /** The OpenFlow view of this plan: datapath ids, host port 1, and the port each directed link leaves by. */
    public DataPlaneWiring wiring(Topology topology) {
        Map<String, DataPlaneWiring.NodeAttachment> n = new LinkedHashMap<>();
        for (NodePlan p : nodes) {
            n.put(p.nodeId(), new DataPlaneWiring.NodeAttachment(p.nodeId(), p.dpid(), p.ipv4(), p.mac(), 1));
        }
        Map<String, DataPlaneWiring.LinkPorts> l = new LinkedHashMap<>();
        for (Link link : topology.links()) {
            CablePlan c = cable(link.physicalId());
            boolean forward = link.source().equals(c.nodeA());
            l.put(link.id(), new DataPlaneWiring.LinkPorts(link.id(), link.physicalId(),
                    forward ? c.portA() : c.portB(), forward ? c.portB() : c.portA()));
        }
        return new DataPlaneWiring(n, l);
    }
}
