package io.thalamus.intent.execution;

import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

/**
 * The flow-level arithmetic of the engine's twin: per-link utilisation from loads, queueing delay of an
 * M/M/1 link with 1,500-byte packets (capped at a 50 ms buffer once saturated), and proportional sharing of an
 * over-subscribed link, so a flow's throughput is its rate times the worst capacity/load ratio on its path.
 */
final class LinkLoadModel {

    /** Bits in the packet size used for serialisation and queueing delay. */
    static final double PACKET_BITS = 1500 * 8;
    /** Queueing delay of a saturated link: a full 50 ms buffer. */
    static final double SATURATED_QUEUE_MS = 50.0;

    private LinkLoadModel() {
    }

    static double queueingDelayMs(double capacityBps, double utilization) {
        double serviceMs = PACKET_BITS / capacityBps * 1000.0;
        if (utilization >= 0.999) {
            return SATURATED_QUEUE_MS;
        }
        return Math.min(SATURATED_QUEUE_MS, serviceMs * utilization / (1.0 - utilization));
    }

    static FlowKpi kpi(String flowId, double bandwidthBps, Path path, Topology base, double[] load, double[] capacity) {
        double delay = 0;
        double share = 1.0;
        for (Link l : path.links()) {
            int i = base.indexOfLink(l.id());
            double u = load[i] / capacity[i];
            delay += l.propagationDelayMs() + queueingDelayMs(capacity[i], u) + PACKET_BITS / capacity[i] * 1000.0;
            if (load[i] > capacity[i]) {
                share = Math.min(share, capacity[i] / load[i]);
            }
        }
        return new FlowKpi(flowId, delay, bandwidthBps * share, 1.0 - share);
    }
}
