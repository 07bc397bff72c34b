package io.thalamus.sdnrouter.admission;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.path.ShortestPaths;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The k shortest loop-free paths by IGP weight (Yen, from network-model's {@link ShortestPaths}) of every
 * newcomer of one problem, computed once per node pair. Computing them can take longer than solving, so a
 * caller that runs several solvers on one problem computes them once and passes them to each.
 */
public final class CandidatePaths {

    private final AdmissionProblem problem;
    private final List<List<Path>> perFlow;
    private final long computeNanos;

    private CandidatePaths(AdmissionProblem problem, List<List<Path>> perFlow, long computeNanos) {
        this.problem = problem;
        this.perFlow = perFlow;
        this.computeNanos = computeNanos;
    }

    /** Computes the candidates of every newcomer of {@code problem}. */
    public static CandidatePaths of(AdmissionProblem problem) {
        long t0 = System.nanoTime();
        ShortestPaths sp = new ShortestPaths(problem.topology());
        Map<String, List<Path>> byPair = new HashMap<>();
        List<List<Path>> out = new ArrayList<>(problem.flows().size());
        for (Flow f : problem.flows()) {
            out.add(byPair.computeIfAbsent(f.source() + "\u0000" + f.destination(),
                    key -> List.copyOf(sp.kShortest(f.source(), f.destination(), problem.k()))));
        }
        return new CandidatePaths(problem, List.copyOf(out), System.nanoTime() - t0);
    }

    /** Candidates of the i-th newcomer, shortest first (empty when its destination is unreachable). */
    public List<Path> of(int flowIndex) {
        return perFlow.get(flowIndex);
    }

    /** Wall time it took to compute them, in milliseconds. */
    public long computeMillis() {
        return computeNanos / 1_000_000L;
    }

    /** Whether these candidates were computed for this problem's topology, flows and k. */
    public boolean matches(AdmissionProblem other) {
        return other.topology() == problem.topology() && other.flows().equals(problem.flows()) && other.k() == problem.k();
    }
}
