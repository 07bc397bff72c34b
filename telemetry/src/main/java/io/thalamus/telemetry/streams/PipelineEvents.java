package io.thalamus.telemetry.streams;

/** What the Streams topology reports as it runs (for self-metrics); every method defaults to nothing. */
public interface PipelineEvents {

    /** Reports nothing. */
    PipelineEvents NONE = new PipelineEvents() {
    };

    /** A sample entered the link windows. */
    default void accepted() {
    }

    /** A well-formed sample was passed over (not a link metric). */
    default void skipped() {
    }

    /** A record went to the dead-letter topic. */
    default void deadLettered(String reason) {
    }

    /** An anomaly was emitted. */
    default void anomaly(AnomalyEvent event) {
    }
}
