package io.thalamus.network.topology;

import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.path.Path;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopologyInvariantsTest {

    private static Link link(String id, String s, String t) {
        return new Link(id, id, s, t, 1e9, 1.0, 1.0, Set.of());
    }

    @Test
    void rejectsLinkWithUnknownNode() {
        assertThatThrownBy(() -> new Topology("t", List.of(new Node("a", null, null)), List.of(link("l", "a", "zz"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'zz'").hasMessageContaining("link 'l'");
    }

    @Test
    void rejectsDuplicateNodeAndLinkIds() {
        Node a = new Node("a", null, null);
        Node b = new Node("b", null, null);
        assertThatThrownBy(() -> new Topology("t", List.of(a, a), List.of()))
                .hasMessageContaining("duplicate node id 'a'");
        assertThatThrownBy(() -> new Topology("t", List.of(a, b), List.of(link("l", "a", "b"), link("l", "b", "a"))))
                .hasMessageContaining("duplicate link id 'l'");
    }

    @Test
    void rejectsNonPositiveOrNaNCapacity() {
        assertThatThrownBy(() -> new Link("l", "l", "a", "b", -5, 1, 1, Set.of())).hasMessageContaining("capacityBps");
        assertThatThrownBy(() -> new Link("l", "l", "a", "b", Double.NaN, 1, 1, Set.of())).hasMessageContaining("capacityBps");
    }

    @Test
    void componentsAreFoundLargestFirst() {
        List<Node> nodes = List.of(new Node("a", null, null), new Node("b", null, null), new Node("c", null, null),
                new Node("d", null, null), new Node("e", null, null));
        Topology t = new Topology("t", nodes, List.of(link("1", "a", "b"), link("2", "c", "b"), link("3", "d", "e")));
        assertThat(t.components()).containsExactly(List.of("a", "b", "c"), List.of("d", "e"));
        assertThat(t.largestComponent().nodeCount()).isEqualTo(3);
        assertThat(t.largestComponent().linkCount()).isEqualTo(2);
    }

    @Test
    void builtinAbileneHasElevenPopsAndFourteenCables() {
        Topology t = BuiltinTopologies.abilene();
        assertThat(t.nodeCount()).isEqualTo(11);
        assertThat(t.physicalLinkCount()).isEqualTo(14);
        assertThat(t.linkCount()).isEqualTo(28);
        assertThat(t.components()).hasSize(1);
        // New York to Washington is about 330 km: 1.6 to 1.7 ms of fibre.
        Link nyWash = t.link("NYCM-WASH:NYCM-WASH");
        assertThat(nyWash.propagationDelayMs()).isBetween(1.5, 1.8);
        assertThat(t.totalCapacityBps()).isEqualTo(14 * 10e9);
    }

    @Test
    void pathRejectsGapsAndReportsItsNodes() {
        Topology t = BuiltinTopologies.abilene();
        Path p = Path.ofNodes(t, List.of("STTL", "DNVR", "KSCY"));
        assertThat(p.nodes()).containsExactly("STTL", "DNVR", "KSCY");
        assertThat(p.weight()).isEqualTo(t.link("STTL-DNVR:STTL-DNVR").weight() + t.link("DNVR-KSCY:DNVR-KSCY").weight());
        assertThatThrownBy(() -> new Path(List.of(t.link("STTL-DNVR:STTL-DNVR"), t.link("KSCY-HSTN:KSCY-HSTN"))))
                .hasMessageContaining("not contiguous");
        assertThatThrownBy(() -> Path.ofNodes(t, List.of("STTL", "NYCM"))).hasMessageContaining("no link");
    }
}
