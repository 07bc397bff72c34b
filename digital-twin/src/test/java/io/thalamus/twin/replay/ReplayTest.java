package io.thalamus.twin.replay;

import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Topology;
import io.thalamus.network.traffic.TrafficSeries;
import io.thalamus.twin.TestNetworks;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayTest {

    @Test
    void utilisationPerIntervalFollowsTheRoutesAndFlagsIntervalsAboveTheThreshold() throws Exception {
        Topology t = TestNetworks.of("line", "AB A B 100 1", "BC B C 50 1");
        double nan = Double.NaN;
        // Nodes A, B, C and one node X that the topology does not know.
        TrafficSeries s = TrafficSeries.builder("test", List.of("A", "B", "C", "X"))
                .add(Instant.parse("2005-01-01T00:00:00Z"), new double[] {
                        0, 10, 5, 1,
                        0, 0, 20, 0,
                        0, 0, 0, 0,
                        0, 0, 0, 0})
                .add(Instant.parse("2005-01-01T00:15:00Z"), new double[] {
                        0, 10, 30, 0,
                        0, 0, nan, 0,
                        4, 0, 0, 0,
                        0, 0, 0, 0})
                .build();
        ReplayResult r = new Replay(t, RoutingFunction.shortestPath()).run(s, 0.5);
        int ab = r.linkIds().indexOf("AB:A-B");
        int bc = r.linkIds().indexOf("BC:B-C");
        int cb = r.linkIds().indexOf("BC:C-B");
        int ba = r.linkIds().indexOf("AB:B-A");
        // Interval 0: A-B carries A>B 10 + A>C 5 = 15 of 100; B-C carries A>C 5 + B>C 20 = 25 of 50.
        assertEquals(0.15, r.utilisation()[0][ab], 1e-12);
        assertEquals(0.5, r.utilisation()[0][bc], 1e-12);
        // Interval 1: A-B 40/100; B-C 30/50 (B>C missing counts as zero); C>A 4 on C-B and B-A.
        assertEquals(0.4, r.utilisation()[1][ab], 1e-12);
        assertEquals(0.6, r.utilisation()[1][bc], 1e-12);
        assertEquals(0.08, r.utilisation()[1][cb], 1e-12);
        assertEquals(0.04, r.utilisation()[1][ba], 1e-12);
        assertEquals(1, r.flagged().size(), "0.5 is not above 0.5; 0.6 is");
        assertEquals(1, r.flagged().get(0).interval());
        assertEquals("BC:B-C", r.flagged().get(0).worstLink());
        assertEquals(6, r.pairsRouted());
        assertEquals(6, r.pairsSkipped(), "every pair with X");
        assertEquals(1, r.missingCells());
        assertArrayEquals(new double[] {0.5, 0.6}, r.maxUtilisation(), 1e-12);
        StringWriter w = new StringWriter();
        r.writeCsv(w);
        String[] lines = w.toString().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("time,AB:A-B,AB:B-A,BC:B-C,BC:C-B,max,flag"), lines[0]);
        assertTrue(lines[2].endsWith(",0.600000,1"), lines[2]);
    }
}
