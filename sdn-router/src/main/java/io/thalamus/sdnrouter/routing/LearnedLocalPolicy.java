package io.thalamus.sdnrouter.routing;

import java.util.Objects;

/**
 * The learned local policy of the single-graph paper: a small network scores each unvisited
 * neighbour u from local features ({@link FeatureSet}); the score estimates the remaining path
 * length via u in units of R, and the packet goes to the lowest-scoring candidate. Which
 * neighbours are candidates is the {@link CandidateRule}; a neighbour that is the destination is
 * always taken. Immutable; produced by {@link PolicyTrainer}, saved and loaded by {@link PolicyFile}.
 */
public final class LearnedLocalPolicy implements RoutingPolicy {

    private final FeatureSet features;
    private final Mlp network;
    private final CandidateRule candidates;
    private final ModelCard card;

    /**
     * @throws IllegalArgumentException when the network's input count differs from the feature count
     */
    public LearnedLocalPolicy(FeatureSet features, Mlp network, CandidateRule candidates, ModelCard card) {
        this.features = Objects.requireNonNull(features, "features");
        this.network = Objects.requireNonNull(network, "network");
        this.candidates = Objects.requireNonNull(candidates, "candidates");
        this.card = card;
        if (network.inputs() != features.count()) {
            throw new IllegalArgumentException("network has " + network.inputs() + " inputs but feature set " + features
                    + " has " + features.count() + " features");
        }
    }

    public FeatureSet features() {
        return features;
    }

    public Mlp network() {
        return network;
    }

    public CandidateRule candidates() {
        return candidates;
    }

    /** How the policy was trained and measured (may be null for a network built by hand). */
    public ModelCard card() {
        return card;
    }

    @Override
    public String name() {
        return "learned";
    }

    @Override
    public boolean geographic() {
        return true;
    }

    /** The network's score for sending the packet to the neighbour in {@code slot} (lower is better). */
    public double score(LocalView view, int slot, double[] scratch) {
        features.fill(view.sourceX(), view.sourceY(), view.currentX(), view.currentY(),
                view.neighbourX(slot), view.neighbourY(slot), view.destinationX(), view.destinationY(),
                view.range(), scratch);
        return network.output(scratch);
    }

    @Override
    public int choose(LocalView view) {
        int n = view.neighbourCount();
        for (int slot = 0; slot < n; slot++) {
            if (view.neighbour(slot) == view.destination()) {
                return slot;
            }
        }
        double[] x = new double[features.count()];
        double[] base = new double[network.hidden()];
        features.fillState(view.sourceX(), view.sourceY(), view.currentX(), view.currentY(),
                view.destinationX(), view.destinationY(), view.range(), x);
        network.hiddenBase(x, features.stateCount(), base);
        double dst = view.sourceToDestination();
        if (candidates == CandidateRule.ALL_UNVISITED) {
            return best(view, dst, x, base, 0);
        }
        int slot = best(view, dst, x, base, 2);
        if (slot < 0) {
            slot = best(view, dst, x, base, 1);
        }
        return slot >= 0 ? slot : best(view, dst, x, base, 0);
    }

    /** Lowest score among unvisited neighbours; level 1 also skips leaves, level 2 also requires progress. */
    private int best(LocalView view, double dst, double[] x, double[] base, int level) {
        int best = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        double here = view.currentToDestination();
        for (int slot = 0; slot < view.neighbourCount(); slot++) {
            if (view.visited(slot) || (level >= 1 && view.neighbourDegree(slot) <= 1)) {
                continue;
            }
            double dut = view.neighbourToDestination(slot);
            if (level >= 2 && !(dut < here)) {
                continue;
            }
            features.fillCandidateGiven(dst, dut, view.sourceX(), view.sourceY(), view.currentX(), view.currentY(),
                    view.neighbourX(slot), view.neighbourY(slot), view.range(), x);
            double s = network.outputFrom(base, x, features.stateCount());
            if (s < bestScore) {
                bestScore = s;
                best = slot;
            }
        }
        return best;
    }
}
