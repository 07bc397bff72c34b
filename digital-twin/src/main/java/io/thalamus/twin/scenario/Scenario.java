package io.thalamus.twin.scenario;

import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.twin.core.TwinModel;

import java.util.List;

/**
 * A what-if: a named list of steps applied in order, then one re-convergence.
 *
 * @param name  a label for reports
 * @param steps the changes, in order
 */
public record Scenario(String name, List<ScenarioStep> steps) {

    public Scenario {
        name = name == null || name.isBlank() ? "scenario" : name;
        steps = List.copyOf(steps);
    }

    /** A one-step scenario. */
    public static Scenario of(String name, ScenarioStep step) {
        return new Scenario(name, List.of(step));
    }

    /** The model after every step and re-convergence through {@code routing}. */
    public TwinModel applyTo(TwinModel model, RoutingFunction routing) {
        TwinModel m = model;
        for (ScenarioStep s : steps) {
            m = s.apply(m);
        }
        return m.reconverge(routing);
    }
}
