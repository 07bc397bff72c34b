package io.thalamus.network.format;

import io.thalamus.network.topology.AppliedDefault;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SndlibReadersTest {

    @ParameterizedTest(name = "{0}: {1} nodes, {2} links, {3} demands")
    @CsvSource({
        "germany50, 50, 88, 662",
        "abilene, 12, 15, 132",
        "geant, 22, 36, 462",
        "nobel-eu, 28, 41, 378",
        "janos-us, 26, 84, 650",
        "cost266, 37, 57, 1332",
    })
    void publishedInstancesHaveTheirPublishedCounts(String name, int nodes, int links, int demands) {
        for (Topology t : List.of(SndlibNativeReader.read(nativeFile(name)), SndlibXmlReader.read(xmlFile(name)))) {
            assertThat(t.nodeCount()).isEqualTo(nodes);
            assertThat(t.physicalLinkCount()).isEqualTo(links);
            assertThat(t.linkCount()).isEqualTo(2 * links);
            assertThat(t.demands()).hasSize(demands);
        }
    }

    @Test
    void everyInstanceReadsIdenticallyFromNativeAndXml() throws IOException {
        Path xmlRoot = SharedDataSupport.data("sndlib/xml");
        List<String> names;
        try (Stream<Path> s = Files.list(xmlRoot)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> Files.exists(xmlFile(n))).sorted().toList();
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(25);
        for (String name : names) {
            Topology fromNative = SndlibNativeReader.read(nativeFile(name));
            Topology fromXml = SndlibXmlReader.read(xmlFile(name));
            assertThat(fromXml.nodeCount()).as(name).isEqualTo(fromNative.nodeCount());
            assertThat(fromXml.physicalLinkCount()).as(name).isEqualTo(fromNative.physicalLinkCount());
            assertThat(fromXml.demands()).as(name).hasSize(fromNative.demands().size());
            // same rules on both syntaxes: the whole topology, defaults included, is the same
            assertThat(TopologyJson.write(fromXml)).as(name).isEqualTo(TopologyJson.write(fromNative));
        }
    }

    @Test
    void pioro40ExistsOnlyInNativeAndStillParses() {
        Topology t = SndlibNativeReader.read(nativeFile("pioro40"));
        assertThat(t.nodeCount()).isEqualTo(40);
        assertThat(t.physicalLinkCount()).isEqualTo(89);
        assertThat(t.demands()).hasSize(780);
        assertThat(t.nodes()).allSatisfy(n -> assertThat(n.hasPlanarPosition()).isTrue());
    }

    @Test
    void abileneUsesPreInstalledCapacityInTheDeclaredUnit() {
        Topology t = SndlibXmlReader.read(xmlFile("abilene"));
        // ATLAM5_ATLAng: pre-installed 9920 with META unit MBITPERSEC
        Link l = t.link(TopologyJson.directedId("ATLAM5_ATLAng", "ATLAng", "ATLAM5"));
        assertThat(l.capacityBps()).isEqualTo(9920e6);
        assertThat(t.defaultsApplied()).extracting(AppliedDefault::field).doesNotContain("capacityBps", "unit");
        // demand IPLSng_STTLng = 3580 Mbit/s
        assertThat(t.demands().stream().filter(d -> d.id().equals("IPLSng_STTLng")).findFirst().orElseThrow().valueBps())
                .isEqualTo(3580e6);
    }

    @Test
    void germany50TakesTheLargestModuleAndRecordsEveryDefault() {
        Topology t = SndlibNativeReader.read(nativeFile("germany50"));
        assertThat(t.links()).allSatisfy(l -> assertThat(l.capacityBps()).isEqualTo(40e6));
        assertThat(t.defaultsApplied()).contains(
                new AppliedDefault("capacityBps", SndlibAssembly.MODULE_RULE, 176),
                new AppliedDefault("unit", SndlibAssembly.UNIT_RULE, 176 + 662),
                new AppliedDefault("weight", DefaultLedger.WEIGHT_RULE, 176),
                new AppliedDefault("propagationDelayMs", DefaultLedger.GREAT_CIRCLE_RULE, 176));
        // L1 Duesseldorf (6.77 E, 51.25 N) - Essen (7.02 E, 51.46 N): about 29.6 km, so about 0.148 ms
        Link l1 = t.link(TopologyJson.directedId("L1", "Duesseldorf", "Essen"));
        assertThat(l1.propagationDelayMs()).isCloseTo(0.148, within(0.003));
        assertThat(t.node("Duesseldorf").location().longitude()).isEqualTo(6.77);
        assertThat(t.node("Duesseldorf").location().latitude()).isEqualTo(51.25);
    }

    @Test
    void pixelInstancesGetPlanarPositionsAndTheExplicitDelayDefault() {
        for (Topology t : List.of(SndlibNativeReader.read(nativeFile("atlanta")), SndlibXmlReader.read(xmlFile("atlanta")))) {
            assertThat(t.node("N1").hasLocation()).isFalse();
            assertThat(t.node("N1").x()).isEqualTo(283.0);
            assertThat(t.node("N1").y()).isEqualTo(248.0);
            assertThat(t.links()).allSatisfy(l -> assertThat(l.propagationDelayMs()).isEqualTo(DefaultLedger.NO_COORDINATES_DELAY_MS));
            assertThat(t.defaultsApplied()).contains(new AppliedDefault("propagationDelayMs", DefaultLedger.NO_COORDINATES_RULE, 44));
            // atlanta L1: pre-installed 11000, routing cost 67.8
            Link l1 = t.link(TopologyJson.directedId("L1", "N1", "N6"));
            assertThat(l1.capacityBps()).isEqualTo(11000e6);
            assertThat(l1.weight()).isEqualTo(67.8);
        }
    }

    static Path nativeFile(String name) {
        return SharedDataSupport.data("sndlib/native").resolve(name).resolve(name + ".txt");
    }

    static Path xmlFile(String name) {
        return SharedDataSupport.data("sndlib/xml").resolve(name).resolve(name + ".xml");
    }
}
