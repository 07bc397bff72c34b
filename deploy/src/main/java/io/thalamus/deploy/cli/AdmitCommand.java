package io.thalamus.deploy.cli;

import io.thalamus.deploy.TopologyFiles;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.FlowJson;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.admission.AdmissionChecker;
import io.thalamus.sdnrouter.admission.AdmissionJson;
import io.thalamus.sdnrouter.admission.AdmissionProblem;
import io.thalamus.sdnrouter.admission.AdmissionResult;
import io.thalamus.sdnrouter.admission.AdmissionSolver;
import io.thalamus.sdnrouter.admission.AdmittedFlow;
import io.thalamus.sdnrouter.admission.ArcIlpAdmissionSolver;
import io.thalamus.sdnrouter.admission.GeneticAdmissionSolver;
import io.thalamus.sdnrouter.admission.GreedyAdmissionSolver;
import io.thalamus.sdnrouter.admission.IlpAdmissionSolver;
import io.thalamus.sdnrouter.admission.ObjectiveMode;
import io.thalamus.network.generate.PfarFlowGenerator;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code thalamus admit}: priority flow admission and routing on a topology; prints the checked result as JSON. */
@Command(name = "admit", mixinStandardHelpOptions = true,
        description = "Admit and route prioritised flows under link capacities (exact ILP, arc ILP, GA or greedy).")
public final class AdmitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--topology", required = true, description = "Topology file.")
    Path topology;

    @ArgGroup(exclusive = true, multiplicity = "1")
    FlowSource source;

    /** Where the flows come from. */
    static final class FlowSource {
        @Option(names = "--flows", description = "Flow-set JSON file.")
        Path flows;

        @Option(names = "--flows-from-demands", description = "One flow per demand of the topology file (priority drawn from --seed).")
        boolean fromDemands;
    }

    @Option(names = "--solver", defaultValue = "ilp", description = "ilp, ilp-arc, ga or greedy (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--backend", description = "OR-Tools engine for ilp/ilp-arc: scip or cp-sat (default: scip).")
    String backend;

    @Option(names = "--objective", defaultValue = "strict", description = "strict or weighted (default: ${DEFAULT-VALUE}).")
    String objective;

    @Option(names = "--k-paths", defaultValue = "8", description = "Candidate paths per flow (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--time-limit", description = "Seconds: the ILP's limit (default 60) or the GA's budget (default 1).")
    Double timeLimit;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the GA, CP-SAT and demand priorities (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--priorities", defaultValue = "3", description = "Priority classes drawn for --flows-from-demands (default: ${DEFAULT-VALUE}).")
    int priorities;

    @Option(names = "--existing", description = "Already admitted flows with their paths (an earlier result, or an array).")
    Path existing;

    @Option(names = "--allow-preemption", description = "Let newcomers evict existing flows of strictly lower priority.")
    boolean allowPreemption;

    @Option(names = "--lexicographic", defaultValue = "hybrid",
            description = "Strict mode in the ILP: hybrid (folded for 60%% of the limit, then class by class from its answer if not proven), "
                    + "folded (one objective with exact class multipliers) or staged (class by class); default: ${DEFAULT-VALUE}.")
    String lexicographic;

    @Option(names = "--export-lp", description = "Write the exact ILP (primary objective folded into one) in CPLEX LP format.")
    Path exportLp;

    @Option(names = "--export-mps", description = "Write the exact ILP (primary objective folded into one) in MPS format.")
    Path exportMps;

    @Option(names = "--out", description = "Also write the result JSON to this file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (allowPreemption && existing == null) {
            throw new IllegalArgumentException("--allow-preemption needs --existing");
        }
        if (timeLimit != null && !(timeLimit > 0)) {
            throw new IllegalArgumentException("--time-limit: expected a positive number of seconds, got " + timeLimit);
        }
        ObjectiveMode mode = ObjectiveMode.parse(objective);
        Topology t = TopologyFiles.read(topology);
        List<Flow> flows = source.fromDemands ? PfarFlowGenerator.fromDemands(t, seed, priorities)
                : FlowJson.read(source.flows, t);
        List<AdmittedFlow> before = existing == null ? List.of() : AdmissionJson.readAdmitted(existing, t);
        AdmissionProblem problem = new AdmissionProblem(t, flows, before, mode, k, allowPreemption);
        AdmissionSolver s = solver(solver);
        if (exportLp != null) {
            Files.writeString(exportLp, solver.equals("ilp-arc") ? ArcIlpAdmissionSolver.exportLp(problem)
                    : IlpAdmissionSolver.exportLp(problem));
        }
        if (exportMps != null) {
            Files.writeString(exportMps, solver.equals("ilp-arc") ? ArcIlpAdmissionSolver.exportMps(problem)
                    : IlpAdmissionSolver.exportMps(problem));
        }
        AdmissionResult result = s.solve(problem);
        AdmissionChecker.requireValid(problem, result);
        String json = AdmissionJson.write(result);
        CommandOutput.emit(spec, out, json);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private AdmissionSolver solver(String name) {
        IlpAdmissionSolver.Backend b = backend == null ? IlpAdmissionSolver.DEFAULT_BACKEND
                : IlpAdmissionSolver.Backend.parse(backend);
        Duration ilpLimit = Duration.ofMillis(Math.round(1000 * (timeLimit == null ? 60 : timeLimit)));
        return switch (name) {
            case "ilp" -> switch (lexicographic) {
                case "hybrid" -> new IlpAdmissionSolver(b, ilpLimit, 2, (int) seed);
                case "folded" -> new IlpAdmissionSolver(b, ilpLimit, 2, (int) seed).withFoldedShare(1.0);
                case "staged" -> new IlpAdmissionSolver(b, ilpLimit, 2, (int) seed).staged();
                default -> throw new IllegalArgumentException(
                        "--lexicographic: expected hybrid, folded or staged, got '" + lexicographic + "'");
            };
            case "ilp-arc" -> new ArcIlpAdmissionSolver(b, ilpLimit, 2, (int) seed);
            case "ga" -> new GeneticAdmissionSolver(seed, Duration.ofMillis(Math.round(1000 * (timeLimit == null ? 1 : timeLimit))), 40, 0);
            case "greedy" -> new GreedyAdmissionSolver();
            default -> throw new IllegalArgumentException("--solver: expected ilp, ilp-arc, ga or greedy, got '" + name + "'");
        };
    }
}
