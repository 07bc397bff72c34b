package io.thalamus.sdnrouter.controller;

import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Link;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Progressive filling against hand-computed max-min fair rates. */
class MaxMinFairShareTest {

    private static Link link(String id, double cap) {
        String[] ends = id.split(">");
        return new Link(id, id, ends[0], ends[1], cap, 0, 1, Set.of());
    }

    @Test
    void classicParkingLot() {
        // a>b (10) and b>c (4): flow x crosses both, y only a>b, z only b>c.
        // b>c is the first bottleneck: x = z = 2; then y takes what is left of a>b: 10 - 2 = 8.
        Link ab = link("a>b", 10);
        Link bc = link("b>c", 4);
        Map<String, Path> paths = new LinkedHashMap<>();
        paths.put("x", new Path(List.of(ab, bc)));
        paths.put("y", new Path(List.of(ab)));
        paths.put("z", new Path(List.of(bc)));
        Map<String, Double> r = MaxMinFairShare.rates(paths, Link::capacityBps, Map.of());
        assertThat(r.get("x")).isCloseTo(2, within(1e-9));
        assertThat(r.get("z")).isCloseTo(2, within(1e-9));
        assertThat(r.get("y")).isCloseTo(8, within(1e-9));
    }

    @Test
    void aSmallDemandFreezesEarlyAndLeavesTheRestToOthers() {
        Link ab = link("a>b", 10);
        Map<String, Path> paths = new LinkedHashMap<>();
        paths.put("small", new Path(List.of(ab)));
        paths.put("big", new Path(List.of(ab)));
        Map<String, Double> r = MaxMinFairShare.rates(paths, Link::capacityBps, Map.of("small", 1.0));
        assertThat(r.get("small")).isCloseTo(1, within(1e-9));
        assertThat(r.get("big")).isCloseTo(9, within(1e-9));
    }
}
