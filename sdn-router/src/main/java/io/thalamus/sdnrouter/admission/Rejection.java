package io.thalamus.sdnrouter.admission;

import io.thalamus.network.flow.Flow;

/**
 * A flow that is not carried, with the reason: {@code no-path} (no route from source to destination),
 * {@code capacity} (every candidate route lacks capacity) or {@code evicted-by:<flow id>} (an existing
 * flow pre-empted by a higher-priority newcomer).
 */
public record Rejection(Flow flow, String reason) {

    /** Reason for a flow whose destination cannot be reached at all. */
    public static final String NO_PATH = "no-path";
    /** Reason for a flow that did not fit. */
    public static final String CAPACITY = "capacity";
    /** Prefix of the reason for an evicted existing flow. */
    public static final String EVICTED_BY = "evicted-by:";
}
