package io.thalamus.sdnrouter.controller;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Topology;
import io.thalamus.twin.sim.FlowSimulator;
import io.thalamus.twin.sim.TwinState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The digital twin's prediction of what long-lived TCP flows get on the lab: the twin's flow-level simulator on
 * the topology with every capacity divided by the lab's rate scale, each flow offering its path's bottleneck
 * rate (a greedy TCP sender never gets more), converted from line rate to TCP goodput per frame.
 */
public final class TwinPrediction {

    private TwinPrediction() {
    }

    /** Predicted TCP goodput in bit/s per flow id. */
    public static Map<String, Double> goodputBps(Topology topology, double rateScale, Map<Flow, Path> routes) {
        Topology scaled = topology.mapLinks(l -> l.withCapacity(l.capacityBps() / rateScale));
        List<Flow> flows = new ArrayList<>();
        Map<String, Path> byId = new LinkedHashMap<>();
        routes.forEach((f, p) -> {
            double bottleneck = p.links().stream().mapToDouble(l -> scaled.link(l.id()).capacityBps()).min().orElseThrow();
            flows.add(new Flow(f.id(), f.source(), f.destination(), bottleneck, f.priority(), null, null, 1.0));
            byId.put(f.id(), p);
        });
        TwinState state = new FlowSimulator().simulate(scaled, flows, byId, Set.of(), Set.of(), Map.of(), 0);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Flow f : flows) {
            out.put(f.id(), state.flow(f.id()).orElseThrow().throughputBps() * LabNetwork.TCP_GOODPUT_FRACTION);
        }
        return out;
    }
}
