package io.thalamus.network.format;

import io.thalamus.network.topology.AppliedDefault;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GraphMlReaderTest {

    private static Path zoo(String name) {
        return SharedDataSupport.data("topology-zoo/graphml").resolve(name + ".graphml");
    }

    @Test
    void everyZooFileParses() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SharedDataSupport.data("topology-zoo/graphml"))) {
            files = s.filter(p -> p.toString().endsWith(".graphml")).sorted().toList();
        }
        Map<String, String> failures = new LinkedHashMap<>();
        int nodes = 0;
        for (Path f : files) {
            try {
                Topology t = GraphMlReader.read(f);
                nodes += t.nodeCount();
                assertThat(t.nodeCount()).as(f.toString()).isPositive();
            } catch (TopologyFormatException e) {
                failures.put(f.getFileName().toString(), e.getMessage());
            }
        }
        assertThat(failures).as("files that did not parse, with their reason").isEmpty();
        assertThat(files).hasSize(197);
        assertThat(nodes).isGreaterThan(5000);
    }

    @Test
    void kdlHasItsNodesAndParallelEdgesAsDistinctLinks() {
        Topology kdl = GraphMlReader.read(zoo("Kdl"));
        assertThat(kdl.nodeCount()).isEqualTo(754);
        // 899 edges in the file, 4 of them parallel to another: every edge is its own link
        assertThat(kdl.physicalLinkCount()).isEqualTo(899);
        assertThat(kdl.linkCount()).isEqualTo(2 * 899);
        assertThat(kdl.defaultsApplied()).contains(new AppliedDefault("capacityBps", DefaultLedger.CAPACITY_RULE, 2 * 899));
    }

    @Test
    void linkSpeedRawGivesCapacityAndCoordinatesGiveDelay() {
        Topology geant = GraphMlReader.read(zoo("Geant2012"));
        assertThat(geant.nodeCount()).isEqualTo(40);
        assertThat(geant.physicalLinkCount()).isEqualTo(61);
        // the fourth edge (0 - 34) carries LinkSpeedRaw 2.5e9
        assertThat(geant.link(TopologyJson.directedId("e3", "0", "34")).capacityBps()).isEqualTo(2.5e9);
        assertThat(geant.defaultsApplied()).contains(new AppliedDefault("capacityBps", DefaultLedger.CAPACITY_RULE, 2 * (61 - 39)));
        var a = geant.node("0");
        var b = geant.node("34");
        double km = a.location().distanceKm(b.location());
        assertThat(geant.link(TopologyJson.directedId("e3", "34", "0")).propagationDelayMs()).isCloseTo(km / 200.0, within(1e-9));
    }

    @Test
    void linkSpeedWithUnitsIsUsedWhenRawIsAbsent() {
        Topology garr = GraphMlReader.read(zoo("Garr"));
        // first edge of Garr: LinkSpeed 100, LinkSpeedUnits M, no LinkSpeedRaw
        assertThat(garr.link(TopologyJson.directedId("e0", "0", "20")).capacityBps()).isEqualTo(100e6);
        assertThat(garr.defaultsApplied()).extracting(AppliedDefault::rule).contains(GraphMlReader.SPEED_RULE);
    }

    @Test
    void disconnectedGraphIsKeptWholeWithItsComponents() {
        Topology ntt = GraphMlReader.read(zoo("Ntt"));
        assertThat(ntt.components()).hasSize(16);
        assertThat(ntt.components().get(0)).hasSize(32);
        assertThat(ntt.largestComponent().nodeCount()).isEqualTo(32);
    }

    @Test
    void selfLoopsAreDroppedAndReported() {
        Topology t = GraphMlReader.read(zoo("Interoute"));
        assertThat(t.physicalLinkCount()).isEqualTo(158 - 2);
        assertThat(t.defaultsApplied()).contains(new AppliedDefault("links", GraphMlReader.SELF_LOOP_RULE, 2));
    }
}
