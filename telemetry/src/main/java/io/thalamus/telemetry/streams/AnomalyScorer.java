package io.thalamus.telemetry.streams;

/**
 * Scores a new observation against a link's recent history; larger |score| = more anomalous. The
 * built-in {@link RobustZScore} is the default; other detectors plug in behind this interface (deploy
 * adapts the model-library detectors, which telemetry does not import).
 */
public interface AnomalyScorer {

    /**
     * A score with the baseline it was measured against, and the scorer's own verdict when it has one.
     *
     * @param value    the score (NaN when the scorer cannot tell yet)
     * @param baseline what {@code x} was compared with (e.g. the history's median)
     * @param flagged  the scorer's decision, or null to let the pipeline compare |value| with its threshold
     */
    record Score(double value, double baseline, Boolean flagged) {

        /** A score judged by the pipeline's threshold. */
        public Score(double value, double baseline) {
            this(value, baseline, null);
        }

        /** Whether this is an anomaly: the scorer's verdict if it gave one, else |value| >= threshold. */
        public boolean isAnomaly(double threshold) {
            if (flagged != null) {
                return flagged;
            }
            return !Double.isNaN(value) && Math.abs(value) >= threshold;
        }
    }

    /** Name reported in anomaly records. */
    String name();

    /** Scores {@code x} against {@code history} (oldest first, may be short); NaN score when it cannot tell yet. */
    Score score(double[] history, int length, double x);
}
