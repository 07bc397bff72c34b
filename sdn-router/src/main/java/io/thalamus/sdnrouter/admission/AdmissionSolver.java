package io.thalamus.sdnrouter.admission;

/** Decides which flows of an {@link AdmissionProblem} to admit and on which paths. */
public interface AdmissionSolver {

    /** Short name used on the command line and in results ({@code ilp}, {@code ilp-arc}, {@code ga}, {@code greedy}). */
    String name();

    /** Solves the problem; never returns an answer that violates capacities or the problem's paths. */
    default AdmissionResult solve(AdmissionProblem problem) {
        return solve(problem, CandidatePaths.of(problem));
    }

    /**
     * Solves the problem with candidate paths computed beforehand (so several solvers can share them);
     * time limits and the reported time then cover the solve alone.
     *
     * @throws IllegalArgumentException when the candidates belong to another problem
     */
    AdmissionResult solve(AdmissionProblem problem, CandidatePaths candidates);
}
