package io.thalamus.telemetry.streams;

import java.time.Duration;

/**
 * Windows and thresholds of the Streams topology.
 *
 * @param tumbling           size of the tumbling windows (the ones the twin receives)
 * @param hoppingSize        size of the hopping windows
 * @param hoppingAdvance     advance of the hopping windows
 * @param grace              how long after a window ends late samples are still counted in it
 * @param ewmaHalfLife       half-life of the per-link exponentially weighted moving average
 * @param maxFutureSkew      samples stamped further than this ahead of the wall clock are refused
 * @param anomalyHistory     closed tumbling windows per link the anomaly scorer looks back on
 * @param anomalyThreshold   |score| at or above which a closed window is reported as an anomaly
 */
public record PipelineSettings(Duration tumbling, Duration hoppingSize, Duration hoppingAdvance, Duration grace,
                               Duration ewmaHalfLife, Duration maxFutureSkew, int anomalyHistory,
                               double anomalyThreshold) {

    public PipelineSettings {
        positive(tumbling, "tumbling");
        positive(hoppingSize, "hoppingSize");
        positive(hoppingAdvance, "hoppingAdvance");
        positive(ewmaHalfLife, "ewmaHalfLife");
        positive(maxFutureSkew, "maxFutureSkew");
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace must be >= 0, got " + grace);
        }
        if (hoppingAdvance.compareTo(hoppingSize) > 0) {
            throw new IllegalArgumentException("hoppingAdvance " + hoppingAdvance + " must not exceed hoppingSize " + hoppingSize);
        }
        if (anomalyHistory < 5) {
            throw new IllegalArgumentException("anomalyHistory must be >= 5 windows, got " + anomalyHistory);
        }
        if (!(anomalyThreshold > 0)) {
            throw new IllegalArgumentException("anomalyThreshold must be > 0, got " + anomalyThreshold);
        }
    }

    /** 10 s tumbling, 60 s hopping by 20 s, 5 s grace, 30 s EWMA half-life, 5 min future skew, 30 windows, |z| >= 3.5. */
    public static PipelineSettings defaults() {
        return new PipelineSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(20),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5), 30, 3.5);
    }

    /** These settings with other tumbling window size and grace. */
    public PipelineSettings withTumbling(Duration size, Duration newGrace) {
        return new PipelineSettings(size, hoppingSize, hoppingAdvance, newGrace, ewmaHalfLife, maxFutureSkew,
                anomalyHistory, anomalyThreshold);
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
