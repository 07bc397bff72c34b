package io.thalamus.sdnrouter.admission;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Exact admission over k candidate paths per flow (k shortest by IGP weight): the path-based ILP of
 * {@link AdmissionModel}, solved lexicographically on OR-Tools CP-SAT or SCIP, started from the greedy
 * answer. Optimal for the candidate sets; {@link ArcIlpAdmissionSolver} drops the path restriction.
 */
public final class IlpAdmissionSolver implements AdmissionSolver {

    /** The OR-Tools engine behind the model. */
    public enum Backend {
        /** CP-SAT (integer coefficients after exact decimal scaling). */
        CP_SAT,
        /** SCIP through MPSolver, the default: it proved optimality faster than CP-SAT in bench/results/admission. */
        SCIP;

        /** Parses {@code cp-sat} or {@code scip}. */
        public static Backend parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            return switch (t) {
                case "cp-sat", "cpsat", "sat" -> CP_SAT;
                case "scip" -> SCIP;
                default -> throw new IllegalArgumentException("backend: expected cp-sat or scip, got '" + text + "'");
            };
        }

        Supplier<MipBackend> factory(int workers, int seed, boolean cpuClock) {
            return switch (this) {
                case CP_SAT -> () -> new CpSatBackend(workers, seed, cpuClock);
                case SCIP -> () -> new ScipBackend("SCIP", cpuClock);
            };
        }
    }

    /** Default time limit. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    private final Backend backend;
    private final Duration timeLimit;
    private final int workers;
    private final int seed;
    private final boolean cpuClock;
    private final boolean fold;
    private final double foldedShare;

    /** The default engine. */
    public static final Backend DEFAULT_BACKEND = Backend.SCIP;

    /** The default engine (SCIP), 60 s limit. */
    public IlpAdmissionSolver() {
        this(DEFAULT_BACKEND, DEFAULT_TIME_LIMIT, 2, 0);
    }

    /**
     * @param backend   engine
     * @param timeLimit wall-clock limit for all stages together
     * @param workers   CP-SAT worker threads (SCIP is single-threaded)
     * @param seed      CP-SAT random seed
     */
    public IlpAdmissionSolver(Backend backend, Duration timeLimit, int workers, int seed) {
        this(backend, timeLimit, workers, seed, false);
    }

    /**
     * As {@link #IlpAdmissionSolver(Backend, Duration, int, int)}; with {@code cpuClock} the limit counts CPU
     * seconds (SCIP's process CPU clock, the solving thread's CPU time between stages) instead of wall-clock
     * seconds, so that a benchmark on a shared machine is not cut short by other jobs. For the multi-threaded CP-SAT
     * a CPU second is one second of each worker: the process's CPU time divided by {@code workers}.
     */
    public IlpAdmissionSolver(Backend backend, Duration timeLimit, int workers, int seed, boolean cpuClock) {
        this(backend, timeLimit, workers, seed, cpuClock, true, ExactAdmission.FOLDED_SHARE);
    }

    private IlpAdmissionSolver(Backend backend, Duration timeLimit, int workers, int seed, boolean cpuClock, boolean fold,
                               double foldedShare) {
        this.cpuClock = cpuClock;
        this.fold = fold;
        if (!(foldedShare >= 0)) {
            throw new IllegalArgumentException("foldedShare must be >= 0, got " + foldedShare);
        }
        this.foldedShare = foldedShare;
        this.backend = Objects.requireNonNull(backend, "backend");
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive, got " + timeLimit);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.workers = workers;
        this.seed = seed;
    }

    /**
     * The same solver with the primary stages solved one after the other (each optimum fixed before the next)
     * instead of as one folded objective; see docs/admission.md.
     */
    public IlpAdmissionSolver staged() {
        return new IlpAdmissionSolver(backend, timeLimit, workers, seed, cpuClock, false, foldedShare);
    }

    /**
     * The same solver with the folded solve given {@code share} of the time limit before the staged fallback
     * ({@code >= 1}: folded alone, no fallback; 0: straight to the staged solve from the greedy start). The
     * default is 0.6.
     */
    public IlpAdmissionSolver withFoldedShare(double share) {
        return new IlpAdmissionSolver(backend, timeLimit, workers, seed, cpuClock, fold, share);
    }

    @Override
    public String name() {
        return "ilp";
    }

    @Override
    public AdmissionResult solve(AdmissionProblem problem, CandidatePaths candidates) {
        return ExactAdmission.solve(name(), problem, candidates, AdmissionModel.Formulation.PATH, backend.factory(workers, seed, cpuClock),
                timeLimit, cpuClock, backend == Backend.CP_SAT ? workers : 0, fold, foldedShare, Map.of("workers", Integer.toString(workers), "seed", Integer.toString(seed)));
    }

    /** The path ILP's first stage in CPLEX LP format (see docs/admission.md). */
    public static String exportLp(AdmissionProblem problem) {
        return ExactAdmission.export(problem, AdmissionModel.Formulation.PATH, false);
    }

    /** The path ILP's first stage in free MPS format. */
    public static String exportMps(AdmissionProblem problem) {
        return ExactAdmission.export(problem, AdmissionModel.Formulation.PATH, true);
    }
}
