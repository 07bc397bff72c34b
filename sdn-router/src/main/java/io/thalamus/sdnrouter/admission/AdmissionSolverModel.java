package io.thalamus.sdnrouter.admission;

import io.thalamus.models.registry.Model;

/** An admission solver as the model registry hands it out for {@code admit-flows} tasks. */
public record AdmissionSolverModel(AdmissionSolver solver) implements Model {
}
