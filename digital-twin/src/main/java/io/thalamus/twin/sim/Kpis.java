package io.thalamus.twin.sim;

/**
 * Network-wide key performance indicators of one twin state.
 *
 * @param maxUtilisation        highest link utilisation (offered / capacity) over links that are up
 * @param mostUtilisedLink      id of that link, or null when there are no links up
 * @param meanUtilisation       mean utilisation over links that are up
 * @param offeredBps            total demand of all flows
 * @param throughputBps         total throughput of all flows
 * @param demandLostBps         offered minus throughput
 * @param flowsDisconnected     flows without a route
 * @param flowsDelayBoundBroken flows whose delay exceeds their bound
 * @param linksOverloaded       links with utilisation above 1
 * @param meanFlowDelayMs       mean delay over connected flows (0 when there are none)
 */
public record Kpis(double maxUtilisation, String mostUtilisedLink, double meanUtilisation, double offeredBps,
                   double throughputBps, double demandLostBps, int flowsDisconnected, int flowsDelayBoundBroken,
                   int linksOverloaded, double meanFlowDelayMs) {
}
