package io.thalamus.sdnrouter.routing;

/**
 * An unlearned local rule for nodes that know their three-hop neighbourhood: forward to the unvisited
 * neighbour u with the least d(v,u) + {@link LocalView#frontier3} (the cheapest three-hop path through
 * u to the edge of the view plus the straight line on to the destination); when every such estimate is
 * infinite, to the unvisited neighbour closest to the destination, as greedy forwarding would. A
 * neighbour that is the destination is taken. It is the reference the learned three-hop variants are
 * measured against (docs/routing.md, fourth round).
 */
public final class ThreeHopViewPolicy implements RoutingPolicy {

    @Override
    public String name() {
        return "three-hop";
    }

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
            if (view.visited(slot)) {
                continue;
            }
            double hop = view.currentToNeighbour(slot);
            // frontier3(u) >= d(u,t): a candidate whose straight-line bound cannot win is not expanded
            if (hop + view.neighbourToDestination(slot) < bestScore) {
                double score = hop + view.frontier3(slot);
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
