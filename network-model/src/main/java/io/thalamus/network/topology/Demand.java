package io.thalamus.network.topology;

import java.util.Objects;

/** A static traffic demand between two nodes, as an SNDlib instance lists them. */
public record Demand(String id, String source, String target, double valueBps) {

    public Demand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (!(valueBps >= 0) || Double.isInfinite(valueBps)) {
            throw new IllegalArgumentException("demand " + id + ": valueBps must be >= 0, got " + valueBps);
        }
    }
}
