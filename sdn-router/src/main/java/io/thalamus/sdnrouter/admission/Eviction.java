package io.thalamus.sdnrouter.admission;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;

/** An existing flow taken off its path so that the higher-priority flow {@code byFlowId} could be admitted. */
public record Eviction(Flow flow, Path path, String byFlowId) {
}
