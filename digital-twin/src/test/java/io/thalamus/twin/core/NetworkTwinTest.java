package io.thalamus.twin.core;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.spi.LinkStatistics;
import io.thalamus.twin.TestNetworks;
import io.thalamus.twin.sim.LinkState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkTwinTest {

    private static NetworkTwin twin() {
        return new NetworkTwin(TestNetworks.square(), List.of(Flow.of("ac", "A", "C", 2e6, 0)));
    }

    @Test
    void measuredLoadOverridesTheSimulatedLoadOfThatLinkOnly() {
        NetworkTwin twin = twin();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        twin.onLinkStatistics(new LinkStatistics("BC:B-C", now, now.plusSeconds(10), 10, 0.7, 0.8, 0.8, 0.7, 7e6));
        LinkState bc = twin.state().link("BC:B-C").orElseThrow();
        assertTrue(bc.measured());
        assertEquals(0.7, bc.utilisation(), 1e-12);
        LinkState ab = twin.state().link("AB:A-B").orElseThrow();
        assertFalse(ab.measured());
        assertEquals(0.2, ab.utilisation(), 1e-12);
        assertEquals(1, twin.model().version());
    }

    @Test
    void linkDownFromTelemetryReconvergesAndLinkUpRestoresTheShortestPath() {
        NetworkTwin twin = twin();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        twin.onLinkStatus("AB:A-B", false, now);
        assertEquals(List.of("DA:A-D", "CD:D-C"), twin.state().flow("ac").orElseThrow().pathLinkIds());
        twin.onLinkStatus("AB:A-B", true, now.plusSeconds(60));
        assertEquals(List.of("AB:A-B", "BC:B-C"), twin.state().flow("ac").orElseThrow().pathLinkIds());
        twin.onLinkStatus("no-such-link", false, now);
        assertEquals(2, twin.model().version(), "unknown links are ignored");
    }

    @Test
    void aFailedChangeLeavesTheTwinAsItWas() {
        NetworkTwin twin = twin();
        long v = twin.model().version();
        try {
            twin.update(m -> {
                throw new IllegalArgumentException("bad change");
            });
        } catch (IllegalArgumentException expected) {
            // the change was refused
        }
        assertEquals(v, twin.model().version());
        assertEquals(List.of("AB:A-B", "BC:B-C"), twin.state().flow("ac").orElseThrow().pathLinkIds());
    }
}
