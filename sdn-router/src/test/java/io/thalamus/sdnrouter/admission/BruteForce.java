package io.thalamus.sdnrouter.admission;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Exhaustive admission for tiny instances (no existing flows), written independently of the solvers:
 * its own simple-path enumeration, every assignment of a path or rejection to each flow, the best
 * objective vector (strict: admitted value per class, highest first; weighted: sum value*(priority+1)),
 * ties broken by the smaller total path weight.
 */
final class BruteForce {

    /** Best objective found: primary components and the path weight. */
    record Best(double[] primary, double pathWeight) {
    }

    private final Topology t;
    private final List<Flow> flows;
    private final boolean strict;
    private final List<Integer> classes;
    private final List<List<List<Link>>> paths = new ArrayList<>();
    private double[] bestPrimary;
    private double bestWeight;

    BruteForce(Topology t, List<Flow> flows, boolean strict) {
        this.t = t;
        this.flows = flows;
        this.strict = strict;
        TreeSet<Integer> cs = new TreeSet<>();
        flows.forEach(f -> cs.add(f.priority()));
        this.classes = new ArrayList<>(cs.descendingSet());
        for (Flow f : flows) {
            List<List<Link>> ps = new ArrayList<>();
            dfs(f.source(), f.destination(), new ArrayList<>(), new HashSet<>(Set.of(f.source())), ps);
            paths.add(ps);
        }
    }

    /** The largest number of simple paths of any flow. */
    int maxSimplePaths() {
        return paths.stream().mapToInt(List::size).max().orElse(0);
    }

    private void dfs(String at, String dest, List<Link> acc, Set<String> visited, List<List<Link>> out) {
        if (at.equals(dest)) {
            out.add(List.copyOf(acc));
            return;
        }
        for (Link l : t.outLinks(at)) {
            if (visited.add(l.target())) {
                acc.add(l);
                dfs(l.target(), dest, acc, visited, out);
                acc.remove(acc.size() - 1);
                visited.remove(l.target());
            }
        }
    }

    Best solve() {
        bestPrimary = null;
        recurse(0, new HashMap<>(), new double[strict ? classes.size() : 1], 0);
        return new Best(bestPrimary, bestWeight);
    }

    private void recurse(int i, Map<String, Double> load, double[] primary, double weight) {
        if (i == flows.size()) {
            if (bestPrimary == null || better(primary, weight)) {
                bestPrimary = primary.clone();
                bestWeight = weight;
            }
            return;
        }
        recurse(i + 1, load, primary, weight);
        Flow f = flows.get(i);
        int slot = strict ? classes.indexOf(f.priority()) : 0;
        double gain = strict ? f.value() : f.value() * (f.priority() + 1);
        for (List<Link> p : paths.get(i)) {
            boolean fits = true;
            for (Link l : p) {
                if (load.getOrDefault(l.id(), 0.0) + f.bandwidthBps() > l.capacityBps() + 1e-9) {
                    fits = false;
                    break;
                }
            }
            if (!fits) {
                continue;
            }
            double w = 0;
            for (Link l : p) {
                load.merge(l.id(), f.bandwidthBps(), Double::sum);
                w += l.weight();
            }
            primary[slot] += gain;
            recurse(i + 1, load, primary, weight + w);
            primary[slot] -= gain;
            for (Link l : p) {
                load.merge(l.id(), -f.bandwidthBps(), Double::sum);
            }
        }
    }

    private boolean better(double[] p, double w) {
        for (int c = 0; c < p.length; c++) {
            if (p[c] > bestPrimary[c] + 1e-9) {
                return true;
            }
            if (p[c] < bestPrimary[c] - 1e-9) {
                return false;
            }
        }
        return w < bestWeight - 1e-9;
    }
}
