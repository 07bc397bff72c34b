package io.thalamus.twin.scenario;

import io.thalamus.network.data.SharedData;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.TopologyReaders;
import io.thalamus.network.topology.Demand;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;
import io.thalamus.twin.core.NetworkTwin;
import io.thalamus.twin.core.TwinModel;
import io.thalamus.twin.sim.FlowState;
import io.thalamus.twin.sim.TwinState;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IncrementalReconvergenceTest {

    @Test
    void reroutingOnlyTouchedFlowsGivesTheSameStateAsReroutingEverythingOnGermany50() {
        Assumptions.assumeTrue(SharedData.root().isPresent(), "shared data folder not found (set THALAMUS_DATA)");
        Topology g = TopologyReaders.read(SharedData.resolve("sndlib/xml/germany50/germany50.xml"));
        List<Flow> flows = new ArrayList<>();
        for (Demand d : g.demands()) {
            if (d.valueBps() > 0) {
                flows.add(Flow.of(d.id(), d.source(), d.target(), d.valueBps(), 0));
            }
        }
        assertEquals(662, flows.size());
        NetworkTwin twin = new NetworkTwin(g, flows);
        List<String> physical = g.links().stream().map(Link::physicalId).distinct().toList();
        assertEquals(88, physical.size());
        for (String p : physical) {
            Scenario cut = Scenario.of("cut " + p, new ScenarioStep.LinkDown(List.of(p)));
            TwinState incremental = WhatIf.run(twin, cut).after();
            TwinModel full = cut.applyTo(twin.model(), twin.routing()).withRoutes(Map.of()).reconverge(twin.routing());
            TwinState naive = twin.simulate(full);
            for (FlowState f : naive.flows()) {
                FlowState i = incremental.flow(f.flowId()).orElseThrow();
                assertEquals(f.pathLinkIds(), i.pathLinkIds(), p + " / " + f.flowId());
                assertEquals(f.throughputBps(), i.throughputBps(), 1e-6 * Math.max(1, f.demandBps()), p + " / " + f.flowId());
            }
            assertEquals(naive.kpis().maxUtilisation(), incremental.kpis().maxUtilisation(), 1e-9, p);
        }
    }
}
