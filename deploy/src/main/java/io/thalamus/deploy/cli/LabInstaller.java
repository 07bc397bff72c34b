package io.thalamus.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.FlowJson;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Demand;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.controller.ForwardingTable;
import io.thalamus.sdnrouter.controller.LabSession;
import io.thalamus.sdnrouter.controller.OpenFlowController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns {@code lab install} requests into forwarding tables and admitted paths on a lab: resolves the policy
 * or admission solver by name, runs it on the live topology and installs the result.
 */
final class LabInstaller {

    private final LabSession session;
    private final java.nio.file.Path topologyFile;

    LabInstaller(LabSession session, java.nio.file.Path topologyFile) {
        this.session = session;
        this.topologyFile = topologyFile;
    }

    /** Policies {@code lab install --policy} accepts by name. */
    static final List<String> POLICIES = List.of("shortest");
    /** Solvers {@code lab install --solver} accepts. */
    static final List<String> SOLVERS = List.of("shortest");

    JsonNode installPolicy(String policy) {
        Function<Topology, ForwardingTable> compiler = policy(policy);
        var receipt = session.installPolicy(policy, compiler);
        ObjectNode o = LabDaemon.JSON.createObjectNode();
        o.put("policy", policy).put("rules", receipt.ruleIds().size())
                .put("confirmedMs", receipt.elapsed().toNanos() / 1e6);
        return o;
    }

    private static Function<Topology, ForwardingTable> policy(String policy) {
        return switch (policy) {
            case "shortest" -> ForwardingTable::shortestPaths;
            default -> throw new IllegalArgumentException("policy '" + policy + "' is not available; expected one of "
                    + POLICIES);
        };
    }

    JsonNode installFlows(String flowsFile, boolean fromDemands, String solver) {
        Topology t = session.controller().liveTopology();
        List<Flow> flows;
        if (flowsFile != null && fromDemands) {
            throw new IllegalArgumentException("give either --flows or --flows-from-demands, not both");
        }
        if (flowsFile != null) {
            flows = FlowJson.read(java.nio.file.Path.of(flowsFile), session.topology());
        } else if (fromDemands) {
            flows = new ArrayList<>();
            for (Demand d : session.topology().demands()) {
                if (d.valueBps() > 0) {
                    flows.add(Flow.of(d.id(), d.source(), d.target(), d.valueBps(), 0));
                }
            }
            if (flows.isEmpty()) {
                throw new IllegalArgumentException("topology " + session.topology().name() + " ("
                        + (topologyFile == null ? "built-in" : topologyFile) + ") lists no demands; use --flows FILE");
            }
        } else {
            throw new IllegalArgumentException("give --flows FILE or --flows-from-demands");
        }
        RoutingFunction routing = solver(solver);
        long t0 = System.nanoTime();
        Map<String, Path> routed = routing.route(t, flows);
        double solveMs = (System.nanoTime() - t0) / 1e6;
        Map<Flow, Path> admitted = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        for (Flow f : flows) {
            Path p = routed.get(f.id());
            if (p == null) {
                rejected.add(f.id());
            } else {
                admitted.put(f, p);
            }
        }
        session.clear();
        OpenFlowController.BulkReceipt r = session.installFlows(admitted, routing);
        ObjectNode o = LabDaemon.JSON.createObjectNode();
        o.put("solver", solver).put("flows", flows.size()).put("admitted", admitted.size())
                .put("rules", r.rules()).put("solveMs", solveMs).put("confirmedMs", r.elapsed().toNanos() / 1e6);
        o.set("rejected", LabDaemon.JSON.valueToTree(rejected));
        ObjectNode paths = o.putObject("paths");
        admitted.forEach((f, p) -> paths.put(f.id(), p.toString()));
        ObjectNode matches = o.putObject("matches");
        session.matches().forEach((id, m) -> matches.put(id, m.describe()));
        return o;
    }

    private static RoutingFunction solver(String solver) {
        return switch (solver) {
            case "shortest" -> RoutingFunction.shortestPath();
            default -> throw new IllegalArgumentException("solver '" + solver + "' is not available; expected one of "
                    + SOLVERS);
        };
    }
}
