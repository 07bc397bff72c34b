package io.thalamus.intent.execution;

import io.thalamus.network.spi.LinkStatistics;
import io.thalamus.network.spi.TelemetryListener;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** The recent utilisation windows of every link, as telemetry reported them (bounded per link). */
public final class LinkHistory implements TelemetryListener {

    private final int capacity;
    private final Map<String, Deque<Double>> series = new HashMap<>();

    /** Keeps the last {@code capacity} windows per link. */
    public LinkHistory(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized void onLinkStatistics(LinkStatistics s) {
        Deque<Double> d = series.computeIfAbsent(s.linkId(), k -> new ArrayDeque<>());
        d.addLast(s.meanUtilization());
        while (d.size() > capacity) {
            d.removeFirst();
        }
    }

    /** Appends one utilisation sample directly. */
    public synchronized void record(String linkId, double utilization) {
        Deque<Double> d = series.computeIfAbsent(linkId, k -> new ArrayDeque<>());
        d.addLast(utilization);
        while (d.size() > capacity) {
            d.removeFirst();
        }
    }

    /** The samples of one link, oldest first (empty when none). */
    public synchronized double[] of(String linkId) {
        Deque<Double> d = series.get(linkId);
        return d == null ? new double[0] : d.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
