package io.thalamus.bench.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.sdnrouter.routing.BacktrackingPolicy;
import io.thalamus.sdnrouter.routing.CandidateRule;
import io.thalamus.sdnrouter.routing.EvaluationJson;
import io.thalamus.sdnrouter.routing.FeatureSet;
import io.thalamus.sdnrouter.routing.GreedyForwardingPolicy;
import io.thalamus.sdnrouter.routing.LearnedLocalPolicy;
import io.thalamus.sdnrouter.routing.PerimeterPolicy;
import io.thalamus.sdnrouter.routing.PolicyEvaluator;
import io.thalamus.sdnrouter.routing.PolicyTrainer;
import io.thalamus.sdnrouter.routing.RoutingGraph;
import io.thalamus.sdnrouter.routing.RoutingMetrics;
import io.thalamus.sdnrouter.routing.RoutingPolicy;
import io.thalamus.sdnrouter.routing.ThreeHopViewPolicy;
import io.thalamus.sdnrouter.routing.TrainingConfig;
import io.thalamus.sdnrouter.routing.UnitDiskSetting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Model selection for the learned routing policy on the VALIDATION grid: the same 16 unit-disk
 * settings as the evaluation grid, but graphs from run seed {@link UnitDiskSetting#VALIDATION_SEED}
 * (disjoint from the evaluation grid's seed {@link UnitDiskSetting#EVALUATION_SEED}). Each variant is
 * trained from its one seed graph (timed) and evaluated next to greedy forwarding; the variants and
 * fallbacks of the shipped policy were chosen from this table, and only then was the evaluation grid
 * run once. Usage: {@code RoutingValidationBenchmark [OUTPUT_DIR] [GRAPHS_PER_SETTING] [VARIANT;...] [evaluation]}
 * (default: all variants, 10 graphs); writes {@code routing-validation.json} and {@code .md}. With the fourth
 * argument {@code evaluation} the same table is made on the evaluation grid's graphs instead (file names
 * {@code routing-evaluation-grid-...}): only to report how a recipe already chosen spreads over seeds, never to choose.
 */
public final class RoutingValidationBenchmark {

    private RoutingValidationBenchmark() {
    }

    /** The variants compared, by name: each a training recipe, optionally wrapped in a fallback. */
    static Map<String, Supplier<RoutingPolicy>> variants() {
        // every recipe below varies the paper's seed graph recipe (N = 50, density 5), the default until 2026-11-28
        TrainingConfig d = TrainingConfig.paperSeedGraph();
        TrainingConfig previous = d.withFeatures(FeatureSet.LOOKAHEAD).withSeed(2);
        Map<String, Supplier<RoutingPolicy>> v = new LinkedHashMap<>();
        v.put("greedy", GreedyForwardingPolicy::new);
        v.put("greedy+backtrack", () -> new BacktrackingPolicy(new GreedyForwardingPolicy()));
        v.put("greedy+perimeter", () -> new PerimeterPolicy(new GreedyForwardingPolicy(), PerimeterPolicy.Trigger.DEAD_END));
        v.put("greedy+perimeter-np", () -> new PerimeterPolicy(new GreedyForwardingPolicy(), PerimeterPolicy.Trigger.NO_PROGRESS));
        // the previous default (8 features, seed 2) and what was tried around it
        v.put("lookahead-seed-2 (previous default)", () -> train(previous));
        v.put("lookahead-seed-2+backtrack", () -> new BacktrackingPolicy(train(previous)));
        v.put("lookahead-seed-2+perimeter", () -> new PerimeterPolicy(train(previous), PerimeterPolicy.Trigger.DEAD_END));
        for (long seed : new long[] {1, 3, 4, 5}) {
            v.put("lookahead-seed-" + seed, () -> train(previous.withSeed(seed)));
        }
        v.put("lookahead, no on-policy refinement", () -> train(previous.withRefinement(0, 0, 0)));
        v.put("lookahead, refinement 3 x 150 pairs", () -> train(previous.withRefinement(3, 150, 60)));
        v.put("lookahead, refinement 5 x 60 pairs", () -> train(previous.withRefinement(5, 60, 60)));
        v.put("lookahead, 8 sources", () -> train(previous.withSources(8)));
        for (int[] nd : new int[][] {{50, 3}, {50, 4}, {75, 3}, {75, 4}, {100, 3}, {100, 4}}) {
            v.put("lookahead, seed graph N=" + nd[0] + " density " + nd[1], () -> train(previous.withGraph(nd[0], nd[1])));
        }
        // the frontier look-ahead (9 features)
        for (long seed = 1; seed <= 6; seed++) {
            long s = seed;
            v.put("frontier-seed-" + s + (s == d.seed() ? " (former default)" : ""), () -> train(d.withSeed(s)));
        }
        v.put("frontier-seed-2, 16 hidden", () -> train(d.withSeed(2).withHidden(16)));
        v.put("frontier-seed-1, seed graph N=100 density 4", () -> train(d.withSeed(1).withGraph(100, 4)));
        v.put("frontier-seed-2, seed graph N=100 density 4", () -> train(d.withSeed(2).withGraph(100, 4)));
        v.put("frontier-seed-5, refinement 3 x 150 pairs", () -> train(d.withRefinement(3, 150, 60)));
        v.put("frontier-seed-5, live-first candidates", () -> train(d.withCandidates(CandidateRule.LIVE_FIRST)));
        v.put("frontier-seed-5, all-unvisited candidates", () -> train(d.withCandidates(CandidateRule.ALL_UNVISITED)));
        v.put("frontier-seed-5, progress-first candidates", () -> train(d.withCandidates(CandidateRule.PROGRESS_FIRST)));
        // the three-hop look-ahead (10 features): the view reaches u's neighbours' neighbour tables
        TrainingConfig three = d.withFeatures(FeatureSet.THREE_HOP);
        v.put("three-hop view estimate (no learning)", ThreeHopViewPolicy::new);
        for (long seed = 1; seed <= 6; seed++) {
            long s = seed;
            v.put("three-hop-seed-" + s, () -> train(three.withSeed(s)));
            v.put("three-hop-seed-" + s + ", live-first candidates", () -> train(three.withSeed(s).withCandidates(CandidateRule.LIVE_FIRST)));
            v.put("three-hop-seed-" + s + ", all-unvisited candidates", () -> train(three.withSeed(s).withCandidates(CandidateRule.ALL_UNVISITED)));
            v.put("three-hop-seed-" + s + ", 8 sources", () -> train(three.withSeed(s).withSources(8)));
            for (int[] nd : new int[][] {{50, 3}, {75, 3}, {100, 3}, {100, 4}, {100, 2}, {150, 3}}) {
                v.put("three-hop-seed-" + s + ", seed graph N=" + nd[0] + " density " + nd[1],
                        () -> train(three.withSeed(s).withGraph(nd[0], nd[1])));
                v.put("three-hop-seed-" + s + ", seed graph N=" + nd[0] + " density " + nd[1] + ", 8 sources",
                        () -> train(three.withSeed(s).withGraph(nd[0], nd[1]).withSources(8)));
            }
        }
        // the sixth round: other sparse seed graphs, and the refinement and width around the default's seed graph
        for (long seed = 1; seed <= 6; seed++) {
            long s = seed;
            for (double[] nd : new double[][] {{100, 2.5}, {150, 2.5}, {200, 2.5}, {200, 3}, {100, 3.5}}) {
                v.put("three-hop-seed-" + s + ", seed graph N=" + (int) nd[0] + " density " + nd[1],
                        () -> train(three.withSeed(s).withGraph((int) nd[0], nd[1])));
            }
            TrainingConfig sparse = TrainingConfig.progressLive().withSeed(s);
            v.put("default recipe, seed " + s + ", refinement 3 x 150 pairs", () -> train(sparse.withRefinement(3, 150, 60)));
            v.put("default recipe, seed " + s + ", refinement 6 x 60 pairs", () -> train(sparse.withRefinement(6, 60, 60)));
            v.put("default recipe, seed " + s + ", 16 hidden", () -> train(sparse.withHidden(16)));
            v.put("default recipe, seed " + s + ", 8 hidden", () -> train(sparse.withHidden(8)));
            v.put("default recipe, seed " + s + ", 1 source", () -> train(sparse.withSources(1)));
        }
        // the seventh round: candidates whose three-hop look-ahead is finite first (the network sees only a finite penalty)
        for (long seed = 1; seed <= 6; seed++) {
            long s = seed;
            v.put("default recipe, seed " + s + ", three-hop-live candidates",
                    () -> train(TrainingConfig.progressLive().withSeed(s).withCandidates(CandidateRule.THREE_HOP_LIVE)));
            v.put("default recipe, seed " + s + ", progress-three-hop-live candidates",
                    () -> train(TrainingConfig.progressLive().withSeed(s).withCandidates(CandidateRule.PROGRESS_THREE_HOP_LIVE)));
        }
        TrainingConfig threeSparse = three.withGraph(100, 3).withSources(8);
        v.put("three-hop-seed-5, listwise weight 100", () -> train(three.withLoss(100, 0.1, 8)));
        v.put("three-hop-seed-5, seed graph N=100 density 3, 8 sources, listwise weight 100",
                () -> train(threeSparse.withLoss(100, 0.1, 8)));
        v.put("three-hop-seed-5, near-linear (1 hidden unit, slope 0.99)", () -> train(nearLinear(three)));
        v.put("three-hop-seed-5, seed graph N=100 density 3, 8 sources, near-linear", () -> train(nearLinear(threeSparse)));
        v.put("progress-live default (seed 2, before the seventh round)", () -> train(TrainingConfig.progressLive()));
        TrainingConfig shipped = TrainingConfig.defaults();
        v.put("default", () -> train(shipped));
        v.put("default+backtrack", () -> new BacktrackingPolicy(train(shipped)));
        v.put("default+perimeter", () -> new PerimeterPolicy(train(shipped), PerimeterPolicy.Trigger.DEAD_END));
        v.put("default+perimeter-np", () -> new PerimeterPolicy(train(shipped), PerimeterPolicy.Trigger.NO_PROGRESS));
        return v;
    }

    /** The recipe with a 1-unit hidden layer of LeakyReLU slope 0.99: a nearly linear score of the features. */
    private static TrainingConfig nearLinear(TrainingConfig c) {
        return new TrainingConfig(c.seed(), c.nodes(), c.density(), c.range(), c.sources(), c.features(), 1, 0.99,
                c.epochs(), c.batchSize(), c.learningRate(), c.refinementRounds(), c.refinementPairs(),
                c.refinementEpochs(), c.validationGraphs(), c.candidates(), c.listwiseWeight(), c.temperature());
    }

    private static LearnedLocalPolicy train(TrainingConfig config) {
        return new PolicyTrainer(config.withValidationGraphs(0)).train();
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/results/routing");
        int graphs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Map<String, Supplier<RoutingPolicy>> all = variants();
        List<String> chosen = args.length > 2 ? List.of(args[2].split(";")) : new ArrayList<>(all.keySet());
        boolean evaluationGrid = args.length > 3 && args[3].equals("evaluation");
        if (args.length > 3 && !evaluationGrid) {
            throw new IllegalArgumentException("fourth argument: expected \"evaluation\" or nothing, got " + args[3]);
        }
        long runSeed = evaluationGrid ? UnitDiskSetting.EVALUATION_SEED : UnitDiskSetting.VALIDATION_SEED;
        Files.createDirectories(out);
        List<UnitDiskSetting> grid = new ArrayList<>();
        for (UnitDiskSetting s : UnitDiskSetting.standardGrid()) {
            grid.add(new UnitDiskSetting(s.nodes(), s.density(), graphs));
        }
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        GreedyForwardingPolicy greedy = new GreedyForwardingPolicy();
        PolicyEvaluator.Report greedyReport = new PolicyEvaluator(List.of(greedy)).unitDisk(grid, runSeed);

        ObjectNode root = EvaluationJson.object();
        root.put("benchmark", "routing-validation");
        root.put(evaluationGrid ? "evaluationSeed" : "validationSeed", runSeed);
        root.put("graphsPerSetting", graphs);
        ObjectNode byVariant = root.putObject("variants");
        StringBuilder md = new StringBuilder();
        md.append(evaluationGrid
                ? String.format(Locale.ROOT, "# Routing recipes on the evaluation grid (reporting only, after the choice)%n%n"
                        + "Produced by `io.thalamus.bench.routing.RoutingValidationBenchmark ... evaluation`: 16 settings (N ∈ {10,25,50,100} "
                        + "× density ∈ {2..5}), %d graphs each from the evaluation grid's run seed %d. Made after the variants were chosen on "
                        + "the validation grid (run seed %d), to show how a chosen recipe spreads over training seeds.%n%n",
                        graphs, UnitDiskSetting.EVALUATION_SEED, UnitDiskSetting.VALIDATION_SEED)
                : String.format(Locale.ROOT, "# Routing policy selection on the validation grid%n%n"
                + "Produced by `io.thalamus.bench.routing.RoutingValidationBenchmark`: 16 settings (N ∈ {10,25,50,100} × density ∈ {2..5}), "
                + "%d graphs each from run seed %d (the evaluation grid uses run seed %d: different graphs). Each learned variant is "
                + "trained from one seed graph; `miss ≤ greedy` counts the settings where its miss rate is at most greedy's on the same graphs.%n%n",
                graphs, UnitDiskSetting.VALIDATION_SEED, UnitDiskSetting.EVALUATION_SEED));
        md.append("| variant | train CPU s | accuracy | miss | mean stretch | p95 stretch | settings ≥ 0.95 | miss ≤ greedy | worst setting (acc) | N=100 d=2 acc / miss / p95 |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (String name : chosen) {
            Supplier<RoutingPolicy> make = all.get(name);
            if (make == null) {
                throw new IllegalArgumentException("unknown variant " + name + "; known: " + all.keySet());
            }
            long cpu0 = threads.getCurrentThreadCpuTime();
            RoutingPolicy policy = new RenamedPolicy(name, make.get());
            double trainCpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            PolicyEvaluator.Report r = name.equals("greedy") ? greedyReport
                    : new PolicyEvaluator(List.of(policy)).unitDisk(grid, runSeed);
            RoutingMetrics o = r.overall().get(name);
            int atGoal = 0;
            int missOk = 0;
            String worst = "";
            double worstAcc = 2;
            RoutingMetrics sparse = null;
            ObjectNode entry = byVariant.putObject(name);
            entry.put("trainingThreadCpuSeconds", trainCpu);
            entry.set("overall", EvaluationJson.metrics(o));
            ObjectNode per = entry.putObject("settings");
            for (int i = 0; i < r.settings().size(); i++) {
                PolicyEvaluator.SettingResult s = r.settings().get(i);
                RoutingMetrics m = s.byPolicy().get(name);
                RoutingMetrics g = greedyReport.settings().get(i).byPolicy().get("greedy");
                per.set(s.setting(), EvaluationJson.metrics(m));
                atGoal += m.accuracy() >= 0.95 ? 1 : 0;
                missOk += m.missRate() <= g.missRate() ? 1 : 0;
                if (m.accuracy() < worstAcc) {
                    worstAcc = m.accuracy();
                    worst = s.setting();
                }
                if (s.setting().equals("N=100 density=2")) {
                    sparse = m;
                }
            }
            String line = String.format(Locale.ROOT, "| %s | %.2f | %.4f | %.4f | %.3f | %.3f | %d | %d | %s (%.3f) | %.3f / %.4f / %.2f |%n",
                    name, trainCpu, o.accuracy(), o.missRate(), o.meanStretch(), o.p95Stretch(), atGoal, missOk, worst, worstAcc,
                    sparse.accuracy(), sparse.missRate(), sparse.p95Stretch());
            md.append(line);
            System.out.print(line);
            System.out.flush();
        }
        double loadAfter = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        md.append(String.format(Locale.ROOT, "%n1-minute load average: %.1f at start, %.1f at end.%n", loadBefore, loadAfter));
        root.put("loadAverageAtStart", loadBefore);
        root.put("loadAverageAtEnd", loadAfter);
        String suffix = args.length > 2 ? "-" + Integer.toHexString(String.join(",", chosen).hashCode()) : "";
        String base = evaluationGrid ? "routing-evaluation-grid" : "routing-validation";
        Files.writeString(out.resolve(base + suffix + ".json"), EvaluationJson.text(root));
        Files.writeString(out.resolve(base + suffix + ".md"), md.toString());
    }
}
