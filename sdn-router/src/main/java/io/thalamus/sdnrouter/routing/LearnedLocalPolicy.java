package io.thalamus.sdnrouter.routing;

import java.util.Objects;

/**
 * The learned local policy of the single-graph paper: a small network scores each unvisited
 * neighbour u from local features ({@link FeatureSet}); the score estimates the remaining path
 * length via u in units of R, and the packet goes to the lowest score. A neighbour that is the
 * destination is always taken. Immutable; produced by {@link PolicyTrainer}, saved and loaded by {@link PolicyFile}.
 */
public final class LearnedLocalPolicy implements RoutingPolicy {

    private final FeatureSet features;
    private final Mlp network;
    private final ModelCard card;

    /**
     * @throws IllegalArgumentException when the network's input count differs from the feature count
     */
    public LearnedLocalPolicy(FeatureSet features, Mlp network, ModelCard card) {
        this.features = Objects.requireNonNull(features, "features");
        this.network = Objects.requireNonNull(network, "network");
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
        double[] scratch = new double[features.count()];
        int best = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        int n = view.neighbourCount();
        for (int slot = 0; slot < n; slot++) {
            if (view.neighbour(slot) == view.destination()) {
                return slot;
            }
            if (view.visited(slot)) {
                continue;
            }
            double s = score(view, slot, scratch);
            if (s < bestScore) {
                bestScore = s;
                best = slot;
            }
        }
        return best;
    }
}
