package io.thalamus.sdnrouter.admission;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link AdmissionProblem} compiled to arrays: candidate paths (k shortest by weight, shared per node
 * pair), link capacities, pinned load of existing flows that cannot be evicted, and priority classes.
 * Every solver works on this and turns its decision back into an {@link AdmissionResult} here.
 */
final class AdmissionInstance {

    final AdmissionProblem problem;
    final Topology topology;
    final int links;
    final double[] capacity;
    final double[] linkWeight;
    /** Newcomers. */
    final Flow[] flows;
    final double[] bandwidth;
    final double[] value;
    final int[] priority;
    /** Index into {@link #classes} of each newcomer. */
    final int[] classOf;
    final List<Path>[] candidates;
    final int[][][] candidateLinks;
    final double[][] candidateWeight;
    /** Existing flows that may be evicted (preemption allowed and a higher-priority newcomer can reach its destination). */
    final Flow[] evictable;
    final Path[] evictablePath;
    final int[][] evictableLinks;
    final int[] evictableClassOf;
    /** Existing flows that stay whatever happens. */
    final List<AdmittedFlow> pinned;
    /** Load of {@link #pinned} per link. */
    final double[] pinnedLoad;
    /** Priorities, highest first. */
    final int[] classes;
    final long prepareNanos;

    @SuppressWarnings("unchecked")
    AdmissionInstance(AdmissionProblem problem, CandidatePaths paths) {
        if (!paths.matches(problem)) {
            throw new IllegalArgumentException("candidate paths were computed for another problem (topology, flows or k differ)");
        }
        long t0 = System.nanoTime();
        this.problem = problem;
        this.topology = problem.topology();
        this.links = topology.linkCount();
        this.capacity = new double[links];
        this.linkWeight = new double[links];
        for (int i = 0; i < links; i++) {
            capacity[i] = topology.links().get(i).capacityBps();
            linkWeight[i] = topology.links().get(i).weight();
        }
        this.classes = problem.classes().stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, Integer> classIndex = new HashMap<>();
        for (int c = 0; c < classes.length; c++) {
            classIndex.put(classes[c], c);
        }
        int n = problem.flows().size();
        this.flows = problem.flows().toArray(new Flow[0]);
        this.bandwidth = new double[n];
        this.value = new double[n];
        this.priority = new int[n];
        this.classOf = new int[n];
        this.candidates = new List[n];
        this.candidateLinks = new int[n][][];
        this.candidateWeight = new double[n][];
        for (int f = 0; f < n; f++) {
            Flow flow = flows[f];
            bandwidth[f] = flow.bandwidthBps();
            value[f] = flow.value();
            priority[f] = flow.priority();
            classOf[f] = classIndex.get(flow.priority());
            List<Path> c = paths.of(f);
            candidates[f] = c;
            candidateLinks[f] = new int[c.size()][];
            candidateWeight[f] = new double[c.size()];
            for (int p = 0; p < c.size(); p++) {
                candidateLinks[f][p] = linkIndices(c.get(p));
                candidateWeight[f][p] = c.get(p).weight();
            }
        }
        int maxNewPriority = Arrays.stream(priority).max().orElse(-1);
        List<AdmittedFlow> ev = new ArrayList<>();
        List<AdmittedFlow> pin = new ArrayList<>();
        for (AdmittedFlow a : problem.existing()) {
            boolean canGo = false;
            if (problem.allowPreemption() && a.flow().priority() < maxNewPriority) {
                for (int f = 0; f < n && !canGo; f++) {
                    canGo = priority[f] > a.flow().priority() && !candidates[f].isEmpty();
                }
            }
            (canGo ? ev : pin).add(a);
        }
        this.pinned = List.copyOf(pin);
        this.pinnedLoad = new double[links];
        for (AdmittedFlow a : pin) {
            for (int l : linkIndices(a.path())) {
                pinnedLoad[l] += a.flow().bandwidthBps();
            }
        }
        this.evictable = ev.stream().map(AdmittedFlow::flow).toArray(Flow[]::new);
        this.evictablePath = ev.stream().map(AdmittedFlow::path).toArray(Path[]::new);
        this.evictableLinks = new int[ev.size()][];
        this.evictableClassOf = new int[ev.size()];
        for (int e = 0; e < ev.size(); e++) {
            evictableLinks[e] = linkIndices(evictablePath[e]);
            evictableClassOf[e] = classIndex.get(evictable[e].priority());
        }
        this.prepareNanos = System.nanoTime() - t0 + paths.computeMillis() * 1_000_000L;
    }

    int flowCount() {
        return flows.length;
    }

    int[] linkIndices(Path p) {
        int[] out = new int[p.hops()];
        for (int i = 0; i < out.length; i++) {
            out[i] = topology.indexOfLink(p.links().get(i).id());
        }
        return out;
    }

    /** Weight of each class's value in the weighted objective. */
    double classWeight(int priorityValue) {
        return priorityValue + 1.0;
    }

    /** Whether the objective is lexicographic over classes. */
    boolean isStrict() {
        return problem.mode() == ObjectiveMode.STRICT;
    }

    /** The score of a decision given as routes per newcomer (null = rejected) and kept flags for evictable flows. */
    Score score(Path[] routes, boolean[] kept) {
        double[] perClass = new double[classes.length];
        double weighted = 0;
        double pathWeight = 0;
        for (AdmittedFlow a : pinned) {
            int c = indexOfClass(a.flow().priority());
            perClass[c] += a.flow().value();
            weighted += classWeight(a.flow().priority()) * a.flow().value();
        }
        for (int e = 0; e < evictable.length; e++) {
            if (kept[e]) {
                perClass[evictableClassOf[e]] += evictable[e].value();
                weighted += classWeight(evictable[e].priority()) * evictable[e].value();
            }
        }
        for (int f = 0; f < flows.length; f++) {
            if (routes[f] != null) {
                perClass[classOf[f]] += value[f];
                weighted += classWeight(priority[f]) * value[f];
                pathWeight += routes[f].weight();
            }
        }
        return new Score(isStrict() ? perClass : new double[] {weighted}, pathWeight);
    }

    int indexOfClass(int priorityValue) {
        for (int c = 0; c < classes.length; c++) {
            if (classes[c] == priorityValue) {
                return c;
            }
        }
        throw new IllegalArgumentException("no class " + priorityValue);
    }

    /** Builds the public result; {@code bound} and {@code gap} are as the solver proved them. */
    AdmissionResult toResult(String solver, AdmissionStatus status, Path[] routes, boolean[] kept,
                             List<Double> bound, double gap, long startNanos, Map<String, String> parameters,
                             List<String> notes) {
        double[] perClass = new double[classes.length];
        double weighted = 0;
        double pathWeight = 0;
        double[] load = pinnedLoad.clone();
        List<AdmittedFlow> admitted = new ArrayList<>(pinned);
        for (AdmittedFlow a : pinned) {
            perClass[indexOfClass(a.flow().priority())] += a.flow().value();
            weighted += classWeight(a.flow().priority()) * a.flow().value();
        }
        for (int e = 0; e < evictable.length; e++) {
            if (kept[e]) {
                admitted.add(new AdmittedFlow(evictable[e], evictablePath[e]));
                perClass[evictableClassOf[e]] += evictable[e].value();
                weighted += classWeight(evictable[e].priority()) * evictable[e].value();
                for (int l : evictableLinks[e]) {
                    load[l] += evictable[e].bandwidthBps();
                }
            }
        }
        List<Rejection> rejected = new ArrayList<>();
        int[][] routeLinks = new int[flows.length][];
        for (int f = 0; f < flows.length; f++) {
            if (routes[f] != null) {
                admitted.add(new AdmittedFlow(flows[f], routes[f]));
                perClass[classOf[f]] += value[f];
                weighted += classWeight(priority[f]) * value[f];
                pathWeight += routes[f].weight();
                routeLinks[f] = linkIndices(routes[f]);
                for (int l : routeLinks[f]) {
                    load[l] += bandwidth[f];
                }
            } else {
                rejected.add(new Rejection(flows[f], candidates[f].isEmpty() ? Rejection.NO_PATH : Rejection.CAPACITY));
            }
        }
        List<Eviction> evictions = new ArrayList<>();
        List<String> allNotes = new ArrayList<>(notes);
        for (int e = 0; e < evictable.length; e++) {
            if (!kept[e]) {
                String by = evictor(e, routeLinks);
                if (by == null) {
                    allNotes.add("existing flow '" + evictable[e].id() + "' was evicted without a higher-priority newcomer on its links");
                    rejected.add(new Rejection(evictable[e], "evicted"));
                } else {
                    rejected.add(new Rejection(evictable[e], Rejection.EVICTED_BY + by));
                    evictions.add(new Eviction(evictable[e], evictablePath[e], by));
                }
            }
        }
        List<LinkLoad> loads = new ArrayList<>(links);
        for (int l = 0; l < links; l++) {
            loads.add(new LinkLoad(topology.links().get(l).id(), load[l], capacity[l]));
        }
        List<Double> objective = Arrays.stream(perClass).boxed().toList();
        Map<String, String> params = new LinkedHashMap<>(parameters);
        params.put("k", Integer.toString(problem.k()));
        params.put("objective", problem.mode().label());
        params.put("allowPreemption", Boolean.toString(problem.allowPreemption()));
        long timeMs = (System.nanoTime() - startNanos) / 1_000_000L;
        return new AdmissionResult(solver, status, problem.mode(), Arrays.stream(classes).boxed().toList(), objective,
                weighted, bound, gap, pathWeight, timeMs, admitted, rejected, evictions, loads, params, allNotes);
    }

    /** The admitted newcomer of strictly higher priority, sharing a link with evicted flow {@code e}, that evicted it. */
    private String evictor(int e, int[][] routeLinks) {
        boolean[] onPath = new boolean[links];
        for (int l : evictableLinks[e]) {
            onPath[l] = true;
        }
        int best = -1;
        for (int f = 0; f < flows.length; f++) {
            if (routeLinks[f] == null || priority[f] <= evictable[e].priority()) {
                continue;
            }
            for (int l : routeLinks[f]) {
                if (onPath[l]) {
                    if (best < 0 || priority[f] > priority[best]) {
                        best = f;
                    }
                    break;
                }
            }
        }
        return best < 0 ? null : flows[best].id();
    }

    /** Routes as paths from candidate indices (-1 = rejected). */
    Path[] routesOf(int[] choice) {
        Path[] routes = new Path[flows.length];
        for (int f = 0; f < flows.length; f++) {
            routes[f] = choice[f] < 0 ? null : candidates[f].get(choice[f]);
        }
        return routes;
    }

    /** Sum of positive entries, a trivial upper bound. */
    static double positiveSum(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += Math.max(0, x);
        }
        return s;
    }

    /** The topology link at index {@code i}. */
    Link link(int i) {
        return topology.links().get(i);
    }
}
