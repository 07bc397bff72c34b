package io.thalamus.intent.execution;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;

/** A flow with the path chosen for it, owned by one intent. */
public record RoutedFlow(String intentId, Flow flow, Path path) {
}
