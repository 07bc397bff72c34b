package io.thalamus.twin.sim;

/**
 * Simulated state of one node, summarised over its outgoing links.
 *
 * @param nodeId      node id
 * @param up          false when the node failed
 * @param loadBps     offered load summed over outgoing links
 * @param utilisation highest utilisation of an outgoing link
 * @param delayMs     highest mean sojourn of an outgoing link
 */
public record NodeState(String nodeId, boolean up, double loadBps, double utilisation, double delayMs) {
}
