package io.thalamus.bench.routing;

import io.thalamus.sdnrouter.routing.LocalView;
import io.thalamus.sdnrouter.routing.RoutingGraph;
import io.thalamus.sdnrouter.routing.RoutingPolicy;

/** A policy evaluated under another name (so two variants of one policy can sit side by side). */
record RenamedPolicy(String name, RoutingPolicy base) implements RoutingPolicy {

    @Override
    public boolean geographic() {
        return base.geographic();
    }

    @Override
    public RoutingPolicy on(RoutingGraph graph) {
        return new RenamedPolicy(name, base.on(graph));
    }

    @Override
    public int choose(LocalView view) {
        return base.choose(view);
    }
}
