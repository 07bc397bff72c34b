package io.thalamus.intent.model;

import java.util.Objects;

/** Something that must hold on the twin: {@code metric op target}, e.g. max-link-utilization <= 0.8. */
public record Expectation(Metric metric, Comparison op, double target) {

    public Expectation {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(op, "op");
    }

    @Override
    public String toString() {
        return metric.wire() + " " + op.symbol() + " " + target;
    }
}
