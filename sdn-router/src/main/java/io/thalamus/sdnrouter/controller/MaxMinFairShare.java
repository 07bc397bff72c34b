package io.thalamus.sdnrouter.controller;

import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Link;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Max-min fair rates of elastic flows on fixed paths (progressive filling): every unfrozen flow grows at the
 * same pace; when a link fills, the flows crossing it freeze at their current rate. It is the steady state
 * long-lived TCP flows with similar round-trip times approach, and the stand-in prediction for lab
 * fidelity checks while the digital twin is not wired to the lab.
 */
public final class MaxMinFairShare {

    private MaxMinFairShare() {
    }

    /**
     * Rates in bit/s per flow id.
     *
     * @param paths    flow id → path
     * @param capacity link → capacity in bit/s (e.g. the lab's scaled rate)
     * @param demand   flow id → the most the flow wants (infinite for a greedy TCP flow)
     */
    public static Map<String, Double> rates(Map<String, Path> paths, ToDoubleFunction<Link> capacity,
                                            Map<String, Double> demand) {
        Map<String, Double> rate = new LinkedHashMap<>();
        Map<String, Double> left = new HashMap<>();
        Map<String, Set<String>> users = new HashMap<>();
        paths.forEach((f, p) -> {
            rate.put(f, 0.0);
            for (Link l : p.links()) {
                left.putIfAbsent(l.id(), capacity.applyAsDouble(l));
                users.computeIfAbsent(l.id(), k -> new HashSet<>()).add(f);
            }
        });
        Set<String> active = new HashSet<>(paths.keySet());
        while (!active.isEmpty()) {
            double step = Double.POSITIVE_INFINITY;
            for (Map.Entry<String, Set<String>> e : users.entrySet()) {
                long n = e.getValue().stream().filter(active::contains).count();
                if (n > 0) {
                    step = Math.min(step, left.get(e.getKey()) / n);
                }
            }
            for (String f : active) {
                step = Math.min(step, demand.getOrDefault(f, Double.POSITIVE_INFINITY) - rate.get(f));
            }
            if (Double.isInfinite(step)) {
                break;
            }
            final double s = Math.max(0, step);
            for (String f : active) {
                rate.merge(f, s, Double::sum);
                for (Link l : paths.get(f).links()) {
                    left.merge(l.id(), -s, Double::sum);
                }
            }
            Set<String> frozen = new HashSet<>();
            for (String f : active) {
                if (rate.get(f) >= demand.getOrDefault(f, Double.POSITIVE_INFINITY) - 1e-9) {
                    frozen.add(f);
                }
                for (Link l : paths.get(f).links()) {
                    if (left.get(l.id()) <= 1e-6 * Math.max(1, capacity.applyAsDouble(l))) {
                        frozen.add(f);
                    }
                }
            }
            if (frozen.isEmpty()) {
                break;
            }
            active.removeAll(frozen);
        }
        return rate;
    }
}
