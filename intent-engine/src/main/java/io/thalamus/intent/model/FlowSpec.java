package io.thalamus.intent.model;

/** One flow of an {@code admit-flows} intent; {@code priority} null inherits the intent's. */
public record FlowSpec(String id, String source, String destination, double bandwidthBps, Integer priority,
                       Double maxDelayMs) {
}
