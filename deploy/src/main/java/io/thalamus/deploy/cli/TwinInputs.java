package io.thalamus.deploy.cli;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.FlowJson;
import io.thalamus.network.topology.Demand;
import io.thalamus.network.topology.Topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the topology and flows the twin commands share. */
final class TwinInputs {

    private TwinInputs() {
    }

    /** Flows from a flow file, or one flow per non-zero demand of the topology. */
    static List<Flow> flows(Topology topology, Path flowsFile, boolean fromDemands) {
        if (flowsFile != null && fromDemands) {
            throw new IllegalArgumentException("give either --flows or --flows-from-demands, not both");
        }
        if (flowsFile != null) {
            return FlowJson.read(flowsFile, topology);
        }
        if (!fromDemands) {
            throw new IllegalArgumentException("missing flows: give --flows FLOWS.json or --flows-from-demands");
        }
        List<Flow> flows = new ArrayList<>();
        for (Demand d : topology.demands()) {
            if (d.valueBps() > 0 && !d.source().equals(d.target())) {
                flows.add(Flow.of(d.id(), d.source(), d.target(), d.valueBps(), 0));
            }
        }
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("--flows-from-demands: topology '" + topology.name() + "' has no non-zero demands");
        }
        return flows;
    }
}
