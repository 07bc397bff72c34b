package io.thalamus.sdnrouter.admission;

import java.util.List;
import java.util.Map;

/**
 * The baseline: classes highest first (existing flows of a class before its newcomers, each back on its
 * own path if it still fits), newcomers of a class by value per bandwidth (highest first), each on the first
 * of its k shortest candidate paths that has room.
 */
public final class GreedyAdmissionSolver implements AdmissionSolver {

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public AdmissionResult solve(AdmissionProblem problem, CandidatePaths candidates) {
        long start = System.nanoTime();
        AdmissionInstance in = new AdmissionInstance(problem, candidates);
        PriorityDecoder.Decision d = new PriorityDecoder(in).decode(new int[in.flowCount()]);
        return in.toResult(name(), AdmissionStatus.FEASIBLE, in.routesOf(d.choice()), d.kept(), List.of(),
                Double.NaN, start, Map.of(), List.of());
    }
}
