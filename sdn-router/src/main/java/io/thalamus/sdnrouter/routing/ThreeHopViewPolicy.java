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

    /** Where every three-hop estimate is infinite. */
    private static final GreedyForwardingPolicy GREEDY = new GreedyForwardingPolicy();

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
        int toDestination = view.destinationSlot();
        if (toDestination >= 0) {
            return toDestination;
        }
        int best = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int slot = 0, n = view.neighbourCount(); slot < n; slot++) {
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
        return best >= 0 ? best : GREEDY.choose(view);
    }
}
