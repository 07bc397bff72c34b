package io.thalamus.sdnrouter.admission;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One admission question: which of {@code flows} to admit on {@code topology}, and on which path, given
 * flows already admitted on their paths ({@code existing}). The constructor rejects inconsistent input
 * with a message naming the flow and field, so solvers never see it.
 *
 * @param topology         the network
 * @param flows            newcomers to admit or reject
 * @param existing         flows already carried, each on its path; kept unless {@code allowPreemption}
 * @param mode             objective mode
 * @param k                number of candidate paths per flow (k shortest by IGP weight) for path-based solvers
 * @param allowPreemption  whether newcomers may evict existing flows of strictly lower priority
 */
public record AdmissionProblem(Topology topology, List<Flow> flows, List<AdmittedFlow> existing,
                               ObjectiveMode mode, int k, boolean allowPreemption) {

    /** Default number of candidate paths per flow. */
    public static final int DEFAULT_K = 8;

    public AdmissionProblem {
        Objects.requireNonNull(topology, "topology");
        flows = List.copyOf(Objects.requireNonNull(flows, "flows"));
        existing = List.copyOf(existing == null ? List.of() : existing);
        mode = mode == null ? ObjectiveMode.STRICT : mode;
        if (k < 1 || k > 10_000) {
            throw new IllegalArgumentException("k: expected a number of candidate paths in 1..10000, got " + k);
        }
        Set<String> ids = new HashSet<>();
        for (Flow f : flows) {
            checkFlow(topology, f, ids, "flow");
        }
        Map<String, Double> load = new HashMap<>();
        for (AdmittedFlow a : existing) {
            Flow f = a.flow();
            checkFlow(topology, f, ids, "existing flow");
            checkPath(topology, f, a.path());
            for (Link l : a.path().links()) {
                load.merge(l.id(), f.bandwidthBps(), Double::sum);
            }
        }
        for (Map.Entry<String, Double> e : load.entrySet()) {
            double cap = topology.link(e.getKey()).capacityBps();
            if (e.getValue() > cap * (1 + 1e-9)) {
                throw new IllegalArgumentException("existing flows exceed the capacity of link '" + e.getKey()
                        + "': " + e.getValue() + " bit/s > " + cap + " bit/s");
            }
        }
    }

    /** A problem with no existing flows, strict objective and the default k. */
    public static AdmissionProblem of(Topology topology, List<Flow> flows) {
        return new AdmissionProblem(topology, flows, List.of(), ObjectiveMode.STRICT, DEFAULT_K, false);
    }

    /** This problem with another objective mode. */
    public AdmissionProblem withMode(ObjectiveMode newMode) {
        return new AdmissionProblem(topology, flows, existing, newMode, k, allowPreemption);
    }

    /** This problem with another candidate-path count. */
    public AdmissionProblem withK(int newK) {
        return new AdmissionProblem(topology, flows, existing, mode, newK, allowPreemption);
    }

    /** This problem with existing flows and a preemption policy. */
    public AdmissionProblem withExisting(List<AdmittedFlow> newExisting, boolean preemption) {
        return new AdmissionProblem(topology, flows, newExisting, mode, k, preemption);
    }

    /** Distinct priorities of newcomers and existing flows, highest first. */
    public List<Integer> classes() {
        TreeSet<Integer> s = new TreeSet<>();
        flows.forEach(f -> s.add(f.priority()));
        existing.forEach(a -> s.add(a.flow().priority()));
        return List.copyOf(s.descendingSet());
    }

    private static void checkFlow(Topology topology, Flow f, Set<String> ids, String what) {
        Objects.requireNonNull(f, what);
        if (!ids.add(f.id())) {
            throw new IllegalArgumentException("duplicate flow id '" + f.id() + "'");
        }
        if (!topology.hasNode(f.source())) {
            throw new IllegalArgumentException(what + " '" + f.id() + "': unknown source node '" + f.source()
                    + "' (not in topology '" + topology.name() + "')");
        }
        if (!topology.hasNode(f.destination())) {
            throw new IllegalArgumentException(what + " '" + f.id() + "': unknown destination node '"
                    + f.destination() + "' (not in topology '" + topology.name() + "')");
        }
    }

    private static void checkPath(Topology topology, Flow f, Path p) {
        for (Link l : p.links()) {
            if (!topology.hasLink(l.id()) || !topology.link(l.id()).equals(l)) {
                throw new IllegalArgumentException("existing flow '" + f.id() + "': link '" + l.id()
                        + "' is not a link of topology '" + topology.name() + "'");
            }
        }
        if (!p.source().equals(f.source()) || !p.destination().equals(f.destination())) {
            throw new IllegalArgumentException("existing flow '" + f.id() + "': path " + p + " does not run from '"
                    + f.source() + "' to '" + f.destination() + "'");
        }
        if (!p.isSimple()) {
            throw new IllegalArgumentException("existing flow '" + f.id() + "': path " + p + " visits a node twice");
        }
    }
}
