package io.thalamus.intent.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.model.IntentSpec;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;
import io.thalamus.twin.core.NetworkTwin;
import io.thalamus.twin.scenario.FlowImpact;
import io.thalamus.twin.scenario.Scenario;
import io.thalamus.twin.scenario.ScenarioJson;
import io.thalamus.twin.scenario.WhatIf;
import io.thalamus.twin.scenario.WhatIfResult;
import io.thalamus.twin.sim.FlowSimulator;
import io.thalamus.twin.sim.Kpis;
import io.thalamus.twin.sim.LinkState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What-ifs on the digital-twin module's {@link NetworkTwin} (strict-priority max-min sharing, M/M/1/K queues):
 * the engine's installed routes are loaded into a fresh twin pinned to their paths (flows re-converge by
 * shortest path only when a scenario breaks their path), then the twin module's {@link WhatIf} runs the scenario.
 * Background load measured by telemetry is not copied over: the twin simulates the routed flows.
 */
public final class DigitalTwinWhatIf {

    private final FlowLevelTwin engineTwin;

    public DigitalTwinWhatIf(FlowLevelTwin engineTwin) {
        this.engineTwin = engineTwin;
    }

    /** Runs a scenario written in the twin's scenario JSON ({@code docs} of digital-twin); errors carry JSON pointers. */
    public WhatIfResult run(JsonNode scenarioJson) {
        List<RoutedFlow> installed = engineTwin.installed();
        Topology topology = engineTwin.topology();
        List<Flow> flows = installed.stream().map(RoutedFlow::flow).toList();
        Map<String, Path> pinned = new HashMap<>();
        installed.forEach(r -> pinned.put(r.flow().id(), r.path()));
        NetworkTwin twin = new NetworkTwin(topology, flows, pinnedRouting(pinned), new FlowSimulator());
        Scenario scenario = ScenarioJson.fromTree(scenarioJson, topology, flows);
        return WhatIf.run(twin, scenario);
    }

    /** Installed paths while all their links are up; shortest path for the rest. */
    static RoutingFunction pinnedRouting(Map<String, Path> pinned) {
        RoutingFunction shortest = RoutingFunction.shortestPath();
        return (topology, flows) -> {
            Map<String, Path> out = new LinkedHashMap<>();
            List<Flow> rest = new ArrayList<>();
            for (Flow f : flows) {
                Path p = pinned.get(f.id());
                if (p != null && p.links().stream().allMatch(l -> topology.hasLink(l.id()))) {
                    List<Link> links = p.links().stream().map(l -> topology.link(l.id())).toList();
                    out.put(f.id(), new Path(links));
                } else {
                    rest.add(f);
                }
            }
            out.putAll(shortest.route(topology, rest));
            return out;
        };
    }

    /** The twin's scenario step for a what-if intent's spec. */
    public static ObjectNode step(IntentSpec.WhatIf w) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        switch (w.kind()) {
            case "link-failure" -> s.put("type", "link-down").put("link", w.link());
            case "node-failure" -> s.put("type", "node-down").put("node", w.node());
            case "srlg-failure" -> s.put("type", "srlg-down").put("srlg", w.srlg());
            case "capacity-change" -> s.put("type", "capacity-change").put("link", w.link()).put("capacityBps", w.capacityBps());
            case "traffic-surge" -> s.put("type", "traffic-scale").put("factor", w.factor());
            default -> throw new IllegalArgumentException("unknown scenario kind " + w.kind());
        }
        return s;
    }

    /** Utilisation of every link that is up after the scenario, for expectation checks. */
    public static TwinKpis kpisAfter(WhatIfResult r) {
        Map<String, Double> util = new LinkedHashMap<>();
        for (LinkState l : r.after().links()) {
            if (l.up()) {
                util.put(l.linkId(), l.utilisation());
            }
        }
        return new TwinKpis(util, Map.of());
    }

    /** A what-if result as JSON: KPIs before and after, and the most severe flow impacts. */
    public static ObjectNode toJson(WhatIfResult r, int maxImpacts) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("twin", "digital-twin NetworkTwin (strict priority + max-min, M/M/1/K)");
        o.set("kpisBefore", kpis(r.kpisBefore()));
        o.set("kpisAfter", kpis(r.kpisAfter()));
        o.put("flowsImpacted", r.impacts().size());
        ArrayNode arr = o.putArray("impacts");
        for (FlowImpact i : r.impacts().stream().limit(maxImpacts).toList()) {
            arr.addObject().put("flowId", i.flowId()).put("severity", i.severity()).put("disconnected", i.disconnected())
                    .put("delayBoundBroken", i.delayBoundBroken()).put("bandwidthLostBps", i.bandwidthLostBps())
                    .put("rerouted", i.rerouted()).put("delayBeforeMs", i.delayBeforeMs())
                    .put("delayAfterMs", Double.isFinite(i.delayAfterMs()) ? i.delayAfterMs() : -1);
        }
        o.put("elapsedMs", r.elapsedNanos() / 1e6);
        return o;
    }

    private static ObjectNode kpis(Kpis k) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("maxUtilisation", k.maxUtilisation()).put("mostUtilisedLink", k.mostUtilisedLink())
                .put("meanUtilisation", k.meanUtilisation()).put("offeredBps", k.offeredBps())
                .put("throughputBps", k.throughputBps()).put("demandLostBps", k.demandLostBps())
                .put("flowsDisconnected", k.flowsDisconnected()).put("flowsDelayBoundBroken", k.flowsDelayBoundBroken())
                .put("linksOverloaded", k.linksOverloaded()).put("meanFlowDelayMs", k.meanFlowDelayMs());
        return o;
    }
}
