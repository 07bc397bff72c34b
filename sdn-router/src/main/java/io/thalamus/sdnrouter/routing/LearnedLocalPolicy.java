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
        if (candidates.usesFrontier3() && features != FeatureSet.THREE_HOP) {
            throw new IllegalArgumentException("candidate rule " + candidates.fileName() + " needs the THREE_HOP feature set, got "
                    + features);
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
        features.fill(view, slot, scratch);
        return network.output(scratch);
    }

    @Override
    public int choose(LocalView view) {
        int toDestination = view.destinationSlot();
        if (toDestination >= 0) {
            return toDestination;
        }
        double[] x = new double[features.count()];
        double[] base = new double[network.hidden()];
        features.fillState(view, x);
        network.hiddenBase(x, features.stateCount(), base);
        double dst = view.sourceToDestination();
        double here = view.currentToDestination();
        double[] ahead = new double[features.aheadLength()];
        double[] hiddenScratch = new double[network.hidden()];
        for (int level = 0; level < candidates.levels(); level++) {
            int slot = best(view, dst, here, x, base, ahead, hiddenScratch, level);
            if (slot >= 0) {
                return slot;
            }
        }
        return -1;
    }

    /** Lowest score among the unvisited neighbours passing the candidate rule's filter {@code level}. */
    private int best(LocalView view, double dst, double here, double[] x, double[] base, double[] ahead, double[] hiddenScratch, int level) {
        boolean look = features.usesLookahead() || candidates.usesOnward();
        // a rule reading the three-hop look-ahead needs it before admission (the constructor ensures THREE_HOP fills ahead[3])
        boolean frontierFirst = candidates.usesFrontier3();
        int best = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int slot = 0; slot < view.neighbourCount(); slot++) {
            if (view.visited(slot)) {
                continue;
            }
            double dut = view.neighbourToDestination(slot);
            if (candidates.requiresProgress(level) && !(dut < here)) {
                continue;
            }
            if (look) {
                view.lookahead(slot, ahead);
            }
            if (frontierFirst) {
                features.finishLookahead(view, slot, ahead);
            }
            if (!candidates.admits(view, slot, level, here, dut, (int) ahead[1], frontierFirst ? ahead[3] : Double.NaN)) {
                continue;
            }
            if (!frontierFirst) {
                features.finishLookahead(view, slot, ahead);
            }
            features.fillCandidate(view, slot, dst, dut, ahead, x);
            double s = network.outputFrom(base, x, features.stateCount(), hiddenScratch);
            if (s < bestScore) {
                bestScore = s;
                best = slot;
            }
        }
        return best;
    }
}
