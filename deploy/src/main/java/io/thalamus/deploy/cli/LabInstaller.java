package io.thalamus.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.FlowJson;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Demand;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.admission.AdmissionProblem;
import io.thalamus.sdnrouter.admission.AdmissionSolver;
import io.thalamus.sdnrouter.admission.AdmittedFlow;
import io.thalamus.sdnrouter.admission.GeneticAdmissionSolver;
import io.thalamus.sdnrouter.admission.GreedyAdmissionSolver;
import io.thalamus.sdnrouter.admission.IlpAdmissionSolver;
import io.thalamus.sdnrouter.controller.ForwardingTable;
import io.thalamus.sdnrouter.routing.GreedyForwardingPolicy;
import io.thalamus.sdnrouter.routing.PolicyFile;
import io.thalamus.sdnrouter.routing.RoutingPolicy;
import io.thalamus.sdnrouter.routing.ThreeHopViewPolicy;
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
    static final List<String> POLICIES = List.of("shortest", "greedy", "three-hop");
    /** Solvers {@code lab install --solver} accepts. */
    static final List<String> SOLVERS = List.of("ilp", "ga", "greedy", "shortest");

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
            case "greedy" -> t -> ForwardingTable.compile(new GreedyForwardingPolicy(), t);
            case "three-hop" -> t -> ForwardingTable.compile(new ThreeHopViewPolicy(), t);
            default -> {
                if (!policy.endsWith(".json")) {
                    throw new IllegalArgumentException("policy '" + policy + "' is not available; expected one of "
                            + POLICIES + " or a policy file POLICY.json");
                }
                RoutingPolicy learned = PolicyFile.read(java.nio.file.Path.of(policy));
                yield t -> ForwardingTable.compile(learned, t);
            }
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
        if (admitted.isEmpty()) {
            throw new IllegalArgumentException("solver " + solver + " admitted none of the " + flows.size() + " flows");
        }
        session.clearFlows(); // replaces earlier flows; a forwarding table stays underneath
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

    /**
     * The solver as a routing function: admission of the flows on the topology it is handed, so that after a
     * failure the same solver re-admits the flows on the surviving links. {@code shortest} admits everything
     * on its shortest path without looking at capacity.
     */
    static RoutingFunction solver(String solver) {
        AdmissionSolver s = switch (solver) {
            case "ilp" -> new IlpAdmissionSolver();
            case "ga" -> new GeneticAdmissionSolver();
            case "greedy" -> new GreedyAdmissionSolver();
            case "shortest" -> null;
            default -> throw new IllegalArgumentException("solver '" + solver + "' is not available; expected one of "
                    + SOLVERS);
        };
        if (s == null) {
            return RoutingFunction.shortestPath();
        }
        return (topology, flows) -> {
            Map<String, Path> out = new LinkedHashMap<>();
            for (AdmittedFlow a : s.solve(AdmissionProblem.of(topology, flows)).admitted()) {
                out.put(a.flow().id(), a.path());
            }
            return out;
        };
    }
}
