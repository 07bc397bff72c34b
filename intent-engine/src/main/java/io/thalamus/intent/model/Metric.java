package io.thalamus.intent.model;

/** A measurable quantity an expectation constrains, evaluated on the twin. */
public enum Metric {
    /** Largest utilisation (load / capacity) over every link of the network. */
    MAX_LINK_UTILIZATION("max-link-utilization"),
    /** Worst end-to-end delay of the intent's flows, in ms. */
    DELAY_MS("delay-ms"),
    /** Least throughput of the intent's flows, in bit/s. */
    THROUGHPUT_BPS("throughput-bps"),
    /** Worst loss ratio of the intent's flows. */
    LOSS("loss"),
    /** Share of the intent's flows that were admitted. */
    ADMITTED_RATIO("admitted-ratio"),
    /** Least zone-of-tolerance satisfaction of the intent's flows. */
    SATISFACTION("satisfaction");

    private final String wire;

    Metric(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON. */
    public String wire() {
        return wire;
    }

    /** The metric with this wire name. */
    public static Metric fromWire(String name) {
        for (Metric m : values()) {
            if (m.wire.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'");
    }
}
