package io.thalamus.sdnrouter.controller;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns admitted flows' paths into the per-hop rules the Thalamus ONOS app installs ({@code GET /api/sdn/decisions}),
 * on the devices and ports of the topology ONOS reported. Node {@code i} of the topology is the ONOS device
 * {@code of:<dpid>} whose datapath id the lab gives it ({@link LabPlan}: bridge {@code <prefix>b<i>}), its host hangs
 * on that device's host port, and a hop over link {@code u→v} leaves by the source port of the ONOS link from
 * {@code u}'s device to {@code v}'s. A flow whose path crosses a device or link ONOS did not report gets no rules at
 * all (never part of a path) and is listed as skipped with the reason.
 */
public final class OnosDecisions {

    /**
     * One rule for the ONOS app: on {@code deviceId}, IPv4 from {@code ipv4Src} to {@code ipv4Dst} leaves by
     * {@code outPort}.
     *
     * @param flowId   the flow it belongs to
     * @param deviceId ONOS device id
     * @param priority OpenFlow priority (0..65535)
     * @param ipv4Src  source host address
     * @param ipv4Dst  destination host address
     * @param outPort  output port (>= 1)
     */
    public record Rule(String flowId, String deviceId, int priority, String ipv4Src, String ipv4Dst, long outPort) {
    }

    /**
     * A flow that got no rules.
     *
     * @param flowId the flow
     * @param reason why
     */
    public record Skipped(String flowId, String reason) {
    }

    /**
     * The decisions.
     *
     * @param rules   rules of every mapped flow, flow by flow, hop by hop (the destination's host rule last)
     * @param skipped flows that could not be mapped
     */
    public record Result(List<Rule> rules, List<Skipped> skipped) {
        public Result {
            rules = List.copyOf(rules);
            skipped = List.copyOf(skipped);
        }
    }

    private final Topology topology;
    private final DataPlaneWiring wiring;

    /** Decisions for {@code topology} laid out as {@code wiring} (node datapath ids, host addresses and ports). */
    public OnosDecisions(Topology topology, DataPlaneWiring wiring) {
        wiring.requireCovers(topology);
        this.topology = topology;
        this.wiring = wiring;
    }

    /** Decisions for the lab layout of {@code topology} under a lab name prefix (the CLI's default is {@code th}). */
    public static OnosDecisions forLab(Topology topology, String labPrefix) {
        return new OnosDecisions(topology, LabPlan.of(topology, labPrefix, 1).wiring(topology));
    }

    /** The ONOS device id of a datapath: {@code of:} and 16 lowercase hex digits. */
    public static String deviceId(long dpid) {
        return String.format("of:%016x", dpid);
    }

    /** The ONOS device id of a topology node. @throws IllegalArgumentException for an unknown node */
    public String deviceOf(String nodeId) {
        return deviceId(wiring.node(nodeId).dpid());
    }

    /** Node id by ONOS device id, for every node of the topology. */
    public Map<String, String> nodeByDevice() {
        Map<String, String> m = new LinkedHashMap<>();
        topology.nodes().forEach(n -> m.put(deviceOf(n.id()), n.id()));
        return m;
    }

    /**
     * The rules for {@code paths} on the reported topology; {@code report} null means ONOS has not reported yet
     * (every flow is skipped). Flows are taken in iteration order; a later flow whose rule would have the same
     * match and priority as an earlier flow's on a device but another output port is skipped.
     */
    public Result decide(OnosTopologyReport report, Map<Flow, Path> paths) {
        List<Rule> rules = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (report == null) {
            paths.keySet().forEach(f -> skipped.add(new Skipped(f.id(), "ONOS has not reported its topology yet")));
            return new Result(rules, skipped);
        }
        Set<String> devices = new HashSet<>(report.devices());
        Map<String, List<OnosTopologyReport.OnosLink>> byDevicePair = new HashMap<>();
        for (OnosTopologyReport.OnosLink l : report.links()) {
            byDevicePair.computeIfAbsent(l.srcDevice() + " " + l.dstDevice(), k -> new ArrayList<>()).add(l);
        }
        Map<String, Rule> byMatch = new HashMap<>();
        for (Map.Entry<Flow, Path> e : paths.entrySet()) {
            Flow f = e.getKey();
            List<Rule> mine = new ArrayList<>();
            String why = rulesOf(f, e.getValue(), devices, byDevicePair, mine);
            if (why == null) {
                for (Rule r : mine) {
                    Rule other = byMatch.get(matchKey(r));
                    if (other != null && other.outPort() != r.outPort()) {
                        why = "same match and priority as flow " + other.flowId() + " on " + r.deviceId()
                                + " but another output port";
                        break;
                    }
                }
            }
            if (why != null) {
                skipped.add(new Skipped(f.id(), why));
                continue;
            }
            for (Rule r : mine) {
                byMatch.putIfAbsent(matchKey(r), r);
            }
            rules.addAll(mine);
        }
        return new Result(rules, skipped);
    }

    private static String matchKey(Rule r) {
        return r.deviceId() + "|" + r.priority() + "|" + r.ipv4Src() + "|" + r.ipv4Dst();
    }

    /** Fills {@code out} with the flow's rules; returns null, or why it cannot be mapped. */
    private String rulesOf(Flow f, Path path, Set<String> devices,
                           Map<String, List<OnosTopologyReport.OnosLink>> byDevicePair, List<Rule> out) {
        if (!path.source().equals(f.source()) || !path.destination().equals(f.destination())) {
            return "path " + path.nodes() + " does not run from " + f.source() + " to " + f.destination();
        }
        String src = wiring.node(f.source()).hostIpv4();
        String dst = wiring.node(f.destination()).hostIpv4();
        int priority = OpenFlowController.flowPriority(f);
        for (String node : path.nodes()) {
            if (!devices.contains(deviceOf(node))) {
                return "device " + deviceOf(node) + " (node " + node + ") is not among the devices ONOS reported";
            }
        }
        for (Link l : path.links()) {
            String from = deviceOf(l.source());
            String to = deviceOf(l.target());
            Optional<OnosTopologyReport.OnosLink> hop = pick(l, byDevicePair.getOrDefault(from + " " + to, List.of()));
            if (hop.isEmpty()) {
                return "ONOS reports no link from " + from + " (" + l.source() + ") to " + to + " (" + l.target()
                        + ") for link " + l.id();
            }
            out.add(new Rule(f.id(), from, priority, src, dst, hop.get().srcPort()));
        }
        DataPlaneWiring.NodeAttachment last = wiring.node(f.destination());
        out.add(new Rule(f.id(), deviceOf(f.destination()), priority, src, dst, last.hostPort()));
        return null;
    }

    /** Of parallel ONOS links between the same two devices, the one on the wired ports, else the lowest source port. */
    private Optional<OnosTopologyReport.OnosLink> pick(Link l, List<OnosTopologyReport.OnosLink> candidates) {
        DataPlaneWiring.LinkPorts wired = topology.hasLink(l.id()) ? wiring.links().get(l.id()) : null;
        if (wired != null) {
            for (OnosTopologyReport.OnosLink c : candidates) {
                if (c.srcPort() == wired.sourcePort() && c.dstPort() == wired.targetPort()) {
                    return Optional.of(c);
                }
            }
        }
        return candidates.stream().min(Comparator.comparingLong(OnosTopologyReport.OnosLink::srcPort));
    }
}
