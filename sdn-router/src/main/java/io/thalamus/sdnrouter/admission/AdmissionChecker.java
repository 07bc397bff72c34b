package io.thalamus.sdnrouter.admission;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.path.ShortestPaths;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks any {@link AdmissionResult} against its problem from scratch, sharing no code with the solvers:
 * every flow accounted for once; admitted paths made of the topology's links, contiguous and simple
 * from source to destination; existing flows kept on their own paths (or, with preemption, evicted by an
 * admitted newcomer of strictly higher priority that shares one of their links); link loads within
 * capacity and as reported; per-class objective as reported; rejection reasons true ({@code no-path} only
 * when no route exists). In strict mode, for answers that claim optimality or come from a heuristic, it
 * also checks that no rejected flow would fit on one of its k candidate paths in the capacity left by the
 * flows of its own or higher classes (a lower class never holds capacity a higher class could use).
 */
public final class AdmissionChecker {

    private static final double TOL = 1e-9;

    private AdmissionChecker() {
    }

    /** The violations found, and whether the strict-priority property was checked. */
    public record Report(List<String> violations, boolean strictPriorityChecked) {

        /** True when nothing is wrong. */
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    /** Checks and throws {@link IllegalStateException} listing every violation. */
    public static void requireValid(AdmissionProblem problem, AdmissionResult result) {
        Report r = check(problem, result);
        if (!r.ok()) {
            throw new IllegalStateException("admission result of '" + result.solver() + "' failed the checker: "
                    + String.join("; ", r.violations()));
        }
    }

    /** Checks a result against its problem. */
    public static Report check(AdmissionProblem problem, AdmissionResult result) {
        List<String> v = new ArrayList<>();
        Topology topo = problem.topology();
        Map<String, Flow> newcomers = new LinkedHashMap<>();
        problem.flows().forEach(f -> newcomers.put(f.id(), f));
        Map<String, AdmittedFlow> existing = new LinkedHashMap<>();
        problem.existing().forEach(a -> existing.put(a.flow().id(), a));

        Set<String> seen = new HashSet<>();
        Map<String, Path> routeOf = new HashMap<>();
        Map<String, Double> load = new HashMap<>();
        for (AdmittedFlow a : result.admitted()) {
            Flow f = a.flow();
            if (!seen.add(f.id())) {
                v.add("flow '" + f.id() + "' appears more than once");
                continue;
            }
            Flow original = newcomers.containsKey(f.id()) ? newcomers.get(f.id())
                    : existing.containsKey(f.id()) ? existing.get(f.id()).flow() : null;
            if (original == null) {
                v.add("admitted flow '" + f.id() + "' is not in the problem");
                continue;
            }
            if (!original.equals(f)) {
                v.add("admitted flow '" + f.id() + "' differs from the problem's flow");
            }
            checkPath(topo, f, a.path(), v);
            if (existing.containsKey(f.id()) && !existing.get(f.id()).path().linkIds().equals(a.path().linkIds())) {
                v.add("existing flow '" + f.id() + "' was moved off its path");
            }
            routeOf.put(f.id(), a.path());
            for (Link l : a.path().links()) {
                load.merge(l.id(), f.bandwidthBps(), Double::sum);
            }
        }
        for (Rejection r : result.rejected()) {
            String id = r.flow().id();
            if (!seen.add(id)) {
                v.add("flow '" + id + "' appears more than once");
                continue;
            }
            if (newcomers.containsKey(id)) {
                boolean reachable = reachable(topo, r.flow().source(), r.flow().destination());
                if (r.reason().equals(Rejection.NO_PATH) == reachable) {
                    v.add("flow '" + id + "' rejected with reason '" + r.reason() + "' but a path "
                            + (reachable ? "exists" : "does not exist"));
                } else if (!r.reason().equals(Rejection.NO_PATH) && !r.reason().equals(Rejection.CAPACITY)) {
                    v.add("flow '" + id + "' rejected with unknown reason '" + r.reason() + "'");
                }
            } else if (existing.containsKey(id)) {
                checkEviction(problem, existing.get(id), r, newcomers, routeOf, v);
            } else {
                v.add("rejected flow '" + id + "' is not in the problem");
            }
        }
        for (String id : newcomers.keySet()) {
            if (!seen.contains(id)) {
                v.add("flow '" + id + "' is neither admitted nor rejected");
            }
        }
        for (String id : existing.keySet()) {
            if (!seen.contains(id)) {
                v.add("existing flow '" + id + "' is neither kept nor evicted");
            }
        }
        for (Map.Entry<String, Double> e : load.entrySet()) {
            if (topo.hasLink(e.getKey())) {
                double cap = topo.link(e.getKey()).capacityBps();
                if (e.getValue() > cap * (1 + TOL)) {
                    v.add("link '" + e.getKey() + "' carries " + e.getValue() + " bit/s over its capacity " + cap);
                }
            }
        }
        for (LinkLoad ll : result.linkLoads()) {
            double expected = load.getOrDefault(ll.linkId(), 0.0);
            if (Math.abs(ll.loadBps() - expected) > 1e-6 * Math.max(1, expected)) {
                v.add("link '" + ll.linkId() + "' reported load " + ll.loadBps() + " but carries " + expected);
            }
        }
        checkObjective(problem, result, v);
        Set<String> evictedIds = new HashSet<>();
        for (Eviction e : result.evictions()) {
            evictedIds.add(e.flow().id());
            Rejection r = result.rejected().stream().filter(x -> x.flow().id().equals(e.flow().id())).findFirst().orElse(null);
            if (r == null || !r.reason().equals(Rejection.EVICTED_BY + e.byFlowId())) {
                v.add("eviction of '" + e.flow().id() + "' does not match its rejection");
            }
        }
        for (Rejection r : result.rejected()) {
            if (existing.containsKey(r.flow().id()) && !evictedIds.contains(r.flow().id())) {
                v.add("evicted flow '" + r.flow().id() + "' is missing from the eviction list");
            }
        }
        boolean strictChecked = problem.mode() == ObjectiveMode.STRICT
                && (result.status() == AdmissionStatus.OPTIMAL || result.bound().isEmpty());
        if (strictChecked && v.isEmpty()) {
            checkStrictPriority(problem, result, routeOf, v);
        }
        return new Report(List.copyOf(v), strictChecked);
    }

    private static void checkPath(Topology topo, Flow f, Path p, List<String> v) {
        String prev = f.source();
        Set<String> visited = new HashSet<>(List.of(prev));
        for (Link l : p.links()) {
            if (!topo.hasLink(l.id()) || !topo.link(l.id()).equals(l)) {
                v.add("flow '" + f.id() + "' uses link '" + l.id() + "' that is not in the topology");
                return;
            }
            if (!l.source().equals(prev)) {
                v.add("flow '" + f.id() + "' path is broken at link '" + l.id() + "'");
                return;
            }
            prev = l.target();
            if (!visited.add(prev)) {
                v.add("flow '" + f.id() + "' path visits node '" + prev + "' twice");
                return;
            }
        }
        if (!prev.equals(f.destination())) {
            v.add("flow '" + f.id() + "' path ends at '" + prev + "', not at its destination '" + f.destination() + "'");
        }
    }

    private static void checkEviction(AdmissionProblem problem, AdmittedFlow e, Rejection r, Map<String, Flow> newcomers,
                                      Map<String, Path> routeOf, List<String> v) {
        String id = e.flow().id();
        if (!problem.allowPreemption()) {
            v.add("existing flow '" + id + "' was dropped although preemption is not allowed");
            return;
        }
        if (!r.reason().startsWith(Rejection.EVICTED_BY)) {
            v.add("existing flow '" + id + "' dropped with reason '" + r.reason() + "' instead of evicted-by:<flow>");
            return;
        }
        String by = r.reason().substring(Rejection.EVICTED_BY.length());
        Flow evictor = newcomers.get(by);
        Path route = routeOf.get(by);
        if (evictor == null || route == null) {
            v.add("existing flow '" + id + "' evicted by '" + by + "', which is not an admitted newcomer");
            return;
        }
        if (evictor.priority() <= e.flow().priority()) {
            v.add("existing flow '" + id + "' (priority " + e.flow().priority() + ") evicted by '" + by
                    + "' of priority " + evictor.priority() + ", not strictly higher");
        }
        Set<String> links = new HashSet<>(e.path().linkIds());
        if (route.linkIds().stream().noneMatch(links::contains)) {
            v.add("existing flow '" + id + "' evicted by '" + by + "', which shares none of its links");
        }
    }

    private static void checkObjective(AdmissionProblem problem, AdmissionResult result, List<String> v) {
        List<Integer> classes = problem.classes();
        if (!classes.equals(result.classes())) {
            v.add("classes " + result.classes() + " differ from the problem's " + classes);
            return;
        }
        double[] perClass = new double[classes.size()];
        double weighted = 0;
        for (AdmittedFlow a : result.admitted()) {
            perClass[classes.indexOf(a.flow().priority())] += a.flow().value();
            weighted += (a.flow().priority() + 1.0) * a.flow().value();
        }
        for (int c = 0; c < perClass.length; c++) {
            if (Math.abs(perClass[c] - result.objective().get(c)) > 1e-6 * Math.max(1, perClass[c])) {
                v.add("objective of class " + classes.get(c) + " reported " + result.objective().get(c) + " but is " + perClass[c]);
            }
        }
        if (Math.abs(weighted - result.weightedObjective()) > 1e-6 * Math.max(1, weighted)) {
            v.add("weighted objective reported " + result.weightedObjective() + " but is " + weighted);
        }
        for (int c = 0; c < result.bound().size() && c < perClass.length; c++) {
            double b = result.bound().get(c);
            double val = problem.mode() == ObjectiveMode.STRICT ? perClass[c] : weighted;
            if (b < val - 1e-6 * Math.max(1, val)) {
                v.add("bound " + b + " is below the achieved value " + val);
            }
        }
    }

    private static void checkStrictPriority(AdmissionProblem problem, AdmissionResult result, Map<String, Path> routeOf,
                                            List<String> v) {
        Topology topo = problem.topology();
        ShortestPaths sp = new ShortestPaths(topo);
        Map<String, List<Path>> cache = new HashMap<>();
        for (Rejection r : result.rejected()) {
            Flow f = r.flow();
            if (!r.reason().equals(Rejection.CAPACITY)) {
                continue;
            }
            Map<String, Double> load = new HashMap<>();
            for (AdmittedFlow a : result.admitted()) {
                boolean existing = problem.existing().stream().anyMatch(e -> e.flow().id().equals(a.flow().id()));
                if (a.flow().priority() >= f.priority() || existing) {
                    for (Link l : a.path().links()) {
                        load.merge(l.id(), a.flow().bandwidthBps(), Double::sum);
                    }
                }
            }
            List<Path> cands = cache.computeIfAbsent(f.source() + "\u0000" + f.destination(),
                    key -> sp.kShortest(f.source(), f.destination(), problem.k()));
            for (Path p : cands) {
                boolean fits = true;
                for (Link l : p.links()) {
                    if (load.getOrDefault(l.id(), 0.0) + f.bandwidthBps() > l.capacityBps() * (1 + TOL)) {
                        fits = false;
                        break;
                    }
                }
                if (fits) {
                    v.add("strict priority: flow '" + f.id() + "' (priority " + f.priority() + ") was rejected but fits on "
                            + p + " beside the flows of its own and higher classes");
                    break;
                }
            }
        }
    }

    private static boolean reachable(Topology topo, String s, String t) {
        Set<String> seen = new HashSet<>(List.of(s));
        List<String> frontier = new ArrayList<>(List.of(s));
        while (!frontier.isEmpty()) {
            String u = frontier.remove(frontier.size() - 1);
            if (u.equals(t)) {
                return true;
            }
            for (Link l : topo.outLinks(u)) {
                if (seen.add(l.target())) {
                    frontier.add(l.target());
                }
            }
        }
        return false;
    }
}
