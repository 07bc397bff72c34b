package io.thalamus.deploy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.sdnrouter.routing.BacktrackingPolicy;
import io.thalamus.sdnrouter.routing.CandidateRule;
import io.thalamus.sdnrouter.routing.PerimeterPolicy;
import io.thalamus.sdnrouter.routing.EvaluationJson;
import io.thalamus.sdnrouter.routing.FeatureSet;
import io.thalamus.sdnrouter.routing.GeographicTopologies;
import io.thalamus.sdnrouter.routing.GreedyForwardingPolicy;
import io.thalamus.sdnrouter.routing.LearnedLocalPolicy;
import io.thalamus.sdnrouter.routing.ModelCard;
import io.thalamus.sdnrouter.routing.PolicyEvaluator;
import io.thalamus.sdnrouter.routing.PolicyFile;
import io.thalamus.sdnrouter.routing.PolicyTrainer;
import io.thalamus.sdnrouter.routing.RoutingPolicy;
import io.thalamus.sdnrouter.routing.ShortestPathPolicy;
import io.thalamus.sdnrouter.routing.ThreeHopViewPolicy;
import io.thalamus.sdnrouter.routing.TrainingConfig;
import io.thalamus.sdnrouter.routing.UnitDiskSetting;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code thalamus routing}: train learned near-shortest-path routing policies and evaluate routing policies. */
@Command(name = "routing", mixinStandardHelpOptions = true,
        description = "Learned local routing policies: train one from a single unit-disk graph, evaluate policies.",
        subcommands = {RoutingCommand.Train.class, RoutingCommand.Eval.class})
public final class RoutingCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code thalamus routing train}: trains a policy and writes it with its model card. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a learned local policy from one unit-disk seed graph and save it as JSON.")
    static final class Train implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--seed", description = "Seed of the graph, weights and shuffles (default: the shipped policy's, 2).")
        Long seed;

        @Option(names = "--nodes", description = "N of the seed graph (default: 100, the shipped policy's; the paper's is 50).")
        Integer nodes;

        @Option(names = "--density", description = "Density of the seed graph, nodes per R² (default: 3, the shipped policy's; the paper's is 5).")
        Double density;

        @Option(names = "--features", description = "Feature set: ${COMPLETION-CANDIDATES} (default: THREE_HOP, the shipped policy's, "
                + "which needs each node to know its three-hop neighbourhood; FRONTIER needs two hops; see docs/routing.md).")
        FeatureSet features;

        @Option(names = "--candidates", description = "Candidate rule: progress-three-hop-live (the shipped policy's) or "
                + "three-hop-live, both only with THREE_HOP features; progress-live (the default for every other feature set), "
                + "live-first, progress-first or all-unvisited; see docs/routing.md.")
        String candidates;

        @Option(names = "--out", required = true, description = "Where to write the policy JSON.")
        Path out;

        @Override
        public Integer call() {
            TrainingConfig defaults = TrainingConfig.defaults();
            FeatureSet chosen = features == null ? defaults.features() : features;
            CandidateRule rule;
            try {
                rule = candidates != null ? CandidateRule.ofFileName(candidates)
                        : chosen == defaults.features() ? defaults.candidates() : CandidateRule.PROGRESS_LIVE;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--candidates: " + e.getMessage());
            }
            TrainingConfig config;
            try {
                config = defaults.withSeed(seed == null ? defaults.seed() : seed)
                        .withGraph(nodes == null ? defaults.nodes() : nodes, density == null ? defaults.density() : density)
                        .withCandidates(rule).withFeatures(chosen);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            long start = System.nanoTime();
            LearnedLocalPolicy policy = new PolicyTrainer(config).train();
            double seconds = (System.nanoTime() - start) / 1e9;
            PolicyFile.write(policy, out);
            ObjectNode summary = EvaluationJson.object();
            summary.put("out", out.toString());
            summary.put("features", policy.features().name());
            summary.put("candidates", policy.candidates().fileName());
            summary.put("trainingSeconds", seconds);
            summary.put("samples", policy.card().trainingSamples());
            summary.put("finalMse", policy.card().trainingLoss());
            ModelCard.Validation v = policy.card().validation();
            if (v != null) {
                summary.put("validatedOn", v.setting());
                summary.put("accuracy", v.accuracy());
                summary.put("missRate", v.missRate());
                summary.put("greedyAccuracy", v.greedyAccuracy());
                summary.put("greedyMissRate", v.greedyMissRate());
            }
            spec.commandLine().getOut().print(EvaluationJson.text(summary));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code thalamus routing eval}: evaluates one policy on unit-disk families or GraphML topologies. */
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Evaluate a policy over all connected source-destination pairs; prints JSON per setting or graph and overall.")
    static final class Eval implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--policy", required = true,
                description = "A policy JSON file, or one of: default (the shipped learned policy), greedy, shortest, "
                        + "three-hop (the unlearned three-hop view estimate).")
        String policy;

        @Option(names = "--backtrack", description = "Add the depth-first fallback at dead ends to the policy.")
        boolean backtrack;

        @Option(names = "--perimeter", description = "Add the GPSR-style perimeter (face-routing) recovery at dead ends to the policy.")
        boolean perimeter;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Graphs graphs;

        @Option(names = "--seed", description = "Run seed for --random graphs (default: ${DEFAULT-VALUE}).", defaultValue = "1")
        long seed;

        @Option(names = "--out", description = "Also write the JSON result to this file.")
        Path out;

        /** Where the graphs come from. */
        static final class Graphs {
            @Option(names = "--random", description = "Unit-disk families N:DENSITY:COUNT[,N:DENSITY:COUNT...], R = 1000.")
            String random;

            @Option(names = "--graphml", description = "A GraphML file or a folder of them (Topology Zoo, with coordinates).")
            Path graphml;
        }

        @Override
        public Integer call() throws Exception {
            RoutingPolicy chosen = resolve(policy);
            if (backtrack && perimeter) {
                throw new IllegalArgumentException("--backtrack and --perimeter are two fallbacks: choose one");
            }
            if (backtrack) {
                chosen = new BacktrackingPolicy(chosen);
            }
            if (perimeter) {
                chosen = new PerimeterPolicy(chosen, PerimeterPolicy.Trigger.DEAD_END);
            }
            PolicyEvaluator evaluator = new PolicyEvaluator(List.of(chosen));
            PolicyEvaluator.Report report;
            String source;
            if (graphs.random != null) {
                report = evaluator.unitDisk(UnitDiskSetting.parseList(graphs.random), seed);
                source = "random " + graphs.random + " seed " + seed;
            } else {
                GeographicTopologies.Loaded loaded = GeographicTopologies.loadGraphMl(graphs.graphml);
                if (loaded.topologies().isEmpty()) {
                    throw new IllegalArgumentException("--graphml: none of the " + loaded.skipped().size()
                            + " GraphML files is usable; first reason: " + loaded.skipped().values().iterator().next());
                }
                report = evaluator.topologies(loaded.topologies(), loaded.skipped());
                source = "graphml " + graphs.graphml;
            }
            ObjectNode json = EvaluationJson.singlePolicy(report, chosen.name());
            json.put("graphs", source);
            String text = EvaluationJson.text(json);
            CommandOutput.emit(spec, out, text);
            return 0;
        }

        private static RoutingPolicy resolve(String name) {
            return switch (name) {
                case "greedy" -> new GreedyForwardingPolicy();
                case "shortest" -> new ShortestPathPolicy();
                case "three-hop" -> new ThreeHopViewPolicy();
                case "default", "learned" -> PolicyFile.defaultPolicy();
                default -> {
                    Path file = Path.of(name);
                    if (!Files.isRegularFile(file)) {
                        throw new IllegalArgumentException("--policy: '" + name
                                + "' is neither a policy file nor one of default, greedy, shortest, three-hop");
                    }
                    yield PolicyFile.read(file);
                }
            };
        }
    }
}
