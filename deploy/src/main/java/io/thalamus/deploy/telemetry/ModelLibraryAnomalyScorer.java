package io.thalamus.deploy.telemetry;

import io.thalamus.models.anomaly.AnomalyDetector;
import io.thalamus.models.card.ModelCard;
import io.thalamus.models.card.TaskType;
import io.thalamus.models.registry.ModelRegistry;
import io.thalamus.telemetry.streams.AnomalyScorer;
import io.thalamus.telemetry.streams.RobustZScore;

import java.util.Arrays;

/**
 * Runs a model-library anomaly detector (a {@code detect-anomaly} model card: {@code anomaly.robust-z},
 * {@code anomaly.ewma-chart}, {@code anomaly.behaviour-profile}, or any card a directory adds) behind the
 * telemetry pipeline's {@link AnomalyScorer}. Telemetry does not import model-library; this adapter
 * lives in deploy, where both meet.
 *
 * <p>For each closed window the detector sees the link's past window means as its normal-behaviour
 * prefix and the new mean as the one point to judge ({@code detect(history + [x], period 1,
 * trainLength = history length)}); its flag is the verdict. The score reported beside it is telemetry's
 * built-in robust z-score of x against the same history, for operators.
 *
 * <p>Selected by {@link #PROPERTY} (system property) or {@link #ENVIRONMENT} (environment variable): a
 * card id, or {@code builtin} (the default) for telemetry's own {@link RobustZScore}.
 */
public final class ModelLibraryAnomalyScorer implements AnomalyScorer {

    /** System property naming the detector card; wins over {@link #ENVIRONMENT}. */
    public static final String PROPERTY = "thalamus.telemetry.detector";
    /** Environment variable naming the detector card. */
    public static final String ENVIRONMENT = "THALAMUS_TELEMETRY_DETECTOR";
    /** The value that selects telemetry's built-in robust z-score (also the default). */
    public static final String BUILTIN = "builtin";
    /** Past windows a link needs before a detector judges it (the built-in scorer's own minimum). */
    public static final int MIN_HISTORY = 10;

    private final String cardId;
    private final AnomalyDetector detector;
    private final int minHistory;
    private final RobustZScore describer;

    /** A scorer running {@code detector} (named {@code cardId} in anomaly records) once a link has {@code minHistory} windows. */
    public ModelLibraryAnomalyScorer(String cardId, AnomalyDetector detector, int minHistory) {
        if (minHistory < 2) {
            throw new IllegalArgumentException("minHistory must be >= 2 (a detector needs a normal prefix), got " + minHistory);
        }
        this.cardId = cardId;
        this.detector = detector;
        this.minHistory = minHistory;
        this.describer = new RobustZScore(Math.max(3, minHistory));
    }

    /**
     * The detector of card {@code cardId} from {@code registry}.
     *
     * @throws IllegalArgumentException when the card is unknown, does not serve detect-anomaly, or is not a detector
     */
    public static ModelLibraryAnomalyScorer fromRegistry(ModelRegistry registry, String cardId) {
        ModelCard card = registry.card(cardId).orElseThrow(() -> new IllegalArgumentException(
                "telemetry detector: unknown model card '" + cardId + "'; detect-anomaly cards: " + detectorIds(registry)));
        if (!card.serves(TaskType.DETECT_ANOMALY)) {
            throw new IllegalArgumentException("telemetry detector: model card '" + cardId
                    + "' does not serve detect-anomaly; expected one of " + detectorIds(registry));
        }
        return new ModelLibraryAnomalyScorer(cardId, registry.model(cardId, AnomalyDetector.class), MIN_HISTORY);
    }

    private static java.util.List<String> detectorIds(ModelRegistry registry) {
        return registry.cardsFor(TaskType.DETECT_ANOMALY).stream().map(ModelCard::id).toList();
    }

    /** {@code choice} = null, blank or {@link #BUILTIN}: the built-in robust z-score; else a card id from the classpath cards. */
    public static AnomalyScorer select(String choice) {
        if (choice == null || choice.isBlank() || choice.trim().equals(BUILTIN)) {
            return new RobustZScore(MIN_HISTORY);
        }
        try (ModelRegistry registry = ModelRegistry.fromClasspath()) {
            return fromRegistry(registry, choice.trim());
        }
    }

    /** The scorer chosen by {@link #PROPERTY} or {@link #ENVIRONMENT}; the built-in one when neither is set. */
    public static AnomalyScorer fromEnvironment() {
        String choice = System.getProperty(PROPERTY);
        return select(choice != null ? choice : System.getenv(ENVIRONMENT));
    }

    @Override
    public String name() {
        return cardId;
    }

    @Override
    public Score score(double[] history, int length, double x) {
        if (length < minHistory || !Double.isFinite(x)) {
            return new Score(Double.NaN, Double.NaN);
        }
        double[] series = Arrays.copyOf(history, length + 1);
        series[length] = x;
        boolean flagged = detector.detect(series, 1, length)[length];
        Score described = describer.score(history, length, x);
        return new Score(described.value(), described.baseline(), flagged);
    }
}
