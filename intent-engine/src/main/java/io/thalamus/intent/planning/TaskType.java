package io.thalamus.intent.planning;

/** The kinds of blueprint task; each is routed to a model and run by one executor. */
public enum TaskType {
    /** Forecast load (of candidate paths, a link or an origin-destination pair). */
    FORECAST("forecast"),
    /** Admit and route flows under link capacities. */
    ADMIT("admit"),
    /** Compute routes network-wide with a routing policy. */
    ROUTE("route"),
    /** Try the plan (or a scenario) on a fork of the twin and check the expectations. */
    WHAT_IF("what-if"),
    /** Look for anomalies in a series. */
    DETECT("detect"),
    /** Turn zones of tolerance and a target satisfaction into per-class bandwidth. */
    ASSURE("assure"),
    /** Push the approved routes through the SDN controller. */
    INSTALL("install");

    private final String wire;

    TaskType(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON and model cards. */
    public String wire() {
        return wire;
    }
}
