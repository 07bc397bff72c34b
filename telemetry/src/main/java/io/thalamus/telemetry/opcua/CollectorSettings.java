package io.thalamus.telemetry.opcua;

import java.util.Set;

/**
 * How the OPC UA collector subscribes.
 *
 * @param samplingIntervalMs   requested sampling interval of every monitored item (0 = as fast as the
 *                             server can; the element simulator pushes every change anyway)
 * @param queueSize            server-side queue of each monitored item; values beyond it between two
 *                             publishes are discarded (oldest first) and flagged with the overflow bit
 * @param publishingIntervalMs requested publishing interval of the subscription
 * @param metrics              interface variables to collect ({@link OpcUaNames#LOAD}, {@link OpcUaNames#UTILIZATION})
 */
public record CollectorSettings(double samplingIntervalMs, int queueSize, double publishingIntervalMs, Set<String> metrics) {

    public CollectorSettings {
        if (samplingIntervalMs < 0) {
            throw new IllegalArgumentException("samplingIntervalMs must be >= 0, got " + samplingIntervalMs);
        }
        if (queueSize < 1) {
            throw new IllegalArgumentException("queueSize must be >= 1, got " + queueSize);
        }
        if (!(publishingIntervalMs > 0)) {
            throw new IllegalArgumentException("publishingIntervalMs must be > 0, got " + publishingIntervalMs);
        }
        for (String m : metrics) {
            if (!m.equals(OpcUaNames.LOAD) && !m.equals(OpcUaNames.UTILIZATION)) {
                throw new IllegalArgumentException("unknown metric '" + m + "' (expected " + OpcUaNames.LOAD + " or "
                        + OpcUaNames.UTILIZATION + ")");
            }
        }
        metrics = Set.copyOf(metrics);
    }

    /** Sampling 0 ms, queue 1000 values per item, publishing every 100 ms, load only. */
    public static CollectorSettings defaults() {
        return new CollectorSettings(0, 1000, 100, Set.of(OpcUaNames.LOAD));
    }
}
