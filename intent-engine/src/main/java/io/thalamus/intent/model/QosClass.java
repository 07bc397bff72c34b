package io.thalamus.intent.model;

import java.util.List;

/** One user class of an {@code assure-qos} intent: its throughput zone of tolerance and its flows. */
public record QosClass(String name, double adequateBps, double desiredBps, List<Endpoints> flows) {

    /** A source-destination pair. */
    public record Endpoints(String source, String destination) {
    }

    public QosClass {
        flows = List.copyOf(flows);
    }
}
