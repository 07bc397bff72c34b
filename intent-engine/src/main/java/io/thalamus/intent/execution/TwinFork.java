package io.thalamus.intent.execution;

import io.thalamus.network.topology.Topology;

import java.util.Collection;
import java.util.Map;

/**
 * A private copy of the twin on which a blueprint is tried: routes are added, removed or changed and
 * scenarios applied without touching the live twin.
 */
public interface TwinFork {

    /** The fork's topology (links that are up). */
    Topology topology();

    /** Every routed flow on the fork, by flow id. */
    Map<String, RoutedFlow> routes();

    /** Adds (or replaces) routed flows. */
    void addRoutes(Collection<RoutedFlow> flows);

    /** Removes every flow owned by {@code intentId}. */
    void removeIntent(String intentId);

    /** Takes a directed link, or both directions of a physical link, out of service. */
    void failLink(String linkId);

    /** Takes a node and every link touching it out of service. */
    void failNode(String nodeId);

    /** Takes every link of a shared-risk group out of service. */
    void failSrlg(String srlg);

    /** Sets a link's capacity (both directions of a physical link). */
    void setCapacity(String linkId, double capacityBps);

    /** Multiplies every flow's and every link's background load by {@code factor}. */
    void scaleTraffic(double factor);

    /** Load on each directed link from traffic the engine did not route (from telemetry), in bit/s. */
    Map<String, Double> backgroundLoadBps();

    /** Evaluates the fork as it is now: every link, and the flows added or moved in this fork. */
    TwinKpis evaluate();

    /** Evaluates the fork as it is now: every link, and every flow owned by {@code intentId}. */
    TwinKpis evaluateIntent(String intentId);
}
