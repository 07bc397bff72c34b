package io.thalamus.sdnrouter.controller;

import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Names, addresses, ports and rates the lab derives from a topology. */
class LabPlanTest {

    private final Topology abilene = BuiltinTopologies.abilene();

    @Test
    void namesFitLinuxLimitsAndAreUnique() {
        LabPlan p = LabPlan.of(abilene, "th", 1000);
        Set<String> names = new HashSet<>();
        p.nodes().forEach(n -> names.addAll(List.of(n.bridge(), n.namespace(), n.hostVeth(), n.hostVeth() + "p")));
        p.cables().forEach(c -> names.addAll(List.of(c.vethA(), c.vethB())));
        assertThat(names).hasSize(11 * 4 + 14 * 2).allMatch(n -> n.length() <= 15 && n.startsWith("th"));
    }

    @Test
    void hostsGetDistinctAddressesInTheLabRange() {
        LabPlan p = LabPlan.of(abilene, "th", 1000);
        assertThat(p.nodes()).extracting(LabPlan.NodePlan::ipv4).doesNotHaveDuplicates()
                .allMatch(ip -> ip.startsWith("10.0."));
        assertThat(p.node("ATLA").ipv4()).isEqualTo("10.0.0.1");
        assertThat(p.node("WASH").ipv4()).isEqualTo("10.0.0.11");
        assertThat(p.nodes()).extracting(LabPlan.NodePlan::dpid).doesNotHaveDuplicates();
    }

    @Test
    void portsFollowCablesAndRatesAreScaled() {
        LabPlan p = LabPlan.of(abilene, "th", 1000);
        // KSCY has cables to DNVR, HSTN and IPLS: ports 2, 3, 4 in file order, host on 1
        DataPlaneWiring w = p.wiring(abilene);
        Set<Integer> kscyPorts = new HashSet<>();
        for (Link l : abilene.outLinks("KSCY")) {
            kscyPorts.add(w.link(l.id()).sourcePort());
        }
        assertThat(kscyPorts).containsExactlyInAnyOrder(2, 3, 4);
        Link l = abilene.link("DNVR-KSCY:DNVR-KSCY");
        assertThat(w.link(l.id()).sourcePort()).isEqualTo(w.link("DNVR-KSCY:KSCY-DNVR").targetPort());
        assertThat(p.cable("DNVR-KSCY").rateAtoBbps()).isEqualTo(10e6);
    }

    @Test
    void rejectsBadPrefixScaleAndOneWayLinks() {
        assertThatThrownBy(() -> LabPlan.of(abilene, "TH", 1000)).hasMessageContaining("prefix");
        assertThatThrownBy(() -> LabPlan.of(abilene, "th", 0.5)).hasMessageContaining("rate-scale");
        Topology oneWay = new Topology("x", List.of(new Node("a", "a", null, 0, 0), new Node("b", "b", null, 1, 0)),
                List.of(new Link("a-b", "a-b", "a", "b", 1e9, 1, 1, Set.of())));
        assertThatThrownBy(() -> LabPlan.of(oneWay, "th", 1)).hasMessageContaining("no reverse direction");
        assertThatThrownBy(() -> LabPlan.of(abilene, "th", 1000).cable("NOPE")).hasMessageContaining("unknown link 'NOPE'");
    }
}
