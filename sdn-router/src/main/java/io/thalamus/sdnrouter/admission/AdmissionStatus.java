package io.thalamus.sdnrouter.admission;

/** What a solver can say about its answer. */
public enum AdmissionStatus {
    /** Proven optimal for the whole objective (every lexicographic stage and the secondary term). */
    OPTIMAL,
    /** Feasible, without a proof of optimality (heuristics). */
    FEASIBLE,
    /** No feasible answer exists. */
    INFEASIBLE,
    /** An exact solver hit its time limit; the answer is the best feasible one found, with its bound and gap. */
    TIMED_OUT
}
