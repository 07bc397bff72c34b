package io.thalamus.models.anomaly;

import io.thalamus.models.card.ModelCard;
import io.thalamus.models.registry.Model;
import io.thalamus.models.registry.ModelProvider;

import java.util.List;

/**
 * Provider of the built-in anomaly detectors; the card parameter {@code algorithm} picks one of
 * {@code robust-z}, {@code ewma-chart}, {@code behaviour-profile}.
 */
public final class BuiltinDetectors implements ModelProvider {

    @Override
    public List<String> cardResources() {
        return List.of("/META-INF/thalamus/models/anomaly.robust-z.json",
                "/META-INF/thalamus/models/anomaly.ewma-chart.json",
                "/META-INF/thalamus/models/anomaly.behaviour-profile.json");
    }

    @Override
    public Model create(ModelCard card) {
        String algorithm = card.stringParameter("algorithm").orElseThrow(() ->
                new IllegalArgumentException("/parameters/algorithm is required"));
        return switch (algorithm) {
            case "robust-z" -> new RobustZScoreDetector((int) card.numberParameter("window", 48),
                    card.numberParameter("threshold", 4.0));
            case "ewma-chart" -> new EwmaControlChartDetector(card.numberParameter("lambda", 0.2),
                    card.numberParameter("limit", 3.0));
            case "behaviour-profile" -> new BehaviourProfileDetector((int) card.numberParameter("buckets", 24),
                    card.numberParameter("minThreshold", 4.0), card.numberParameter("margin", 1.1));
            default -> throw new IllegalArgumentException("/parameters/algorithm: unknown detector '" + algorithm
                    + "', expected robust-z, ewma-chart or behaviour-profile");
        };
    }
}
