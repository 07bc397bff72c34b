package io.thalamus.twin;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Small hand-made topologies for tests. */
public final class TestNetworks {

    private TestNetworks() {
    }

    /**
     * A bidirectional link spec "id a b capacity weight [srlg]" becomes links id:a-b and id:b-a with
     * 1 ms propagation delay.
     */
    public static Topology of(String name, String... specs) {
        Set<String> nodes = new LinkedHashSet<>();
        List<Link> links = new ArrayList<>();
        for (String spec : specs) {
            String[] p = spec.split(" ");
            String id = p[0];
            String a = p[1];
            String b = p[2];
            double cap = Double.parseDouble(p[3]);
            double w = Double.parseDouble(p[4]);
            Set<String> srlg = p.length > 5 ? Set.of(p[5]) : Set.of();
            nodes.add(a);
            nodes.add(b);
            links.add(new Link(id + ":" + a + "-" + b, id, a, b, cap, 1.0, w, srlg));
            links.add(new Link(id + ":" + b + "-" + a, id, b, a, cap, 1.0, w, srlg));
        }
        return new Topology(name, nodes.stream().map(n -> new Node(n, n, null)).toList(), links);
    }

    /**
     * A square A-B-C-D-A plus a spur C-E: A to C goes A-B-C (weight 2) and, when A-B fails, A-D-C (weight 4).
     * Capacities 10 Mbit/s.
     */
    public static Topology square() {
        return of("square", "AB A B 10e6 1", "BC B C 10e6 1", "CD C D 10e6 2", "DA D A 10e6 2", "CE C E 10e6 1");
    }
}
