package io.thalamus.sdnrouter.admission;

import io.thalamus.models.card.ModelCard;
import io.thalamus.models.registry.Model;
import io.thalamus.models.registry.ModelProvider;

import java.time.Duration;
import java.util.List;

/**
 * Registers the admission solvers as models: each card names its solver ({@code parameters.solver}:
 * {@code ilp}, {@code ilp-arc}, {@code ga} or {@code greedy}) and optional {@code timeLimitS}, {@code seed},
 * {@code backend}.
 */
public final class AdmissionModels implements ModelProvider {

    @Override
    public List<String> cardResources() {
        return List.of("/META-INF/thalamus/models/admission.ilp.json", "/META-INF/thalamus/models/admission.ilp-arc.json",
                "/META-INF/thalamus/models/admission.ga.json", "/META-INF/thalamus/models/admission.greedy.json");
    }

    @Override
    public Model create(ModelCard card) {
        String solver = card.stringParameter("solver").orElseThrow(
                () -> new IllegalArgumentException("/parameters/solver: expected ilp, ilp-arc, ga or greedy"));
        double limit = card.numberParameter("timeLimitS", 10);
        if (!(limit > 0)) {
            throw new IllegalArgumentException("/parameters/timeLimitS: expected a positive number of seconds, got " + limit);
        }
        Duration timeLimit = Duration.ofMillis(Math.round(limit * 1000));
        long seed = (long) card.numberParameter("seed", 0);
        IlpAdmissionSolver.Backend backend = card.stringParameter("backend")
                .map(IlpAdmissionSolver.Backend::parse).orElse(IlpAdmissionSolver.DEFAULT_BACKEND);
        AdmissionSolver s = switch (solver) {
            case "ilp" -> new IlpAdmissionSolver(backend, timeLimit, 2, (int) seed);
            case "ilp-arc" -> new ArcIlpAdmissionSolver(backend, timeLimit, 2, (int) seed);
            case "ga" -> new GeneticAdmissionSolver(seed, timeLimit, 40, 0);
            case "greedy" -> new GreedyAdmissionSolver();
            default -> throw new IllegalArgumentException("/parameters/solver: expected ilp, ilp-arc, ga or greedy, got '" + solver + "'");
        };
        return new AdmissionSolverModel(s);
    }
}
