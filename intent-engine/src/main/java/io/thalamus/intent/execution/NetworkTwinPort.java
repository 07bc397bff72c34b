package io.thalamus.intent.execution;

import io.thalamus.network.spi.TelemetryListener;
import io.thalamus.network.topology.Topology;

/**
 * What the intent engine needs of the digital twin: its current topology, forks to try blueprints on,
 * and measured state (it listens to telemetry).
 */
public interface NetworkTwinPort extends TelemetryListener {

    /** The topology with every link that is up. */
    Topology topology();

    /** The topology as configured, failed links included. */
    Topology baseTopology();

    /** A private copy of the current state. */
    TwinFork fork();

    /** The live state evaluated now (routes installed through the controller, measured background load). */
    TwinKpis evaluate();

    /** The live state evaluated for the installed flows of one intent. */
    TwinKpis evaluateIntent(String intentId);

    /** Increases every time the twin's state changes (telemetry, link status, routes). */
    long version();
}
