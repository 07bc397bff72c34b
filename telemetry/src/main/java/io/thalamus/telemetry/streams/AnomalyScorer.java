package io.thalamus.telemetry.streams;

/** Scores a new observation against a link's recent history; larger |score| = more anomalous. */
public interface AnomalyScorer {

    /** A score with the baseline it was measured against. */
    record Score(double value, double baseline) {
    }

    /** Name reported in anomaly records. */
    String name();

    /** Scores {@code x} against {@code history} (oldest first, may be short); NaN score when it cannot tell yet. */
    Score score(double[] history, int length, double x);
}
