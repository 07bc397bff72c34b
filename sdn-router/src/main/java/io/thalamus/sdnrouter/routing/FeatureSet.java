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
    STRETCH(List.of("d(s,t)/R", "stretch(v)", "d(v,t)/R", "stretch(u)", "d(u,t)/R", "d(v,u)/R")),

    /** Distance to the destination alone: a network on this input can only learn greedy forwarding. */
    DISTANCE_ONLY(List.of("d(u,t)/R"));

    private final List<String> names;

    FeatureSet(List<String> names) {
        this.names = names;
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
        return this == DISTANCE_ONLY ? 0 : 3;
    }

    /** Fills {@code out} with the features of moving from v to neighbour u (positions in the plane). */
    public void fill(double sx, double sy, double vx, double vy, double ux, double uy, double tx, double ty,
                     double range, double[] out) {
        fillState(sx, sy, vx, vy, tx, ty, range, out);
        fillCandidate(sx, sy, vx, vy, ux, uy, tx, ty, range, out);
    }

    /** Fills {@code out[0 .. stateCount())}, the features of the state (s, v, t). */
    public void fillState(double sx, double sy, double vx, double vy, double tx, double ty, double range, double[] out) {
        if (this == DISTANCE_ONLY) {
            return;
        }
        double dst = RoutingGraph.planarDistance(sx, sy, tx, ty);
        double dvt = RoutingGraph.planarDistance(vx, vy, tx, ty);
        out[0] = dst / range;
        out[1] = (RoutingGraph.planarDistance(sx, sy, vx, vy) + dvt) / Math.max(dst, 1e-3 * range);
        out[2] = dvt / range;
    }

    /** Fills {@code out[stateCount() .. count())}, the features of candidate u. */
    public void fillCandidate(double sx, double sy, double vx, double vy, double ux, double uy, double tx, double ty,
                              double range, double[] out) {
        fillCandidateGiven(RoutingGraph.planarDistance(sx, sy, tx, ty), RoutingGraph.planarDistance(ux, uy, tx, ty),
                sx, sy, vx, vy, ux, uy, range, out);
    }

    /**
     * As {@code fillCandidate} with d(s,t) and d(u,t) already computed (by {@link RoutingGraph#planarDistance}), for the
     * per-decision hot path.
     */
    public void fillCandidateGiven(double dst, double dut, double sx, double sy, double vx, double vy, double ux, double uy,
                              double range, double[] out) {
        if (this == DISTANCE_ONLY) {
            out[0] = dut / range;
            return;
        }
        out[3] = (RoutingGraph.planarDistance(sx, sy, ux, uy) + dut) / Math.max(dst, 1e-3 * range);
        out[4] = dut / range;
        out[5] = RoutingGraph.planarDistance(vx, vy, ux, uy) / range;
    }

    /** The features of moving from v to u for a packet from s to t on {@code graph}. */
    public void fill(RoutingGraph g, int s, int v, int u, int t, double[] out) {
        fill(g.x(s), g.y(s), g.x(v), g.y(v), g.x(u), g.y(u), g.x(t), g.y(t), g.range(), out);
    }
}
