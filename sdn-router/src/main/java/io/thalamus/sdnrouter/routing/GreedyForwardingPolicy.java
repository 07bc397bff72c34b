package io.thalamus.sdnrouter.routing;

/**
 * Greedy geographic forwarding, the classic baseline: send the packet to the unvisited neighbour
 * closest (in the plane) to the destination; ties go to the lower node index. Like every local
 * policy here it never returns to a visited node, so it stops (a miss) when all neighbours were visited.
 */
public final class GreedyForwardingPolicy implements RoutingPolicy {

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public boolean geographic() {
        return true;
    }

    @Override
    public int choose(LocalView view) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        int n = view.neighbourCount();
        for (int slot = 0; slot < n; slot++) {
            if (view.neighbour(slot) == view.destination()) {
                return slot;
            }
            if (view.visited(slot)) {
                continue;
            }
            double d = view.neighbourToDestination(slot);
            if (d < bestDistance) {
                bestDistance = d;
                best = slot;
            }
        }
        return best;
    }
}
