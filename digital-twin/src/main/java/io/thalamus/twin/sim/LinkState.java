package io.thalamus.twin.sim;

/**
 * Simulated state of one directed link.
 *
 * @param linkId       directed link id
 * @param physicalId   cable id (shared by both directions)
 * @param source       tail node
 * @param target       head node
 * @param up           false when failed (its capacity counts as zero)
 * @param capacityBps  capacity in bit/s
 * @param offeredBps   load offered by the routed flows, or the measured load when telemetry overrides it
 * @param carriedBps   load the link carries after priority and max-min sharing
 * @param utilisation  offered / capacity (may exceed 1 on an over-subscribed link; 0 when down)
 * @param delayMs      mean sojourn (queueing + transmission) of a packet, all classes together
 * @param lossRate     M/M/1/K loss probability at the carried load, all classes together
 * @param measured     true when the load comes from telemetry rather than from routed flows
 */
public record LinkState(String linkId, String physicalId, String source, String target, boolean up,
                        double capacityBps, double offeredBps, double carriedBps, double utilisation,
                        double delayMs, double lossRate, boolean measured) {
}
