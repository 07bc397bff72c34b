package io.thalamus.bench.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.TopologyReaders;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.admission.AdmissionChecker;
import io.thalamus.sdnrouter.admission.AdmissionProblem;
import io.thalamus.sdnrouter.admission.AdmissionResult;
import io.thalamus.sdnrouter.admission.AdmissionSolver;
import io.thalamus.sdnrouter.admission.AdmissionStatus;
import io.thalamus.sdnrouter.admission.ArcIlpAdmissionSolver;
import io.thalamus.sdnrouter.admission.CandidatePaths;
import io.thalamus.sdnrouter.admission.GeneticAdmissionSolver;
import io.thalamus.sdnrouter.admission.GreedyAdmissionSolver;
import io.thalamus.sdnrouter.admission.IlpAdmissionSolver;
import io.thalamus.sdnrouter.admission.LexicographicRatio;
import io.thalamus.sdnrouter.admission.ObjectiveMode;
import io.thalamus.network.generate.PfarFlowGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whole-run admission benchmark (issue 3): PFAR-style instances (synthetic backbones x flow counts x seeds x
 * load factors) and SNDlib networks with their own demands. Per instance: the exact path ILP on SCIP (time
 * to the proven optimum of every priority class, or the gap at the limit) and on CP-SAT (the engine
 * comparison), the arc ILP on small instances (and whether it agrees with the path ILP when k covers every
 * simple path), the GA at 0.1 s, 1 s and 5 s and greedy as ratios to the optimum, and GLPK's glpsol on
 * the exported first-stage model as an outside peer. Writes JSON and a markdown table.
 *
 * <p>Usage: {@code AdmissionBenchmark [--grid quick|full] [--nodes 10,50] [--flows 100,2000] [--seeds 1,2]
 * [--loads 1.2,2.0] [--ilp-limit S] [--cpsat-limit S] [--glpk-limit S] [--no-sndlib] [--no-cpsat] [--no-arc]
 * [--also-staged] [--wall-clock] [--arc-check-max-nodes N] [--no-pfar] [--name NAME] [--out DIR]}.
 */
public final class AdmissionBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final double[] GA_BUDGETS = {0.1, 1.0, 5.0};

    private AdmissionBenchmark() {
    }

    /** One benchmark configuration. */
    record Grid(String name, int[] nodes, int[] flows, long[] seeds, double[] loads, List<int[]> extra,
                double ilpLimit, double cpsatLimit, double glpkLimit, boolean sndlib, boolean cpsat, boolean cpuClock, boolean staged) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        if (Arrays.asList(args).contains("--help")) {
            System.out.println("AdmissionBenchmark [--grid quick|full] [--nodes 10,50] [--flows 100,2000] [--seeds 1,2] [--loads 1.2,2.0]\n"
                    + "  [--ilp-limit S] [--cpsat-limit S] [--glpk-limit S] [--no-sndlib] [--no-cpsat] [--no-arc] [--also-staged]\n"
                    + "  [--wall-clock] [--arc-check-max-nodes N (default 10)] [--no-pfar (SNDlib only)] [--name NAME]\n"
                    + "  [--out DIR (default bench/results/admission)]");
            return;
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--no-sndlib") || args[i].equals("--no-cpsat") || args[i].equals("--wall-clock")
                    || args[i].equals("--also-staged") || args[i].equals("--no-arc") || args[i].equals("--no-pfar")) {
                a.put(args[i].substring(2), "true");
            } else {
                a.put(args[i].replaceFirst("^--", ""), args[++i]);
            }
        }
        String gridName = a.getOrDefault("grid", "quick");
        Grid grid;
        if (gridName.equals("full")) {
            grid = new Grid("full", new int[] {10, 20, 30, 40, 50}, new int[] {100, 500, 1000, 2000, 5000},
                    new long[] {1, 2, 3, 4, 5}, new double[] {1.2, 2.0}, List.of(), 60, 60, 60, true, true, true, false);
        } else {
            // Quick: a small spread plus the goal cases (50 nodes, 2000 flows, three seeds, both load factors).
            List<int[]> goal = new ArrayList<>();
            for (int seed = 1; seed <= 3; seed++) {
                goal.add(new int[] {50, 2000, seed});
            }
            grid = new Grid("quick", new int[] {10, 30}, new int[] {100, 1000}, new long[] {1},
                    new double[] {1.2, 2.0}, goal, 30, 15, 20, true, true, true, false);
        }
        grid = new Grid(a.getOrDefault("name", grid.name()),
                a.containsKey("nodes") ? ints(a.get("nodes")) : grid.nodes(),
                a.containsKey("flows") ? ints(a.get("flows")) : grid.flows(),
                a.containsKey("seeds") ? Arrays.stream(ints(a.get("seeds"))).asLongStream().toArray() : grid.seeds(),
                a.containsKey("loads") ? Arrays.stream(a.get("loads").split(",")).mapToDouble(Double::parseDouble).toArray() : grid.loads(),
                a.containsKey("nodes") || a.containsKey("flows") || a.containsKey("no-pfar") ? List.of() : grid.extra(),
                Double.parseDouble(a.getOrDefault("ilp-limit", Double.toString(grid.ilpLimit()))),
                Double.parseDouble(a.getOrDefault("cpsat-limit", Double.toString(grid.cpsatLimit()))),
                Double.parseDouble(a.getOrDefault("glpk-limit", Double.toString(grid.glpkLimit()))),
                !a.containsKey("no-sndlib") && grid.sndlib(), !a.containsKey("no-cpsat"), !a.containsKey("wall-clock"),
                a.containsKey("also-staged"));
        Path out = Path.of(a.getOrDefault("out", "bench/results/admission"));
        // The arc ILP runs up to 20 nodes / 500 flows; its agreement check (path ILP with k = 2000, Yen) only up to this
        // many nodes: at 20 nodes Yen with 2000 paths per pair did not finish in 4 minutes.
        int arcCheckMaxNodes = Integer.parseInt(a.getOrDefault("arc-check-max-nodes", "10"));
        Files.createDirectories(out);
        boolean glpk = glpsolAvailable();
        ObjectNode root = JSON.createObjectNode();
        root.put("benchmark", "admission");
        root.put("grid", grid.name());
        root.put("startedAt", java.time.Instant.now().toString());
        root.put("cpus", Runtime.getRuntime().availableProcessors());
        root.put("loadAverageAtStart", loadAverage());
        root.put("java", System.getProperty("java.version"));
        root.put("ilpLimitSeconds", grid.ilpLimit());
        root.put("cpsatLimitSeconds", grid.cpsatLimit());
        root.put("glpkLimitSeconds", grid.glpkLimit());
        root.put("clock", grid.cpuClock() ? "cpu: SCIP limits and GA budgets count CPU seconds (timing/clocktype 1, thread CPU time)"
                : "wall");
        root.put("cpsat", grid.cpsat());
        root.put("glpsol", glpk ? "available" : "not installed (apt-get install -y glpk-utils)");
        ArrayNode rows = root.putArray("instances");
        List<String> messages = new ArrayList<>();
        warmUp();

        List<Object[]> instances = new ArrayList<>();
        // --no-pfar: only the SNDlib networks.
        for (int n : a.containsKey("no-pfar") ? new int[0] : grid.nodes()) {
            for (int f : grid.flows()) {
                for (long s : grid.seeds()) {
                    for (double lf : grid.loads()) {
                        instances.add(new Object[] {n, f, s, lf});
                    }
                }
            }
        }
        for (int[] e : grid.extra()) {
            for (double lf : grid.loads()) {
                instances.add(new Object[] {e[0], e[1], (long) e[2], lf});
            }
        }
        for (Object[] inst : instances) {
            int n = (Integer) inst[0];
            int f = (Integer) inst[1];
            long seed = (Long) inst[2];
            double lf = (Double) inst[3];
            Topology t = PfarTopologies.generate(n, seed);
            List<Flow> flows = PfarFlowGenerator.generate(t, f, seed, lf, 3);
            String label = "pfar n=" + n + " flows=" + f + " seed=" + seed + " lf=" + lf;
            // --no-arc: skip the arc ILP and its k = 2000 agreement check (Yen with 2000 paths per pair is slow at 20 nodes).
            rows.add(runInstance(label, AdmissionProblem.of(t, flows), !a.containsKey("no-arc") && n <= 20 && f <= 500,
                    n <= arcCheckMaxNodes, grid, glpk, out, messages));
            writeOutputs(root, out, messages);
        }
        if (grid.sndlib()) {
            for (String net : List.of("germany50", "nobel-eu", "cost266")) {
                Path file = Path.of(System.getProperty("THALAMUS_DATA", "../shared/data"), "sndlib/native", net, net + ".txt");
                if (!Files.isRegularFile(file)) {
                    file = Path.of("/work/shared/data/sndlib/native", net, net + ".txt");
                }
                if (!Files.isRegularFile(file)) {
                    messages.add("skipped " + net + ": " + file + " not found");
                    continue;
                }
                Topology t = TopologyReaders.read(file);
                List<Flow> flows = PfarFlowGenerator.fromDemands(t, 1, 3);
                rows.add(runInstance("sndlib " + net + " (own demands, priorities seed 1)", AdmissionProblem.of(t, flows),
                        false, false, grid, glpk, out, messages));
                writeOutputs(root, out, messages);
            }
        }
        root.put("loadAverageAtEnd", loadAverage());
        root.put("finishedAt", java.time.Instant.now().toString());
        writeOutputs(root, out, messages);
        System.out.println("wrote " + out.resolve(grid.name() + ".json") + " and " + out.resolve(grid.name() + ".md"));
    }

    /**
     * Records {@code r}'s objective and its ratio to {@code best}: {@code <key>Ratio} is the value over the best value at
     * the first class where they differ and {@code <key>RatioClass} that class (1 = highest; absent when equal). Ratios
     * rank answers only together with their class: 0.94 at class 3 is better than 0.97 at class 2.
     */
    private static void putRatio(ObjectNode row, String key, AdmissionResult r, AdmissionResult best) {
        LexicographicRatio lr = r.lexicographicRatioTo(best);
        row.set(key + "Objective", JSON.valueToTree(r.objective()));
        row.put(key + "Ratio", r.ratioTo(best));
        if (!lr.equalsReference()) {
            row.put(key + "RatioClass", lr.level() + 1);
        }
        row.put(key + "LexRatio", lr.toString());
    }

    private static ObjectNode runInstance(String label, AdmissionProblem p, boolean arc, boolean arcCheck, Grid grid, boolean glpk,
                                          Path out, List<String> messages) throws Exception {
        System.out.println("== " + label + " (load " + loadAverage() + ")");
        ObjectNode row = JSON.createObjectNode();
        row.put("instance", label);
        row.put("loadAverageAtStart", loadAverage());
        long cpuAtStart = processCpuMs();
        long wallAtStart = System.nanoTime();
        row.put("nodes", p.topology().nodeCount());
        row.put("links", p.topology().linkCount());
        row.put("flows", p.flows().size());
        CandidatePaths cands = CandidatePaths.of(p);
        row.put("candidatePathsMs", cands.computeMillis());

        AdmissionResult greedy = run(new GreedyAdmissionSolver(), p, cands);
        AdmissionResult scip = run(new IlpAdmissionSolver(IlpAdmissionSolver.Backend.SCIP,
                seconds(grid.ilpLimit()), 1, 1, grid.cpuClock()), p, cands);
        AdmissionResult cpsat = grid.cpsat() ? run(new IlpAdmissionSolver(IlpAdmissionSolver.Backend.CP_SAT,
                seconds(grid.cpsatLimit()), 2, 1, grid.cpuClock()), p, cands) : null;
        AdmissionResult best = cpsat != null && AdmissionResult.compare(cpsat, scip) > 0 ? cpsat : scip;
        boolean optimal = scip.status() == AdmissionStatus.OPTIMAL || cpsat != null && cpsat.status() == AdmissionStatus.OPTIMAL;
        row.put("optimumKnown", optimal);
        row.set("objective", JSON.valueToTree(best.objective()));
        row.put("admittedShare", share(best, p));
        putIlp(row, "ilpScip", scip);
        if (cpsat != null) {
            putIlp(row, "ilpCpSat", cpsat);
        }
        if (grid.staged()) {
            putIlp(row, "ilpScipStaged", run(new IlpAdmissionSolver(IlpAdmissionSolver.Backend.SCIP,
                    seconds(grid.ilpLimit()), 1, 1, grid.cpuClock()).staged(), p, cands));
        }
        putRatio(row, "greedy", greedy, best);
        row.put("greedyTotalRatio", total(greedy) / total(best));
        // Every solver starts from greedy: none may end lexicographically below it (checked here on every instance).
        row.put("scipVsGreedy", Integer.signum(AdmissionResult.compare(scip, greedy)));
        if (AdmissionResult.compare(scip, greedy) < 0) {
            messages.add("SCIP BELOW GREEDY on " + label + ": " + scip.objective() + " < " + greedy.objective());
        }
        for (double b : GA_BUDGETS) {
            AdmissionResult ga = run(new GeneticAdmissionSolver(1, seconds(b), 40, 0, grid.cpuClock()), p, cands);
            String key = "ga" + (b < 1 ? "100ms" : (int) b + "s");
            putRatio(row, key, ga, best);
            row.put(key + "TotalRatio", total(ga) / total(best));
            row.put(key + "VsGreedy", Integer.signum(AdmissionResult.compare(ga, greedy)));
            if (AdmissionResult.compare(ga, greedy) < 0) {
                messages.add("GA " + b + " s BELOW GREEDY on " + label + ": " + ga.objective() + " < " + greedy.objective());
            }
            row.put(key + "Ms", ga.timeMs());
            row.put(key + "Generations", Long.parseLong(ga.parameters().get("generations")));
            row.put(key + "CpuMs", Long.parseLong(ga.parameters().get("solveCpuMs")));
        }
        if (arc) {
            AdmissionResult arcResult = run(new ArcIlpAdmissionSolver(IlpAdmissionSolver.Backend.SCIP,
                    seconds(grid.ilpLimit()), 1, 1), p, cands);
            putIlp(row, "ilpArc", arcResult);
            // Primary objective only (path weights may differ within the tie-break's gap): no path restriction, so a
            // proven arc ILP is never below the path ILP.
            row.put("arcVsPathIlp", (int) Math.signum(arcResult.lexicographicRatioTo(scip).ratio() - 1));
        }
        if (arc && arcCheck && row.get("ilpArc").get("status").asText().equals("OPTIMAL")) {
            // With k large enough that no pair has k paths, the candidates are every simple path.
            AdmissionProblem all = p.withK(2000);
            CandidatePaths allPaths = CandidatePaths.of(all);
            boolean covers = true;
            for (int i = 0; i < all.flows().size(); i++) {
                covers &= allPaths.of(i).size() < all.k();
            }
            row.put("kCoversAllSimplePaths", covers);
            if (covers) {
                AdmissionResult pathAll = run(new IlpAdmissionSolver(IlpAdmissionSolver.Backend.SCIP,
                        seconds(grid.ilpLimit()), 1, 1, grid.cpuClock()), all, allPaths);
                putIlp(row, "ilpPathAllPaths", pathAll);
                double[] arcPrimary = JSON.convertValue(row.get("ilpArc").get("objective"), double[].class);
                // Only two proven optima can disagree; an unproven k = 2000 path ILP leaves the check open.
                if (pathAll.status() == AdmissionStatus.OPTIMAL) {
                    row.put("arcAgreesWithPathIlp", Arrays.equals(pathAll.primary(), arcPrimary));
                } else {
                    row.put("arcCheckOpen", "path ILP with every simple path " + pathAll.status() + " at the limit");
                }
            }
        }
        if (glpk) {
            runGlpk(row, p, scip, grid, out);
        }
        row.put("loadAverageAtEnd", loadAverage());
        row.put("instanceCpuMs", processCpuMs() - cpuAtStart);
        row.put("instanceWallMs", (System.nanoTime() - wallAtStart) / 1_000_000L);
        System.out.println("   " + row);
        return row;
    }

    /** Loads the OR-Tools natives and JIT-compiles the hot paths once, so the first instance is not penalised. */
    private static void warmUp() {
        Topology t = PfarTopologies.generate(10, 99);
        AdmissionProblem p = AdmissionProblem.of(t, PfarFlowGenerator.generate(t, 200, 99, 2.0, 3));
        CandidatePaths c = CandidatePaths.of(p);
        run(new GreedyAdmissionSolver(), p, c);
        run(new IlpAdmissionSolver(IlpAdmissionSolver.Backend.SCIP, Duration.ofSeconds(10), 1, 1), p, c);
        run(new IlpAdmissionSolver(IlpAdmissionSolver.Backend.CP_SAT, Duration.ofSeconds(10), 2, 1), p, c);
        run(new GeneticAdmissionSolver(1, Duration.ofMillis(500), 40, 0), p, c);
    }

    private static void putIlp(ObjectNode row, String key, AdmissionResult r) {
        ObjectNode o = row.putObject(key);
        o.put("status", r.status().name());
        o.put("timeMs", r.timeMs());
        o.put("primaryMs", Long.parseLong(r.parameters().get("primaryMs")));
        o.put("clock", r.parameters().get("clock"));
        o.put("solveCpuMs", Long.parseLong(r.parameters().get("solveCpuMs")));
        o.put("stage1Ms", Long.parseLong(r.parameters().get("stageMs").split(",")[0]));
        o.put("gap", r.gap());
        o.put("pathWeightGap", Double.parseDouble(r.parameters().get("pathWeightGap")));
        o.set("objective", JSON.valueToTree(r.objective()));
        o.set("bound", JSON.valueToTree(r.bound()));
        o.put("stage1Value", Double.parseDouble(r.parameters().get("stageValues").split(",")[0]));
    }

    private static void runGlpk(ObjectNode row, AdmissionProblem p, AdmissionResult scip, Grid grid, Path out) throws Exception {
        Path dir = Files.createTempDirectory("admission-glpk");
        Path lp = dir.resolve("model.lp");
        String model = IlpAdmissionSolver.exportLp(p);
        Files.writeString(lp, model);
        // The exported objective folds the primary stages with these multipliers (see the LP header).
        List<Double> multipliers = new ArrayList<>();
        for (String line : model.split("\n")) {
            if (line.startsWith("\\ multiplier ")) {
                multipliers.add(Double.parseDouble(line.substring("\\ multiplier ".length()).split(" ")[0]));
            }
        }
        String[] stageValues = scip.parameters().get("stageValues").split(",");
        double ours = multipliers.isEmpty() ? Double.parseDouble(stageValues[0]) : 0;
        for (int s = 0; s < multipliers.size(); s++) {
            ours += multipliers.get(s) * Double.parseDouble(stageValues[s]);
        }
        Path sol = dir.resolve("solution.txt");
        long t0 = System.nanoTime();
        // bash's `times` prints the CPU time of its children (glpsol) on its last line.
        Process proc = new ProcessBuilder("bash", "-c", "glpsol --lp \"$1\" --tmlim \"$2\" -o \"$3\"; times", "glpsol",
                lp.toString(), Integer.toString((int) Math.ceil(grid.glpkLimit())), sol.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        boolean done = proc.waitFor((long) (grid.glpkLimit() + 30), TimeUnit.SECONDS);
        if (!done) {
            proc.destroyForcibly();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000L;
        String log = Files.readString(dir.resolve("log.txt"));
        String status = log.contains("INTEGER OPTIMAL SOLUTION FOUND") ? "OPTIMAL"
                : log.contains("TIME LIMIT EXCEEDED") ? "TIMED_OUT" : "OTHER";
        long cpuMs = -1;
        String[] lines = log.trim().split("\n");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s")
                .matcher(lines[lines.length - 1]);
        if (m.find()) {
            cpuMs = Math.round(1000 * (60 * Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2))
                    + 60 * Double.parseDouble(m.group(3)) + Double.parseDouble(m.group(4))));
        }
        double objective = Double.NaN;
        if (Files.exists(sol)) {
            for (String line : Files.readAllLines(sol)) {
                if (line.startsWith("Objective:")) {
                    String[] parts = line.split("=")[1].trim().split("\\s+");
                    objective = Double.parseDouble(parts[0]);
                }
            }
        }
        ObjectNode g = row.putObject("glpsol");
        g.put("model", multipliers.isEmpty() ? "first stage of the path ILP only (data not integral)"
                : "whole primary objective, stages folded with exact lexicographic multipliers " + multipliers);
        g.put("status", status);
        g.put("timeMs", ms);
        g.put("cpuMs", cpuMs);
        g.put("objective", objective);
        g.put("ourObjective", ours);
        long ourMs = Long.parseLong(scip.parameters().get("primaryMs"));
        g.put("ourMs", ourMs);
        g.put("ourMsMeaning", (grid.cpuClock() ? "CPU" : "wall") + " ms of our solve to the primary optimum (model building "
                + "excluded, glpsol's reading included)");
        long theirs = grid.cpuClock() && cpuMs >= 0 ? cpuMs : ms;
        g.put("timeRatioOursOverGlpk", theirs == 0 ? Double.NaN : (double) ourMs / theirs);
        g.put("sameOptimum", status.equals("OPTIMAL") && Math.abs(objective - ours) < 0.5);
        try (var files = Files.list(dir)) {
            for (Path x : files.toList()) {
                Files.delete(x);
            }
        }
        Files.delete(dir);
    }

    private static long processCpuMs() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000L : -1;
    }

    private static AdmissionResult run(AdmissionSolver s, AdmissionProblem p, CandidatePaths c) {
        AdmissionResult r = s.solve(p, c);
        AdmissionChecker.requireValid(p, r);
        return r;
    }

    private static double total(AdmissionResult r) {
        return r.objective().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double share(AdmissionResult r, AdmissionProblem p) {
        return total(r) / p.flows().stream().mapToDouble(Flow::value).sum();
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static boolean glpsolAvailable() {
        try {
            Process p = new ProcessBuilder("glpsol", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void writeOutputs(ObjectNode root, Path out, List<String> messages) throws IOException {
        ArrayNode m = root.putArray("messages");
        messages.forEach(m::add);
        String name = root.get("grid").asText();
        Files.writeString(out.resolve(name + ".json"), JSON.writeValueAsString(root));
        Files.writeString(out.resolve(name + ".md"), markdown(root));
    }

    private static String markdown(ObjectNode root) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Admission benchmark (").append(root.get("grid").asText()).append(" grid)\n\n");
        sb.append("Started ").append(root.get("startedAt").asText()).append(" on ").append(root.get("cpus").asInt())
                .append(" CPUs shared with other jobs (load average at start: ").append(root.get("loadAverageAtStart").asText())
                .append("). ILP limits: SCIP ").append(root.get("ilpLimitSeconds").asDouble()).append(" s, CP-SAT ")
                .append(root.get("cpsatLimitSeconds").asDouble()).append(" s; glpsol ").append(root.get("glpkLimitSeconds").asDouble())
                .append(" s. Times in ms; candidate-path time (k = 8, Yen) is listed separately and not included in solver times.\n\n");
        sb.append("Clock: ").append(root.get("clock").asText()).append(". SCIP column: CPU ms of the whole exact solve "
                + "(status, gap); wall ms in the JSON.\n\n");
        sb.append("| instance | flows | admitted | cand. ms | SCIP CPU ms (status, gap) | CP-SAT primary ms (status, gap) | "
                + "arc ILP ms (agrees) | GA 0.1 s | GA 1 s | GA 5 s | greedy | glpsol CPU ms (status) | ours/glpsol | load avg |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var r : root.get("instances")) {
            sb.append("| ").append(r.get("instance").asText())
                    .append(" | ").append(r.get("flows").asInt())
                    .append(" | ").append(pct(r.get("admittedShare").asDouble()))
                    .append(" | ").append(r.get("candidatePathsMs").asLong())
                    .append(" | ").append(String.format(Locale.ROOT, "%d (%s, %.2g)", r.get("ilpScip").get("solveCpuMs").asLong(),
                            r.get("ilpScip").get("status").asText(), r.get("ilpScip").get("gap").asDouble()))
                    .append(" | ").append(r.has("ilpCpSat") ? ilp(r.get("ilpCpSat")) : "-")
                    .append(" | ").append(r.has("ilpArc") ? ilp(r.get("ilpArc")) + (r.has("arcAgreesWithPathIlp")
                            ? (r.get("arcAgreesWithPathIlp").asBoolean() ? " agrees" : " DISAGREES")
                            : r.has("arcCheckOpen") ? " check open" : "") : "-")
                    .append(" | ").append(ratio(r, "ga100ms"))
                    .append(" | ").append(ratio(r, "ga1s"))
                    .append(" | ").append(ratio(r, "ga5s"))
                    .append(" | ").append(ratio(r, "greedy"));
            if (r.has("glpsol")) {
                var g = r.get("glpsol");
                sb.append(" | ").append(g.get("cpuMs").asLong()).append(" (").append(g.get("status").asText())
                        .append(g.get("sameOptimum").asBoolean() ? ", same optimum" : "").append(")")
                        .append(" | ").append(String.format(Locale.ROOT, "%.3f", g.get("timeRatioOursOverGlpk").asDouble()));
            } else {
                sb.append(" | - | -");
            }
            sb.append(" | ").append(r.get("loadAverageAtStart").asText().split(" ")[0]);
            sb.append(" |\n");
        }
        sb.append("\nGA and greedy columns: ratio to the best exact answer at the first priority class where they differ, "
                + "written ratio@class (class 1 = highest; 1 = same value in every class; a loss at a lower class is "
                + "lexicographically better than any loss at a higher one, e.g. 0.94@3 beats 0.97@2), and in parentheses the "
                + "ratio of total admitted value. "
                + "A ratio is against a proven optimum only where an ILP status is OPTIMAL.\n");
        if (root.has("messages")) {
            for (var m : root.get("messages")) {
                sb.append("\n- ").append(m.asText());
            }
        }
        return sb.toString();
    }

    private static String ilp(com.fasterxml.jackson.databind.JsonNode o) {
        return String.format(Locale.ROOT, "%d (%s, %.2g)", o.get("primaryMs").asLong(), o.get("status").asText(),
                o.get("gap").asDouble());
    }

    private static String ratio(com.fasterxml.jackson.databind.JsonNode r, String key) {
        return String.format(Locale.ROOT, "%s (%.4f)", r.get(key + "LexRatio").asText(), r.get(key + "TotalRatio").asDouble());
    }

    private static String pct(double x) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }
}
