package io.thalamus.sdnrouter.routing;

/**
 * How a policy did on one setting (a family of graphs or one real graph), over all
 * source-destination pairs that are connected.
 *
 * @param setting     what was evaluated, e.g. {@code N=50 density=5} or a topology name
 * @param graphs      number of graphs
 * @param pairs       ordered source-destination pairs with a path between them
 * @param accuracy    share of pairs delivered on a path no longer than 1.05 × the shortest
 * @param missRate    share of pairs not delivered (dead end, loop or hop budget)
 * @param meanStretch mean of path length / shortest length over delivered pairs (NaN when none)
 * @param p95Stretch  95th percentile (nearest rank) of that stretch over delivered pairs
 * @param meanHops    mean hop count over delivered pairs
 */
public record RoutingMetrics(String setting, int graphs, long pairs, double accuracy, double missRate,
                             double meanStretch, double p95Stretch, double meanHops) {

    /** Relative tolerance under which a path counts as near-shortest. */
    public static final double ACCURACY_TOLERANCE = 1.05;
}
