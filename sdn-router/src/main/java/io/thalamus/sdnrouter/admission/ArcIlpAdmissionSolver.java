package io.thalamus.sdnrouter.admission;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Exact admission with no path restriction: the arc-based ILP of {@link AdmissionModel} (one binary per
 * flow and link, flow conservation), solved lexicographically. Meant for small instances: it has
 * flows x links variables.
 */
public final class ArcIlpAdmissionSolver implements AdmissionSolver {

    private final IlpAdmissionSolver.Backend backend;
    private final Duration timeLimit;
    private final int workers;
    private final int seed;

    /** The default engine of {@link IlpAdmissionSolver}, 60 s. */
    public ArcIlpAdmissionSolver() {
        this(IlpAdmissionSolver.DEFAULT_BACKEND, IlpAdmissionSolver.DEFAULT_TIME_LIMIT, 2, 0);
    }

    /** See {@link IlpAdmissionSolver#IlpAdmissionSolver(IlpAdmissionSolver.Backend, Duration, int, int)}. */
    public ArcIlpAdmissionSolver(IlpAdmissionSolver.Backend backend, Duration timeLimit, int workers, int seed) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive, got " + timeLimit);
        }
        this.workers = workers;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "ilp-arc";
    }

    @Override
    public AdmissionResult solve(AdmissionProblem problem, CandidatePaths candidates) {
        return ExactAdmission.solve(name(), problem, candidates, AdmissionModel.Formulation.ARC, backend.factory(workers, seed, false),
                timeLimit, false, true, Map.of("workers", Integer.toString(workers), "seed", Integer.toString(seed)));
    }

    /** The arc ILP's first stage in CPLEX LP format. */
    public static String exportLp(AdmissionProblem problem) {
        return ExactAdmission.export(problem, AdmissionModel.Formulation.ARC, false);
    }

    /** The arc ILP's first stage in free MPS format. */
    public static String exportMps(AdmissionProblem problem) {
        return ExactAdmission.export(problem, AdmissionModel.Formulation.ARC, true);
    }
}
