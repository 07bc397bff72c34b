package io.thalamus.sdnrouter.routing;

import java.util.List;

/**
 * Provenance and measured quality of a trained policy, saved with it.
 *
 * @param config          the full training configuration (graph, seed, features, optimiser)
 * @param destination     id of the destination node of the supervised paths in the seed graph
 * @param sources         ids of the chosen sources
 * @param trainingSamples samples in the final training set (supervised plus refinement)
 * @param trainingLoss    mean squared error on that set at the end
 * @param validation      accuracy measured on fresh graphs, or null when none were measured
 */
public record ModelCard(TrainingConfig config, String destination, List<String> sources, int trainingSamples,
                        double trainingLoss, Validation validation) {

    public ModelCard {
        sources = List.copyOf(sources);
    }

    /**
     * Accuracy on fresh unit-disk graphs of the training setting, the learned policy beside greedy forwarding.
     *
     * @param setting        what was measured, e.g. {@code N=50 density=5, 5 graphs, seed 2}
     * @param pairs          connected source-destination pairs
     * @param accuracy       learned policy's accuracy (no fallback)
     * @param missRate       learned policy's miss rate (no fallback)
     * @param greedyAccuracy greedy forwarding's accuracy on the same pairs
     * @param greedyMissRate greedy forwarding's miss rate
     */
    public record Validation(String setting, long pairs, double accuracy, double missRate,
                             double greedyAccuracy, double greedyMissRate) {
    }
}
