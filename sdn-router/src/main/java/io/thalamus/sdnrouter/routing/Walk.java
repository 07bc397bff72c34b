package io.thalamus.sdnrouter.routing;

/**
 * One packet's trip under a policy.
 *
 * @param delivered whether it reached the destination within the hop budget
 * @param hops      links traversed (backtracking hops included)
 * @param length    sum of the traversed links' weights
 * @param nodes     node indices in visiting order, source first
 */
public record Walk(boolean delivered, int hops, double length, int[] nodes) {
}
