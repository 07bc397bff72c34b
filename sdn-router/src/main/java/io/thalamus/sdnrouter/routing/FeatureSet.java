package io.thalamus.sdnrouter.routing;

import java.util.List;

/**
 * The local inputs a learned policy scores a candidate neighbour u from, at node v, for a packet
 * from s to t. Distances are planar and divided by the range R. The node stretch ("ellipse
 * factor") of w is (d(s,w) + d(w,t)) / d(s,t); its denominator is floored at 10⁻³·R so that a
 * source and destination at the same place do not divide by zero.
 */
public enum FeatureSet {

    /** The paper's features: d(s,t), node stretch and d(·,t) of v and of u, plus the hop length d(v,u). */
    STRETCH(List.of("d(s,t)/R", "stretch(v)", "d(v,t)/R", "stretch(u)", "d(u,t)/R", "d(v,u)/R"), 3),

    /**
     * The paper's features plus a two-hop look-ahead that stays local (u's neighbour table and the
     * packet's visited set, see {@link LocalView#lookahead}): the least d(u,w) + d(w,t) over u's
     * unvisited onward neighbours w, and how many such w there are (capped at 8, divided by 8).
     * When u has no onward neighbour the look-ahead is d(u,t)/R + {@link #DEAD_END_PENALTY}.
     */
    LOOKAHEAD(List.of("d(s,t)/R", "stretch(v)", "d(v,t)/R", "stretch(u)", "d(u,t)/R", "d(v,u)/R",
            "lookahead(u)/R", "onward(u)/8"), 3),

    /**
     * {@link #LOOKAHEAD} plus the frontier look-ahead ({@link LocalView#frontier}): the same two-hop
     * bound over only those onward neighbours of u that the current node does not reach itself.
     */
    FRONTIER(List.of("d(s,t)/R", "stretch(v)", "d(v,t)/R", "stretch(u)", "d(u,t)/R", "d(v,u)/R",
            "lookahead(u)/R", "onward(u)/8", "frontier(u)/R"), 3),

    /**
     * {@link #FRONTIER} plus the three-hop frontier look-ahead ({@link LocalView#frontier3}): the least
     * d(u,w) + d(w,x) + d(x,t) over unvisited paths u → w → x to the edge of the three-hop view. It needs the neighbour tables
     * of u's neighbours too, so the node's view reaches three hops (nodes advertise their two-hop
     * neighbourhood in their hellos, as OLSR's two-hop neighbour sets do); the other features are
     * those of {@link #FRONTIER}.
     */
    THREE_HOP(List.of("d(s,t)/R", "stretch(v)", "d(v,t)/R", "stretch(u)", "d(u,t)/R", "d(v,u)/R",
            "lookahead(u)/R", "onward(u)/8", "frontier(u)/R", "frontier3(u)/R"), 3),

    /** Distance to the destination alone: a network on this input can only learn greedy forwarding. */
    DISTANCE_ONLY(List.of("d(u,t)/R"), 0);

    /** Look-ahead feature value (in R) added to d(u,t)/R for a candidate with no onward neighbour. */
    public static final double DEAD_END_PENALTY = 2.0;

    private final List<String> names;
    private final int stateCount;

    FeatureSet(List<String> names, int stateCount) {
        this.names = names;
        this.stateCount = stateCount;
    }

    /** Feature names in input order, as saved in policy files. */
    public List<String> names() {
        return names;
    }

    public int count() {
        return names.size();
    }

    /** The feature set with exactly these names. @throws IllegalArgumentException when none matches */
    public static FeatureSet byNames(List<String> names) {
        for (FeatureSet f : values()) {
            if (f.names.equals(names)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature list " + names + "; known: "
                + java.util.Arrays.stream(values()).map(f -> f.names.toString()).toList());
    }

    /**
     * How many leading features describe the decision state (s, v, t) alone; the rest depend on
     * the candidate u. A policy computes the state part once per decision.
     */
    public int stateCount() {
        return stateCount;
    }

    /** Fills {@code out} with all features of sending the packet of {@code view} to the neighbour in {@code slot}. */
    public void fill(LocalView view, int slot, double[] out) {
        fillState(view, out);
        double[] ahead = new double[aheadLength()];
        if (usesLookahead()) {
            lookahead(view, slot, ahead);
        }
        fillCandidate(view, slot, view.sourceToDestination(), view.neighbourToDestination(slot), ahead, out);
    }

    /** Whether the candidate features include the two-hop look-ahead ({@link LocalView#lookahead(int, double[])}). */
    public boolean usesLookahead() {
        return this == LOOKAHEAD || this == FRONTIER || this == THREE_HOP;
    }

    /** Length of the look-ahead array {@link #lookahead} fills: look-ahead, onward count, then frontier and three-hop when used. */
    public int aheadLength() {
        return switch (this) {
            case FRONTIER -> 3;
            case THREE_HOP -> 4;
            default -> 2;
        };
    }

    /**
     * Fills {@code ahead} (length {@link #aheadLength()}) for the neighbour in {@code slot}: the
     * two-hop look-ahead and onward count, the frontier look-ahead when this set uses it, and the
     * three-hop look-ahead for {@link #THREE_HOP}.
     */
    public void lookahead(LocalView view, int slot, double[] ahead) {
        view.lookahead(slot, ahead);
        finishLookahead(view, slot, ahead);
    }

    /**
     * The three-hop part of {@link #lookahead} (for {@link #THREE_HOP}), split off so the decision's hot
     * path computes it only where needed: before admission for a rule that reads it
     * ({@link CandidateRule#usesFrontier3()}), else only for the candidates the rule admitted.
     */
    void finishLookahead(LocalView view, int slot, double[] ahead) {
        if (this == THREE_HOP) {
            ahead[3] = view.frontier3(slot);
        }
    }

    /** Fills {@code out[0 .. stateCount())}, the features of the state (s, v, t). */
    public void fillState(LocalView view, double[] out) {
        if (stateCount == 0) {
            return;
        }
        double range = view.range();
        double dst = view.sourceToDestination();
        double dvt = view.currentToDestination();
        out[0] = dst / range;
        out[1] = (view.sourceToCurrent() + dvt) / Math.max(dst, 1e-3 * range);
        out[2] = dvt / range;
    }

    /**
     * Fills {@code out[stateCount() .. count())}, the features of the candidate in {@code slot}, given
     * d(s,t), d(u,t) and (when {@link #usesLookahead}) the look-ahead and onward count from
     * {@link LocalView#lookahead(int, double[])} in {@code ahead[0..1]} (and, for {@link #FRONTIER},
     * {@link LocalView#frontier} in {@code ahead[2]}, for {@link #THREE_HOP} {@link LocalView#frontier3} in
     * {@code ahead[3]}) already computed (the per-decision hot path computes them once).
     */
    public void fillCandidate(LocalView view, int slot, double dst, double dut, double[] ahead, double[] out) {
        double range = view.range();
        if (this == DISTANCE_ONLY) {
            out[0] = dut / range;
            return;
        }
        out[3] = (view.sourceToNeighbour(slot) + dut) / Math.max(dst, 1e-3 * range);
        out[4] = dut / range;
        out[5] = view.currentToNeighbour(slot) / range;
        if (usesLookahead()) {
            out[6] = ahead[0] == Double.POSITIVE_INFINITY ? dut / range + DEAD_END_PENALTY : ahead[0] / range;
            out[7] = Math.min(ahead[1], 8) / 8.0;
        }
        if (this == FRONTIER || this == THREE_HOP) {
            out[8] = ahead[2] == Double.POSITIVE_INFINITY ? dut / range + DEAD_END_PENALTY : ahead[2] / range;
        }
        if (this == THREE_HOP) {
            out[9] = ahead[3] == Double.POSITIVE_INFINITY ? dut / range + DEAD_END_PENALTY : ahead[3] / range;
        }
    }
}
