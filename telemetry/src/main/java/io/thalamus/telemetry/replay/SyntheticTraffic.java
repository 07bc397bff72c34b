package io.thalamus.telemetry.replay;

import io.thalamus.network.topology.Topology;
import io.thalamus.network.traffic.TrafficSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A made-up traffic series for demos and tests when no measured series is given: random (seeded) pair
 * weights with a daily sine profile and 5% noise, scaled so the busiest link peaks at
 * {@code peakUtilization}. Not measured data; say so wherever it is shown.
 */
public final class SyntheticTraffic {

    private SyntheticTraffic() {
    }

    /** {@code steps} matrices {@code step} apart from {@code start} over every node of {@code topology}. */
    public static TrafficSeries diurnal(Topology topology, int steps, Duration step, Instant start,
                                        double peakUtilization, long seed) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        List<String> nodes = topology.nodes().stream().map(n -> n.id()).toList();
        int n = nodes.size();
        Random rnd = new Random(seed);
        double[] base = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                base[i * n + j] = i == j ? 0 : 0.5 + rnd.nextDouble();
            }
        }
        TrafficSeries unit = TrafficSeries.builder("unit", nodes).add(start, base.clone()).build();
        LinkLoads probe = LinkLoads.route(topology, unit);
        double worst = 0;
        for (int l = 0; l < topology.linkCount(); l++) {
            worst = Math.max(worst, probe.load(0, l) / topology.links().get(l).capacityBps());
        }
        double scale = worst > 0 ? peakUtilization / worst : 1;
        TrafficSeries.Builder b = TrafficSeries.builder("synthetic-diurnal-seed" + seed, nodes);
        long stepMs = step.toMillis();
        for (int t = 0; t < steps; t++) {
            Instant time = start.plusMillis(t * stepMs);
            double dayFraction = (time.toEpochMilli() % 86_400_000L) / 86_400_000.0;
            double profile = 0.6 + 0.4 * Math.sin(2 * Math.PI * (dayFraction - 0.25));
            double[] cells = new double[n * n];
            for (int k = 0; k < cells.length; k++) {
                cells[k] = base[k] == 0 ? 0 : Math.max(0, base[k] * scale * profile * (1 + 0.05 * rnd.nextGaussian()));
            }
            b.add(time, cells);
        }
        return b.build();
    }
}
