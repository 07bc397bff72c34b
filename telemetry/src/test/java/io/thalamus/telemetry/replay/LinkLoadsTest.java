package io.thalamus.telemetry.replay;

import io.thalamus.network.topology.Topology;
import io.thalamus.network.traffic.TrafficSeries;
import io.thalamus.telemetry.TinyNetwork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LinkLoadsTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void everyPairLoadsEachLinkOfItsShortestPathAndMissingCellsAddNothing() {
        Topology topo = TinyNetwork.topology();
        // nodes A B C Z (Z is not on the topology); row-major bit/s
        double nan = Double.NaN;
        TrafficSeries s = TrafficSeries.builder("t", List.of("A", "B", "C", "Z"))
                .add(T, new double[] {
                        0, 10, 100, 5,
                        1, 0, nan, 0,
                        1000, 0, 0, 0,
                        7, 7, 7, 0})
                .build();
        LinkLoads l = LinkLoads.route(topo, s);
        assertThat(l.steps()).isEqualTo(1);
        assertThat(load(l, topo, TinyNetwork.AB)).isCloseTo(110, within(1e-9));   // A->B 10, A->C 100
        assertThat(load(l, topo, TinyNetwork.BC)).isCloseTo(100, within(1e-9));   // A->C
        assertThat(load(l, topo, TinyNetwork.CB)).isCloseTo(1000, within(1e-9));  // C->A
        assertThat(load(l, topo, TinyNetwork.BA)).isCloseTo(1001, within(1e-9));  // B->A 1, C->A 1000
        // Z: 3 pairs from it and 3 pairs to it cannot be placed
        assertThat(l.unroutedPairs()).isEqualTo(6);
    }

    @Test
    void syntheticSeriesPeaksAtTheRequestedUtilisationOnTheBusiestLink() {
        Topology topo = TinyNetwork.topology();
        TrafficSeries s = SyntheticTraffic.diurnal(topo, 288, Duration.ofMinutes(5), T, 0.6, 3);
        LinkLoads l = LinkLoads.route(topo, s);
        double peak = 0;
        for (int t = 0; t < l.steps(); t++) {
            for (int k = 0; k < topo.linkCount(); k++) {
                peak = Math.max(peak, l.load(t, k) / TinyNetwork.CAPACITY);
            }
        }
        // sine profile peaks at 1.0, noise 5%: the peak lands near 0.6
        assertThat(peak).isBetween(0.55, 0.7);
        assertThat(l.firstSteps(10).steps()).isEqualTo(10);
    }

    private static double load(LinkLoads l, Topology topo, String link) {
        return l.load(0, topo.indexOfLink(link));
    }
}
