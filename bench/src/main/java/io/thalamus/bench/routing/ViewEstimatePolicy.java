package io.thalamus.bench.routing;

import io.thalamus.sdnrouter.routing.LocalView;
import io.thalamus.sdnrouter.routing.RoutingPolicy;

/**
 * An unlearned reference rule for the three-hop view: forward to the unvisited neighbour u with the
 * least d(v,u) + {@link LocalView#frontier3} (the cheapest three-hop path through u to the edge of the
 * view plus the straight line on); when every such estimate is infinite, to the unvisited neighbour
 * closest to the destination, as greedy forwarding would. A neighbour that is the destination is taken.
 */
record ViewEstimatePolicy(String name) implements RoutingPolicy {

    @Override
    public boolean geographic() {
        return true;
    }

    @Override
    public int choose(LocalView view) {
        int n = view.neighbourCount();
        for (int slot = 0; slot < n; slot++) {
            if (view.neighbour(slot) == view.destination()) {
                return slot;
            }
        }
        int best = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int slot = 0; slot < n; slot++) {
            if (!view.visited(slot)) {
                double score = view.currentToNeighbour(slot) + view.frontier3(slot);
                if (score < bestScore) {
                    bestScore = score;
                    best = slot;
                }
            }
        }
        if (best >= 0) {
            return best;
        }
        for (int slot = 0; slot < n; slot++) {
            if (!view.visited(slot) && (best < 0 || view.neighbourToDestination(slot) < view.neighbourToDestination(best))) {
                best = slot;
            }
        }
        return best;
    }
}
