package io.thalamus.models.corpus;

/**
 * An anomaly written into a real series at a known place.
 *
 * @param kind      {@code spike}, {@code level-shift} or {@code drift}
 * @param start     first affected index
 * @param end       one past the last affected index
 * @param magnitude peak change in units of the series' noise scale (signed)
 */
public record InjectedAnomaly(String kind, int start, int end, double magnitude) {
}
