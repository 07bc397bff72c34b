package io.thalamus.sdnrouter.admission;

/** Decides which flows of an {@link AdmissionProblem} to admit and on which paths. */
public interface AdmissionSolver {

    /** Short name used on the command line and in results ({@code ilp}, {@code ilp-arc}, {@code ga}, {@code greedy}). */
    String name();

    /** Solves the problem; never returns an answer that violates capacities or the problem's paths. */
    AdmissionResult solve(AdmissionProblem problem);
}
