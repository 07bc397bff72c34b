package io.thalamus.sdnrouter.routing;

import io.thalamus.models.registry.Model;

/** A routing policy as the model registry hands it out for {@code route} tasks. */
public record RoutingPolicyModel(RoutingPolicy policy) implements Model {
}
