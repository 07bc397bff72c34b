package io.thalamus.twin.sweep;

/**
 * The damage of one failure.
 *
 * @param failure           the failure
 * @param flowsAffected     flows whose route crossed a failed element
 * @param flowsRerouted     of those, flows that found another route
 * @param flowsDisconnected flows left without a route
 * @param demandLostBps     demand not carried: disconnected flows plus what over-subscribed links cut
 *                          (strict priority, then max-min fair share)
 * @param maxUtilisation    worst offered utilisation over the links still up
 * @param worstLink         the link with that utilisation
 * @param linksOverloaded   links offered more than their capacity
 */
public record FailureImpact(Failure failure, int flowsAffected, int flowsRerouted, int flowsDisconnected,
                            double demandLostBps, double maxUtilisation, String worstLink, int linksOverloaded) {
}
