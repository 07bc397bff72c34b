package io.thalamus.intent.routing;

import io.thalamus.models.card.ModelCard;
import io.thalamus.models.card.TaskType;
import io.thalamus.models.evaluation.Outcome;
import io.thalamus.models.registry.ModelRegistry;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.generate.PfarFlowGenerator;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.admission.AdmissionProblem;
import io.thalamus.sdnrouter.admission.AdmissionResult;
import io.thalamus.sdnrouter.admission.AdmissionSolver;
import io.thalamus.sdnrouter.admission.AdmissionSolverModel;
import io.thalamus.sdnrouter.admission.AdmissionStatus;
import io.thalamus.sdnrouter.admission.ArcIlpAdmissionSolver;
import io.thalamus.sdnrouter.admission.GeneticAdmissionSolver;
import io.thalamus.sdnrouter.admission.IlpAdmissionSolver;
import io.thalamus.sdnrouter.admission.CandidatePaths;
import io.thalamus.sdnrouter.routing.GeographicTopologies;
import io.thalamus.sdnrouter.routing.PacketWalker;
import io.thalamus.sdnrouter.routing.RoutingGraph;
import io.thalamus.sdnrouter.routing.RoutingPolicy;
import io.thalamus.sdnrouter.routing.RoutingPolicyModel;
import io.thalamus.sdnrouter.routing.Walk;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The admission and routing part of NetRouterBench, cut from the Topology Zoo graphs in the shared data (largest
 * component, great-circle link weights) and split by topology (60% train):
 * <ul>
 *   <li>{@code admit-flows}: a PFAR flow set (10-150 flows drawn log-uniformly, 3 priority classes, peak load factor
 *   0.8-2.5) on a topology of 8-40 nodes, several tasks per topology, each with a time budget of 0.1, 0.25 or 0.5 s
 *   that every admission solver of the registry must meet (strict objective, shared candidate paths); quality = its
 *   objective's ratio to the best answer any solver found (logged whether an exact solver proved it optimal);
 *   loss = 1 - quality;</li>
 *   <li>{@code route}: 16 random connected source-destination queries on a topology of 10-200 nodes; every routing
 *   policy of the registry forwards them hop by hop; quality = mean 1/stretch (path length over the shortest path's,
 *   0 when undelivered); loss = 1 - quality. CPU time covers preparing the policy on the graph and the walks.</li>
 * </ul>
 * Features: for admission log nodes, log links, log flows, the mean load factor, the mean degree and the log budget; for routing log
 * nodes, log links, mean degree, share of degree-1 nodes, mean shortest-path hops of the queries and their mean
 * detour over the great-circle distance. Admission CPU time is the process's (the genetic solver works on several
 * threads), routing CPU time the calling thread's.
 */
final class NetworkTasks {

    /** Feature names of admission tasks. */
    static final List<String> ADMISSION_FEATURES = List.of("logNodes", "logLinks", "logFlows", "meanLoadFactor", "meanDegree",
            "logBudgetS");
    /**
     * Time budgets (seconds) an admission task imposes on every solver, drawn per task; a solver never gets more
     * than its card's own limit. Short enough that the exact solvers time out on the larger instances.
     */
    static final double[] ADMISSION_BUDGETS_S = {0.1, 0.25, 0.5};
    /** Smallest and largest topology (nodes) of admission tasks. */
    static final int ADMISSION_MIN_NODES = 8;
    static final int ADMISSION_MAX_NODES = 40;
    /** Smallest and largest flow count of admission tasks (drawn log-uniformly). */
    static final int ADMISSION_MIN_FLOWS = 10;
    static final int ADMISSION_MAX_FLOWS = 150;
    /** Feature names of routing tasks. */
    static final List<String> ROUTING_FEATURES = List.of("logNodes", "logLinks", "meanDegree", "shareDegreeOne",
            "logMeanHops", "logDetour");
    /** Queries per routing task. */
    static final int QUERIES = 16;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * One task with every model's measured outcome.
     *
     * @param id       task id
     * @param family   {@code topology-zoo}
     * @param type     {@code admit-flows} or {@code route}
     * @param splitKey the topology's name
     * @param train    whether the topology is on the train side
     * @param features the router's input
     * @param outcomes one per model of the registry for this task type
     */
    record Task(String id, String family, TaskType type, String splitKey, boolean train, TaskFeatures features,
                List<Outcome> outcomes) {
    }

    private NetworkTasks() {
    }

    /** CPU time of the whole JVM process (all threads), or the calling thread's when the platform lacks it. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long t = os.getProcessCpuTime();
            if (t >= 0) {
                return t;
            }
        }
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Zoo topologies, or an empty list when the folder is missing. */
    static List<Topology> zoo(Path dataRoot) {
        Path dir = dataRoot.resolve("topology-zoo").resolve("graphml");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        return GeographicTopologies.loadGraphMl(dir).topologies();
    }

    /**
     * Builds and runs the tasks.
     *
     * @param admissionTasks this many admission tasks, round robin over the eligible topologies in a seeded order
     * @param routingPerTopology routing tasks per eligible topology
     */
    static List<Task> build(List<Topology> zoo, ModelRegistry registry, long seed, double trainFraction,
                            int admissionTasks, int routingPerTopology) {
        return build(zoo, registry, seed, trainFraction, admissionTasks, routingPerTopology, false);
    }

    /**
     * As {@link #build(List, ModelRegistry, long, double, int, int)}; with {@code trainOnly} the test-side instances
     * are drawn (so the train side is the same) but never solved nor returned.
     */
    static List<Task> build(List<Topology> zoo, ModelRegistry registry, long seed, double trainFraction,
                            int admissionTasks, int routingPerTopology, boolean trainOnly) {
        Random rnd = new Random(seed ^ 0x5EED_2026L);
        List<String> names = new ArrayList<>(zoo.stream().map(Topology::name).distinct().sorted().toList());
        Collections.shuffle(names, rnd);
        Set<String> train = new HashSet<>(names.subList(0, (int) Math.round(trainFraction * names.size())));
        List<Task> out = new ArrayList<>();
        List<Topology> admissible = new ArrayList<>(zoo.stream()
                .filter(t -> t.nodeCount() >= ADMISSION_MIN_NODES && t.nodeCount() <= ADMISSION_MAX_NODES).toList());
        Collections.shuffle(admissible, rnd);
        List<ModelCard> solvers = registry.cardsFor(TaskType.ADMIT_FLOWS);
        for (int i = 0; i < admissionTasks && !admissible.isEmpty() && !solvers.isEmpty(); i++) {
            Topology t = admissible.get(i % admissible.size());
            Task task = admission(t, i, registry, solvers, rnd, train.contains(t.name()), trainOnly);
            if (task != null) {
                out.add(task);
            }
        }
        List<ModelCard> policies = registry.cardsFor(TaskType.ROUTE);
        for (Topology t : zoo) {
            if (t.nodeCount() < 10 || t.nodeCount() > 200 || policies.isEmpty()) {
                continue;
            }
            RoutingGraph g = RoutingGraph.of(t);
            RoutingGraph.AllPairs sp = g.shortestPaths();
            for (int i = 0; i < routingPerTopology; i++) {
                Task task = routing(t, g, sp, i, registry, policies, rnd, train.contains(t.name()), trainOnly);
                if (task != null) {
                    out.add(task);
                }
            }
        }
        return out;
    }

    private static Task admission(Topology t, int index, ModelRegistry registry, List<ModelCard> solvers, Random rnd,
                                  boolean train, boolean trainOnly) {
        int flows = (int) Math.round(Math.exp(Math.log(ADMISSION_MIN_FLOWS)
                + rnd.nextDouble() * Math.log((double) ADMISSION_MAX_FLOWS / ADMISSION_MIN_FLOWS)));
        double load = 0.8 + 1.7 * rnd.nextDouble();
        double budgetS = ADMISSION_BUDGETS_S[rnd.nextInt(ADMISSION_BUDGETS_S.length)];
        long flowSeed = rnd.nextLong();
        if (trainOnly && !train) {
            return null;
        }
        List<Flow> set = PfarFlowGenerator.generate(t, flows, flowSeed, load, 3);
        AdmissionProblem p = AdmissionProblem.of(t, set);
        CandidatePaths candidates = CandidatePaths.of(p);
        Map<String, AdmissionResult> results = new LinkedHashMap<>();
        Map<String, double[]> times = new LinkedHashMap<>();
        for (ModelCard card : solvers) {
            AdmissionSolver s = underBudget(card, registry.model(card.id(), AdmissionSolverModel.class).solver(), budgetS);
            // Process CPU time: the genetic solver evaluates its population on other threads.
            long c0 = processCpuNanos();
            long w0 = System.nanoTime();
            AdmissionResult r = s.solve(p, candidates);
            long w1 = System.nanoTime();
            long c1 = processCpuNanos();
            results.put(card.id(), r);
            times.put(card.id(), new double[] {(w1 - w0) / 1e6, (c1 - c0) / 1e6});
        }
        AdmissionResult best = results.values().stream().max(AdmissionResult::compare).orElseThrow();
        boolean proven = results.values().stream().anyMatch(r -> r.status() == AdmissionStatus.OPTIMAL
                && AdmissionResult.compare(r, best) == 0);
        String id = "admit-flows:" + t.name() + "#" + index + "@" + flows + "x"
                + String.format(java.util.Locale.ROOT, "%.2f/%.0fms", load, budgetS * 1000);
        String split = train ? "train" : "test";
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, AdmissionResult> e : results.entrySet()) {
            double ratio = Math.max(0, Math.min(1, e.getValue().ratioTo(best)));
            double[] tm = times.get(e.getKey());
            outcomes.add(new Outcome(id, TaskType.ADMIT_FLOWS.wire(), "topology-zoo", split, e.getKey(), 1 - ratio, ratio,
                    Map.of("ratioToBest", ratio, "gap", Double.isNaN(e.getValue().gap()) ? -1 : e.getValue().gap(),
                            "budgetS", budgetS, "optimumProven", proven ? 1.0 : 0.0,
                            "timedOut", e.getValue().status() == AdmissionStatus.TIMED_OUT ? 1.0 : 0.0),
                    tm[0], tm[1]));
        }
        double degree = (double) t.linkCount() / t.nodeCount();
        TaskFeatures f = new TaskFeatures(TaskType.ADMIT_FLOWS, new double[] {Math.log(t.nodeCount()),
                Math.log(t.linkCount()), Math.log(flows), PfarFlowGenerator.loadFactor(t, set), degree, Math.log(budgetS)});
        return new Task(id, "topology-zoo", TaskType.ADMIT_FLOWS, t.name(), train, f, outcomes);
    }

    /**
     * The card's solver with its time limit cut to the task's budget (the card's limit when that is shorter); the
     * greedy solver has no budget and runs as registered.
     */
    static AdmissionSolver underBudget(ModelCard card, AdmissionSolver registered, double budgetS) {
        double limitS = Math.min(budgetS, card.numberParameter("timeLimitS", budgetS));
        Duration limit = Duration.ofMillis(Math.max(1, Math.round(limitS * 1000)));
        int seed = (int) card.numberParameter("seed", 0);
        IlpAdmissionSolver.Backend backend = card.stringParameter("backend")
                .map(IlpAdmissionSolver.Backend::parse).orElse(IlpAdmissionSolver.DEFAULT_BACKEND);
        return switch (card.stringParameter("solver").orElse("")) {
            case "ilp" -> new IlpAdmissionSolver(backend, limit, 2, seed);
            case "ilp-arc" -> new ArcIlpAdmissionSolver(backend, limit, 2, seed);
            case "ga" -> new GeneticAdmissionSolver(seed, limit, GA_POPULATION, 0);
            default -> registered;
        };
    }

    /** Population of the genetic solver under a task budget (as its card registers it). */
    static final int GA_POPULATION = 40;

    private static Task routing(Topology t, RoutingGraph g, RoutingGraph.AllPairs sp, int index, ModelRegistry registry,
                                List<ModelCard> policies, Random rnd, boolean train, boolean trainOnly) {
        int n = g.nodeCount();
        int[][] queries = new int[QUERIES][];
        int found = 0;
        for (int attempt = 0; attempt < 50 * QUERIES && found < QUERIES; attempt++) {
            int s = rnd.nextInt(n);
            int d = rnd.nextInt(n);
            if (s != d && sp.distance()[d][s] < Double.POSITIVE_INFINITY && sp.distance()[d][s] > 0) {
                queries[found++] = new int[] {s, d};
            }
        }
        if (found < QUERIES || (trainOnly && !train)) {
            return null;
        }
        String id = "route:" + t.name() + "#" + index;
        String split = train ? "train" : "test";
        List<Outcome> outcomes = new ArrayList<>();
        for (ModelCard card : policies) {
            RoutingPolicy policy = registry.model(card.id(), RoutingPolicyModel.class).policy();
            if (policy.geographic() && !g.hasPositions()) {
                continue;
            }
            // A fresh graph per policy, so a policy that precomputes (shortest paths) pays for it in its own time.
            long c0 = THREADS.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            PacketWalker walker = new PacketWalker(RoutingGraph.of(t), policy);
            double quality = 0;
            double delivered = 0;
            for (int[] q : queries) {
                Walk w = walker.walk(q[0], q[1]);
                if (w.delivered()) {
                    quality += Math.min(1, sp.distance()[q[1]][q[0]] / w.length());
                    delivered++;
                }
            }
            long w1 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            quality /= QUERIES;
            outcomes.add(new Outcome(id, TaskType.ROUTE.wire(), "topology-zoo", split, card.id(), 1 - quality, quality,
                    Map.of("meanInverseStretch", quality, "delivered", delivered / QUERIES), (w1 - w0) / 1e6,
                    (c1 - c0) / 1e6));
        }
        double degreeOne = 0;
        double degreeSum = 0;
        for (int v = 0; v < n; v++) {
            degreeSum += g.degree(v);
            degreeOne += g.degree(v) == 1 ? 1 : 0;
        }
        double hops = 0;
        double detour = 0;
        for (int[] q : queries) {
            int h = 0;
            for (int v = q[0]; v >= 0 && v != q[1] && h <= n; v = sp.nextHop()[q[1]][v]) {
                h++;
            }
            hops += h;
            double straight = g.distance(q[0], q[1]);
            detour += straight > 0 ? Math.log(Math.max(1, sp.distance()[q[1]][q[0]] / straight)) : 0;
        }
        TaskFeatures f = new TaskFeatures(TaskType.ROUTE, new double[] {Math.log(n), Math.log(t.linkCount()),
                degreeSum / n, degreeOne / n, Math.log(hops / QUERIES), detour / QUERIES});
        return new Task(id, "topology-zoo", TaskType.ROUTE, t.name(), train, f, outcomes);
    }
}
