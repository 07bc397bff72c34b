package io.thalamus.telemetry.sample;

import java.time.Instant;
import java.util.Objects;

/**
 * One measurement of one network element: a metric of a link (an interface) or of the element itself.
 * Serialized as JSON by {@link SampleJson} (schema version {@link SampleJson#SCHEMA_VERSION}).
 *
 * @param element     id of the element that reported it (a topology node id)
 * @param metric      what was measured, e.g. {@link #LOAD} or {@link #UTILIZATION}
 * @param linkId      directed link the metric belongs to, or null for an element-level metric
 * @param nodeId      node the metric belongs to when {@code linkId} is null, else null
 * @param value       the measured value (may be NaN as received; the pipeline refuses it)
 * @param unit        unit of {@code value}, e.g. {@code bit/s} or {@code ratio}
 * @param timestampMs when it was measured, epoch milliseconds
 * @param sequence    per-element sequence number assigned by the producer (collector or replay)
 */
public record TelemetrySample(String element, String metric, String linkId, String nodeId, double value,
                              String unit, long timestampMs, long sequence) {

    /** Offered load on a link, bit/s. */
    public static final String LOAD = "load";
    /** Load divided by capacity, ratio. */
    public static final String UTILIZATION = "utilization";
    /** Unit of {@link #LOAD}. */
    public static final String BITS_PER_SECOND = "bit/s";
    /** Unit of {@link #UTILIZATION}. */
    public static final String RATIO = "ratio";

    public TelemetrySample {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
    }

    /** A link load sample in bit/s. */
    public static TelemetrySample linkLoad(String element, String linkId, double bps, long timestampMs, long sequence) {
        return new TelemetrySample(element, LOAD, linkId, null, bps, BITS_PER_SECOND, timestampMs, sequence);
    }

    /** What the sample is about: its link id, else its node id, else the element. */
    public String subject() {
        return linkId != null ? linkId : nodeId != null ? nodeId : element;
    }

    /** The record key on the samples topic: {@code element|subject}; the partitioner hashes only the element. */
    public String key() {
        return SampleKey.of(element, subject());
    }

    public Instant timestamp() {
        return Instant.ofEpochMilli(timestampMs);
    }
}
