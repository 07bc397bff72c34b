package io.thalamus.twin.sim;

import java.util.List;

/**
 * Simulated state of one flow.
 *
 * @param flowId        flow id
 * @param source        source node
 * @param destination   destination node
 * @param priority      priority class (higher wins)
 * @param demandBps     requested rate
 * @param throughputBps rate it gets after strict-priority, max-min sharing and queue loss
 * @param delayMs       end-to-end mean delay (propagation + transmission + queueing); infinite when disconnected
 * @param jitterMs      delay standard deviation estimate; 0 when disconnected
 * @param lossRate      fraction of the demand that does not arrive (sharing shortfall and queue loss)
 * @param maxDelayMs    the flow's delay bound, or null
 * @param pathLinkIds   links of its route, empty when disconnected
 */
public record FlowState(String flowId, String source, String destination, int priority, double demandBps,
                        double throughputBps, double delayMs, double jitterMs, double lossRate, Double maxDelayMs,
                        List<String> pathLinkIds) {

    public FlowState {
        pathLinkIds = List.copyOf(pathLinkIds);
    }

    /** True when the flow has no route. */
    public boolean disconnected() {
        return pathLinkIds.isEmpty();
    }

    /** True when the flow has a delay bound and its delay exceeds it (a disconnected flow breaks it too). */
    public boolean delayBoundBroken() {
        return maxDelayMs != null && !(delayMs <= maxDelayMs);
    }
}
