package io.thalamus.network.format;

import io.thalamus.network.topology.Topology;
import io.thalamus.network.traffic.TrafficMatrix;
import io.thalamus.network.traffic.TrafficSeries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrafficReadersTest {

    @Test
    void totemSeriesHas8016MatricesOver23NodesWithMissingCellsKept() {
        TrafficSeries s = TotemCsvReader.read(SharedDataSupport.data("traffic/geant-totem/geant-totem-15min-2005-01-to-03.csv.gz"));
        assertThat(s.size()).isEqualTo(8016);
        assertThat(s.nodes()).hasSize(23).startsWith("1", "2", "3").endsWith("23");
        assertThat(s.time(0)).isEqualTo(Instant.parse("2005-01-01T00:30:00Z"));
        assertThat(s.time(s.size() - 1)).isEqualTo(Instant.parse("2005-03-31T23:45:00Z"));
        assertThat(s.step()).isEqualTo(Duration.ofMinutes(15));
        TrafficMatrix first = s.matrix(0);
        // first row: 1_2 = 20232.5778 kbit/s, 1_10 empty
        assertThat(first.get("1", "2")).isCloseTo(20232.5778e3, within(1e-3));
        assertThat(first.isMissing(s.indexOf("1"), s.indexOf("10"))).isTrue();
        assertThat(first.missingCount()).isPositive();
        long missing = s.matrices().stream().mapToLong(TrafficMatrix::missingCount).sum();
        assertThat(missing).isGreaterThan(0);
        // the TOTEM domain file names the same nodes, so the matrices replay on it
        Topology domain = TotemTopologyReader.read(SharedDataSupport.data("traffic/geant-totem/topology-anonymised.original-no-capacity.xml"));
        assertThat(domain.nodes()).extracting(n -> n.id()).containsExactlyInAnyOrderElementsOf(s.nodes());
    }

    @Test
    void sndlibDynamicAbileneJoinsTheSndlibNodes() {
        TrafficSeries s = SndlibDynamicCsvReader.read(SharedDataSupport.data("traffic/sndlib-dynamic/abilene-zhang-5min-20040301_20040404.csv.gz"));
        assertThat(s.size()).isEqualTo(4896);
        assertThat(s.nodes()).hasSize(12);
        assertThat(s.time(0)).isEqualTo(Instant.parse("2004-03-01T00:00:00Z"));
        assertThat(s.step()).isEqualTo(Duration.ofMinutes(5));
        // first data row: 20040301-0000,ATLAM5,ATLAng,0.522208 (Mbit/s)
        assertThat(s.matrix(0).get("ATLAM5", "ATLAng")).isCloseTo(0.522208e6, within(1e-6));
        Topology abilene = SndlibXmlReader.read(SndlibReadersTest.xmlFile("abilene"));
        assertThat(abilene.nodes()).extracting(n -> n.id()).containsExactlyInAnyOrderElementsOf(s.nodes());
    }

    @Test
    void sndlibDynamicGermany50KeepsNodesWithoutTrafficWhenGivenTheTopology() {
        Topology g = SndlibNativeReader.read(SndlibReadersTest.nativeFile("germany50"));
        TrafficSeries s = SndlibDynamicCsvReader.read(
                SharedDataSupport.data("traffic/sndlib-dynamic/germany50-DFN-1day-200502.csv.gz"),
                g.nodes().stream().map(n -> n.id()).toList());
        assertThat(s.size()).isEqualTo(28);
        assertThat(s.nodes()).hasSize(50);
        assertThat(s.step()).isEqualTo(Duration.ofDays(1));
        // first row: 20050201,Konstanz,Greifswald,0.000003
        assertThat(s.matrix(0).get("Konstanz", "Greifswald")).isCloseTo(3.0, within(1e-9));
        assertThat(s.matrix(0).missingCount()).isZero();
    }

    @Test
    void sndlibDynamicGeantHasItsNonEmptySteps() {
        TrafficSeries s = SndlibDynamicCsvReader.read(SharedDataSupport.data("traffic/sndlib-dynamic/geant-uhlig-15min-20050504_20050507.csv.gz"));
        assertThat(s.size()).isEqualTo(322);
        assertThat(s.nodes()).hasSize(22);
    }

    @Test
    void abileneZhangTopologyHasOspfWeightsCapacitiesAndNames() {
        Topology t = AbileneZhangReader.readTopology(SharedDataSupport.data("traffic/abilene-zhang/Abilene.txt"));
        assertThat(t.nodeCount()).isEqualTo(12);
        assertThat(t.linkCount()).isEqualTo(30);
        assertThat(t.physicalLinkCount()).isEqualTo(15);
        // link 2: 1 -> 4 = ATLAng -> HSTNng, OSPF 1176, 9,920,000 kbit/s
        var l = t.link(TopologyJson.directedId("ATLAng-HSTNng", "ATLAng", "HSTNng"));
        assertThat(l.weight()).isEqualTo(1176);
        assertThat(l.capacityBps()).isEqualTo(9.92e9);
        assertThat(t.link(TopologyJson.directedId("ATLAng-IPLSng", "IPLSng", "ATLAng")).capacityBps()).isEqualTo(2.48e9);
        assertThat(TopologyReaders.read(SharedDataSupport.data("traffic/abilene-zhang/Abilene.txt")).linkCount()).isEqualTo(30);
    }

    @Test
    void rocketfuelFilesReadWithIndexIdsAndARecordedBandwidthRule() {
        Topology t = AbileneZhangReader.readTopology(SharedDataSupport.data("traffic/abilene-zhang/Ebone.txt"));
        assertThat(t.nodeCount()).isEqualTo(23);
        assertThat(t.linkCount()).isEqualTo(76);
        assertThat(t.defaultsApplied()).extracting(d -> d.rule()).contains(AbileneZhangReader.RELATIVE_BANDWIDTH_RULE);
    }

    @Test
    void abileneZhangMatricesConvertZhangUnitsToBitsPerSecond() {
        TrafficSeries s = AbileneZhangReader.readMatrices(SharedDataSupport.data("traffic/abilene-zhang/AbileneTM.txt.gz"));
        assertThat(s.size()).isEqualTo(2016);
        assertThat(s.step()).isEqualTo(Duration.ofMinutes(5));
        // first value of the first line: 1.0e4 units of 100 bytes per 5 minutes
        assertThat(s.matrix(0).get(0, 0)).isCloseTo(1.0e4 * 100 * 8 / 300.0, within(1e-6));
        // second value: ATLAM5 -> ATLAng, 1.958280e5 units
        assertThat(s.matrix(0).get("ATLAM5", "ATLAng")).isCloseTo(1.958280e5 * 100 * 8 / 300.0, within(1e-6));
    }

    @Test
    void totemTopologyJoinsTheTotemMatricesAndReadsTheAddedCapacities() {
        Topology t = TopologyReaders.read(SharedDataSupport.data("traffic/geant-totem/topology-anonymised.with-capacity-GreenSDN.xml"));
        assertThat(t.nodeCount()).isEqualTo(23);
        assertThat(t.linkCount()).isEqualTo(74);
        // GreenSDN capacities in kbit/s: 38 x 10,000,000, 28 x 2,500,000, 8 x 155,000
        assertThat(t.links().stream().filter(l -> l.capacityBps() == 10e9).count()).isEqualTo(38);
        assertThat(t.links().stream().filter(l -> l.capacityBps() == 2.5e9).count()).isEqualTo(28);
        assertThat(t.links().stream().filter(l -> l.capacityBps() == 155e6).count()).isEqualTo(8);
        assertThat(t.link(TopologyJson.directedId("3-10", "10", "3")).capacityBps()).isEqualTo(10e9);
        assertThat(t.nodes()).allSatisfy(n -> assertThat(n.hasLocation()).isFalse());
        assertThat(t.defaultsApplied()).contains(new io.thalamus.network.topology.AppliedDefault("location", TotemTopologyReader.ZERO_LOCATION_RULE, 23));
        Topology bare = TopologyReaders.read(SharedDataSupport.data("traffic/geant-totem/topology-anonymised.original-no-capacity.xml"));
        assertThat(bare.defaultsApplied()).contains(new io.thalamus.network.topology.AppliedDefault("capacityBps", DefaultLedger.CAPACITY_RULE, 74));
    }
}
