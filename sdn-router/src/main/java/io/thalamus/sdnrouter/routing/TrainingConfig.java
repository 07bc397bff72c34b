package io.thalamus.sdnrouter.routing;

/**
 * How {@link PolicyTrainer} builds and fits a learned policy.
 *
 * @param seed              seeds the training graph, the initial weights, the shuffles and the refinement pairs
 * @param nodes             N of the unit-disk seed graph
 * @param density           its density (nodes per R²)
 * @param range             R
 * @param sources           how many sources' shortest paths to the one destination make the supervised set
 * @param features          the network's inputs
 * @param hidden            hidden-layer width
 * @param leakySlope        LeakyReLU slope for negative inputs
 * @param epochs            Adam epochs on the supervised set
 * @param batchSize         mini-batch size: samples (pointwise training) or decisions (when {@code listwiseWeight} &gt; 0)
 * @param learningRate      Adam step size
 * @param refinementRounds  on-policy (DAgger-style) rounds: roll the current policy out on the seed graph, label
 *                          every state it reaches with shortest-path targets, add them, refit
 * @param refinementPairs   random source-destination pairs of the seed graph rolled out per round
 * @param refinementEpochs  epochs of each refit
 * @param validationGraphs  fresh unit-disk graphs (same N and density, other seeds) the model card's accuracy is measured on
 * @param candidates        which neighbours the trained policy chooses among (also used in the refinement roll-outs)
 * @param listwiseWeight    0 for the paper's pointwise regression; &gt; 0 adds this times a listwise loss: per decision,
 *                          softmax over the unvisited neighbours' −score/τ, cross-entropy against the shortest-path
 *                          next hop (samples are then the unvisited neighbours only, grouped by decision)
 * @param temperature       τ of that softmax, in units of R
 */
public record TrainingConfig(long seed, int nodes, double density, double range, int sources, FeatureSet features,
                             int hidden, double leakySlope, int epochs, int batchSize, double learningRate,
                             int refinementRounds, int refinementPairs, int refinementEpochs, int validationGraphs,
                             CandidateRule candidates, double listwiseWeight, double temperature) {

    public TrainingConfig {
        check(nodes >= 2, "nodes", nodes, ">= 2");
        check(density > 0 && Double.isFinite(density), "density", density, "a positive number");
        check(range > 0 && Double.isFinite(range), "range", range, "a positive number");
        check(sources >= 1, "sources", sources, ">= 1");
        check(features != null, "features", features, "a feature set");
        check(hidden >= 1, "hidden", hidden, ">= 1");
        check(leakySlope >= 0 && leakySlope < 1, "leakySlope", leakySlope, "in [0, 1)");
        check(epochs >= 1, "epochs", epochs, ">= 1");
        check(batchSize >= 1, "batchSize", batchSize, ">= 1");
        check(learningRate > 0, "learningRate", learningRate, "> 0");
        check(refinementRounds >= 0, "refinementRounds", refinementRounds, ">= 0");
        check(refinementPairs >= 0, "refinementPairs", refinementPairs, ">= 0");
        check(refinementEpochs >= 0, "refinementEpochs", refinementEpochs, ">= 0");
        check(validationGraphs >= 0, "validationGraphs", validationGraphs, ">= 0");
        check(candidates != null, "candidates", candidates, "a candidate rule");
        check(!candidates.usesFrontier3() || features == FeatureSet.THREE_HOP, "candidates", candidates.fileName(),
                "a rule that does not read the three-hop look-ahead when the feature set is " + features);
        check(listwiseWeight >= 0 && Double.isFinite(listwiseWeight), "listwiseWeight", listwiseWeight, ">= 0");
        check(temperature > 0 && Double.isFinite(temperature), "temperature", temperature, "a positive number");
    }

    private static void check(boolean ok, String field, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("training config: " + field + " must be " + expected + ", got " + value);
        }
    }

    /**
     * The defaults: a sparse seed graph (N = 100, density 3, R = 1000, three sources), the paper's
     * features plus the two-hop, frontier and three-hop look-aheads ({@link FeatureSet#THREE_HOP}, a
     * 10-12-1 network), progress-three-hop-live candidates ({@link CandidateRule#PROGRESS_THREE_HOP_LIVE}), three
     * refinement rounds, the listwise loss added with weight 3 (τ = 0.1, 8 decisions per mini-batch),
     * and seed 5. The seed graph, the feature set, the candidate rule and the seed were chosen on the
     * validation grid ({@link UnitDiskSetting#VALIDATION_SEED}), never on the evaluation grid;
     * {@link #progressLive()} is the previous default, {@link #paperSeedGraph()} the one before.
     */
    public static TrainingConfig defaults() {
        return new TrainingConfig(5L, 100, 3.0, UnitDiskGraphs.DEFAULT_RANGE, 3, FeatureSet.THREE_HOP,
                12, 0.01, 300, 8, 0.003, 3, 60, 60, 5, CandidateRule.PROGRESS_THREE_HOP_LIVE, 3.0, 0.1);
    }

    /**
     * The default before 2026-11-28's seventh round: {@link #defaults()} with progress-and-live
     * candidates ({@link CandidateRule#PROGRESS_LIVE}) and seed 2.
     */
    public static TrainingConfig progressLive() {
        return defaults().withCandidates(CandidateRule.PROGRESS_LIVE).withSeed(2);
    }

    /**
     * An earlier default: the paper's seed graph (N = 50, density 5), {@link FeatureSet#FRONTIER}
     * (nine features, a two-hop view) and seed 5; every other setting as {@link #progressLive()}.
     */
    public static TrainingConfig paperSeedGraph() {
        return progressLive().withGraph(50, 5.0).withFeatures(FeatureSet.FRONTIER).withSeed(5);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(s, nodes, density, range, sources, features, hidden, leakySlope, epochs, batchSize,
                learningRate, refinementRounds, refinementPairs, refinementEpochs, validationGraphs, candidates, listwiseWeight, temperature);
    }

    public TrainingConfig withGraph(int n, double d) {
        return new TrainingConfig(seed, n, d, range, sources, features, hidden, leakySlope, epochs, batchSize,
                learningRate, refinementRounds, refinementPairs, refinementEpochs, validationGraphs, candidates, listwiseWeight, temperature);
    }

    public TrainingConfig withFeatures(FeatureSet f) {
        return new TrainingConfig(seed, nodes, density, range, sources, f, hidden, leakySlope, epochs, batchSize,
                learningRate, refinementRounds, refinementPairs, refinementEpochs, validationGraphs, candidates, listwiseWeight, temperature);
    }

    public TrainingConfig withRefinement(int rounds, int pairs, int refitEpochs) {
        return new TrainingConfig(seed, nodes, density, range, sources, features, hidden, leakySlope, epochs, batchSize,
                learningRate, rounds, pairs, refitEpochs, validationGraphs, candidates, listwiseWeight, temperature);
    }

    public TrainingConfig withCandidates(CandidateRule rule) {
        return new TrainingConfig(seed, nodes, density, range, sources, features, hidden, leakySlope, epochs, batchSize,
                learningRate, refinementRounds, refinementPairs, refinementEpochs, validationGraphs, rule, listwiseWeight, temperature);
    }

    public TrainingConfig withValidationGraphs(int graphs) {
        return new TrainingConfig(seed, nodes, density, range, sources, features, hidden, leakySlope, epochs, batchSize,
                learningRate, refinementRounds, refinementPairs, refinementEpochs, graphs, candidates, listwiseWeight, temperature);
    }

    /** This configuration with another loss: listwise weight (0 = pointwise only), τ and mini-batch size. */
    public TrainingConfig withLoss(double weight, double tau, int batch) {
        return new TrainingConfig(seed, nodes, density, range, sources, features, hidden, leakySlope, epochs, batch,
                learningRate, refinementRounds, refinementPairs, refinementEpochs, validationGraphs, candidates, weight, tau);
    }

    /** This configuration with another number of supervised sources. */
    public TrainingConfig withSources(int count) {
        return new TrainingConfig(seed, nodes, density, range, count, features, hidden, leakySlope, epochs, batchSize,
                learningRate, refinementRounds, refinementPairs, refinementEpochs, validationGraphs, candidates,
                listwiseWeight, temperature);
    }

    /** This configuration with another hidden-layer width. */
    public TrainingConfig withHidden(int units) {
        return new TrainingConfig(seed, nodes, density, range, sources, features, units, leakySlope, epochs, batchSize,
                learningRate, refinementRounds, refinementPairs, refinementEpochs, validationGraphs, candidates,
                listwiseWeight, temperature);
    }
}
