package io.thalamus.sdnrouter.admission;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a solver decided, with its provenance.
 *
 * @param solver            solver name ({@code ilp}, {@code ilp-arc}, {@code ga}, {@code greedy})
 * @param status            proof status
 * @param mode              objective mode the solver optimised
 * @param classes           priority classes, highest first
 * @param objective         admitted value per class (same order as {@code classes}), existing kept flows included
 * @param weightedObjective sum of value x (priority + 1) over admitted flows
 * @param bound             upper bounds proven by an exact solver: in strict mode one per class (each valid
 *                          given the classes above at their reported values), in weighted mode one value for
 *                          {@code weightedObjective}; empty for heuristics
 * @param gap               relative gap of the first objective component not proven optimal (0 when proven,
 *                          NaN when the solver proves nothing)
 * @param pathWeight        secondary objective: total IGP weight of the newcomers' paths
 * @param timeMs            wall time of {@code solve}, candidate paths included
 * @param admitted          carried flows with their paths (kept existing flows first)
 * @param rejected          flows not carried, with a reason
 * @param evictions         existing flows evicted by higher-priority newcomers
 * @param linkLoads         load on every directed link
 * @param parameters        solver parameters (k, backend, seed, time limit, ...)
 * @param notes             anything a reader should know about how the answer was obtained
 */
public record AdmissionResult(String solver, AdmissionStatus status, ObjectiveMode mode, List<Integer> classes,
                              List<Double> objective, double weightedObjective, List<Double> bound, double gap,
                              double pathWeight, long timeMs, List<AdmittedFlow> admitted, List<Rejection> rejected,
                              List<Eviction> evictions, List<LinkLoad> linkLoads, Map<String, String> parameters,
                              List<String> notes) {

    public AdmissionResult {
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(status, "status");
        classes = List.copyOf(classes);
        objective = List.copyOf(objective);
        bound = List.copyOf(bound);
        admitted = List.copyOf(admitted);
        rejected = List.copyOf(rejected);
        evictions = List.copyOf(evictions);
        linkLoads = List.copyOf(linkLoads);
        parameters = Map.copyOf(parameters);
        notes = List.copyOf(notes);
    }

    /** The primary objective as compared between solvers: per-class values (strict) or the weighted sum. */
    public double[] primary() {
        if (mode == ObjectiveMode.WEIGHTED) {
            return new double[] {weightedObjective};
        }
        return objective.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Compares two results of the same problem: positive when {@code a} is better (primary objective
     * lexicographically larger, then smaller path weight), within a relative tolerance of 1e-9.
     */
    public static int compare(AdmissionResult a, AdmissionResult b) {
        return Score.compare(a.primary(), a.pathWeight, b.primary(), b.pathWeight);
    }

    /**
     * Value over {@code reference}'s value at the first primary component where they differ (the weighted ratio in
     * weighted mode); 1 when equal. Two such numbers are comparable only at the same component: use
     * {@link #lexicographicRatioTo} to rank answers (0.94 in the lowest class beats 0.97 in a higher one).
     */
    public double ratioTo(AdmissionResult reference) {
        double r = lexicographicRatioTo(reference).ratio();
        return Double.isInfinite(r) ? 1.0 : r;
    }

    /** The ratio to {@code reference} together with the component where it is taken, ordered like the objective. */
    public LexicographicRatio lexicographicRatioTo(AdmissionResult reference) {
        return LexicographicRatio.of(primary(), reference.primary());
    }
}
