package io.thalamus.telemetry.streams;

import io.thalamus.network.topology.Link;
import io.thalamus.telemetry.sample.TelemetrySample;

/**
 * Decides whether a parsed sample can enter the link windows: known element and link, a finite
 * non-negative value in a known metric and unit, a timestamp not too far in the future and not too
 * late for the tumbling window it falls in. Every refusal names the field or element.
 */
public final class SampleValidator {

    private final LinkCatalog catalog;
    private final PipelineSettings settings;

    /** A validator against {@code catalog} with the windows of {@code settings}. */
    public SampleValidator(LinkCatalog catalog, PipelineSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    /**
     * The verdict on {@code s} at wall-clock {@code nowMs} when the newest sample seen so far on this
     * partition is stamped {@code streamTimeMs} (or {@code Long.MIN_VALUE} when none). Accepted points
     * carry NaN as EWMA; the caller fills it in.
     */
    public Verdict check(TelemetrySample s, long nowMs, long streamTimeMs) {
        if (!catalog.hasNode(s.element())) {
            return new Verdict.Rejected("unknown element '" + s.element() + "'");
        }
        if (s.linkId() == null) {
            return new Verdict.Skipped("element metric '" + s.metric() + "'");
        }
        Link link = catalog.link(s.linkId());
        if (link == null) {
            return new Verdict.Rejected("unknown link '" + s.linkId() + "' (element '" + s.element() + "')");
        }
        if (!link.source().equals(s.element()) && !link.target().equals(s.element())) {
            return new Verdict.Rejected("link '" + s.linkId() + "' does not touch element '" + s.element() + "'");
        }
        double v = s.value();
        if (Double.isNaN(v)) {
            return new Verdict.Rejected("field 'value' is NaN (link '" + s.linkId() + "')");
        }
        if (Double.isInfinite(v)) {
            return new Verdict.Rejected("field 'value' is infinite (link '" + s.linkId() + "')");
        }
        if (v < 0) {
            return new Verdict.Rejected("field 'value' is negative: " + v + " (link '" + s.linkId() + "')");
        }
        double util;
        double load;
        switch (s.metric()) {
            case TelemetrySample.LOAD -> {
                if (!TelemetrySample.BITS_PER_SECOND.equals(s.unit())) {
                    return new Verdict.Rejected("metric 'load' needs unit 'bit/s', got '" + s.unit() + "'");
                }
                load = v;
                util = v / link.capacityBps();
            }
            case TelemetrySample.UTILIZATION -> {
                if (!TelemetrySample.RATIO.equals(s.unit())) {
                    return new Verdict.Rejected("metric 'utilization' needs unit 'ratio', got '" + s.unit() + "'");
                }
                util = v;
                load = v * link.capacityBps();
            }
            default -> {
                return new Verdict.Skipped("link metric '" + s.metric() + "'");
            }
        }
        long ts = s.timestampMs();
        if (ts <= 0) {
            return new Verdict.Rejected("field 'timestamp' must be positive epoch ms, got " + ts);
        }
        long skew = settings.maxFutureSkew().toMillis();
        if (ts > nowMs + skew) {
            return new Verdict.Rejected("field 'timestamp' is " + (ts - nowMs) + " ms in the future (limit " + skew + " ms)");
        }
        if (streamTimeMs != Long.MIN_VALUE) {
            long size = settings.tumbling().toMillis();
            long windowEnd = Math.floorDiv(ts, size) * size + size;
            long closesAt = windowEnd + settings.grace().toMillis();
            if (streamTimeMs >= closesAt) {
                return new Verdict.Rejected("late: timestamp " + ts + " is " + (streamTimeMs - ts)
                        + " ms behind stream time; its window closed at " + closesAt + " (grace "
                        + settings.grace().toMillis() + " ms)");
            }
        }
        return new Verdict.Accepted(new LinkPoint(link.id(), util, load, ts, Double.NaN));
    }
}
