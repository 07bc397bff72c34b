package io.thalamus.telemetry;

import io.thalamus.network.spi.LinkStatistics;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole default pipeline: embedded broker, simulator, collector, Streams, listener, metrics. */
class TelemetryServiceTest {

    @TempDir
    Path dir;

    @Test
    void defaultPipelineFeedsTheListenerWithEveryLinkAndExposesMetrics() throws Exception {
        Topology topo = TinyNetwork.topology();
        Map<String, LinkStatistics> latest = new ConcurrentHashMap<>();
        TelemetryService.Options o = TelemetryService.Options.defaults(topo, dir);
        o = new TelemetryService.Options(o.topology(), null, o.stateDir(), null, true, Duration.ofMillis(200), 0,
                List.of(), o.pipeline(), o.collector(), 2);
        long t0 = System.currentTimeMillis();
        try (TelemetryService service = TelemetryService.start(o, s -> latest.put(s.linkId(), s))) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (latest.size() < topo.linkCount() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            System.out.printf("telemetry service: every link reported %d ms after start%n", System.currentTimeMillis() - t0);
            assertThat(latest.keySet()).containsExactlyInAnyOrderElementsOf(topo.links().stream().map(Link::id).toList());
            for (LinkStatistics s : latest.values()) {
                assertThat(s.meanUtilization()).isBetween(0.0, 1.0);
                assertThat(s.samples()).isPositive();
            }
            assertThat(service.simulatorEndpoint()).isPresent();
            String text = service.prometheusText();
            assertThat(text).contains("thalamus_telemetry_samples_in_total{source=\"opcua\"}")
                    .contains("thalamus_telemetry_end_to_end_latency_seconds")
                    .contains("thalamus_telemetry_consumer_lag_records")
                    .contains("thalamus_telemetry_samples_dropped_total");
            assertThat(value(text, "thalamus_telemetry_samples_accepted_total")).isPositive();
            assertThat(value(text, "thalamus_telemetry_link_stats_applied_total")).isPositive();
            assertThat(value(text, "thalamus_telemetry_dead_letters_total")).isZero();
        }
    }

    private static double value(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(name + " not in\n" + text);
    }
}
