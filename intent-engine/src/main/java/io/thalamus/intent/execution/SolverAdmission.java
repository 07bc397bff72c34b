package io.thalamus.intent.execution;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.admission.AdmissionProblem;
import io.thalamus.sdnrouter.admission.AdmissionResult;
import io.thalamus.sdnrouter.admission.AdmissionSolver;
import io.thalamus.sdnrouter.admission.AdmittedFlow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link AdmissionStrategy} backed by one of sdn-router's {@link AdmissionSolver}s (greedy, path ILP, GA):
 * the problem is posed on the topology with each link's capacity set to what is free on the twin, so the
 * solver sees exactly the room the engine sees. Paths come back on the twin's own links.
 */
public final class SolverAdmission implements AdmissionStrategy {

    /** Smallest capacity given to a full link (solvers reject zero capacity). */
    private static final double FULL = 1e-3;

    private final AdmissionSolver solver;
    private final int k;

    public SolverAdmission(AdmissionSolver solver, int k) {
        this.solver = solver;
        this.k = k;
    }

    @Override
    public Map<String, Path> admit(Topology topology, List<Flow> flows, Map<String, List<Path>> candidates,
                                   Map<String, Double> residual) {
        Topology free = topology.mapLinks(l -> l.withCapacity(Math.max(FULL, residual.getOrDefault(l.id(), 0.0))));
        AdmissionResult r = solver.solve(AdmissionProblem.of(free, flows).withK(k));
        Map<String, Path> out = new HashMap<>();
        for (AdmittedFlow a : r.admitted()) {
            List<Link> links = a.path().links().stream().map(l -> topology.link(l.id())).toList();
            out.put(a.flow().id(), new Path(links));
        }
        return out;
    }

    /** The solver's name. */
    public String name() {
        return solver.name();
    }
}
