package io.thalamus.sdnrouter.routing;

import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link LearnedLocalPolicy} from one seed graph, after the single-graph paper: take a
 * unit-disk graph (N = 100, density 3 by default; its largest component), one destination (the
 * node nearest the middle of the square) and a few sources spread around it (farthest-point
 * choice), and turn every node on their shortest paths into samples, one per neighbour u with
 * target d(v,u)/R + (shortest remaining length from u)/R. Fit a small MLP on them, then refine
 * on-policy (DAgger-style): roll the current policy out between random pairs of the same seed
 * graph, label every state it reaches with the same shortest-path targets, add, refit. The fit is
 * the paper's squared error, optionally plus a listwise loss (see {@link TrainingConfig}). Seeded and
 * single-threaded: the same config gives the same network bit for bit.
 */
public final class PolicyTrainer {

    private final TrainingConfig config;

    public PolicyTrainer(TrainingConfig config) {
        this.config = config;
    }

    public TrainingConfig config() {
        return config;
    }

    /** Trains and measures the policy described by the configuration. */
    public LearnedLocalPolicy train() {
        Topology seedGraph = UnitDiskGraphs.generate(config.nodes(), config.density(), config.range(), config.seed());
        RoutingGraph g = RoutingGraph.of(seedGraph.largestComponent(), config.range());
        double side = UnitDiskGraphs.side(config.nodes(), config.density(), config.range());
        int destination = nearestTo(g, side / 2, side / 2);
        List<Integer> sources = chooseSources(g, destination, config.sources());

        SplittableRandom random = new SplittableRandom(config.seed());
        SplittableRandom initRandom = random.split();
        SplittableRandom shuffleRandom = random.split();
        SplittableRandom pairRandom = random.split();

        Samples samples = new Samples();
        RoutingGraph.AllPairs sp = g.shortestPaths();
        boolean[] visited = new boolean[g.nodeCount()];
        for (int s : sources) {
            java.util.Arrays.fill(visited, false);
            for (int v = s; v != destination; v = sp.nextHop()[destination][v]) {
                visited[v] = true;
                addNeighbours(g, s, v, destination, visited, samples);
            }
        }
        int inputs = config.features().count();
        double[] params = MlpRegression.initialParameters(inputs, config.hidden(), initRandom);
        params = fitAll(inputs, params, samples, config.epochs(), shuffleRandom);

        int n = g.nodeCount();
        for (int round = 0; round < config.refinementRounds() && n > 1; round++) {
            LearnedLocalPolicy current = policy(params, null);
            PacketWalker walker = new PacketWalker(g, current);
            for (int k = 0; k < config.refinementPairs(); k++) {
                int s = pairRandom.nextInt(n);
                int t = pairRandom.nextInt(n - 1);
                if (t >= s) {
                    t++;
                }
                for (Decision d : labelWalk(g, config.features(), walker.walk(s, t), t, listwise())) {
                    samples.startGroup();
                    for (int i = 0; i < d.neighbours().length; i++) {
                        samples.add(d.features()[i], d.targets()[i]);
                    }
                }
            }
            params = fitAll(inputs, params, samples, config.refinementEpochs(), shuffleRandom);
        }

        LearnedLocalPolicy trained = policy(params, null);
        double loss = MlpRegression.loss(trained.network(), samples.x(), samples.y());
        ModelCard card = new ModelCard(config, g.id(destination), sources.stream().map(g::id).toList(),
                samples.size(), loss, validate(trained));
        return policy(params, card);
    }

    /** Pointwise regression, or regression plus the listwise loss when the configuration weights it. */
    private double[] fitAll(int inputs, double[] params, Samples samples, int epochs, SplittableRandom shuffleRandom) {
        MlpRegression.Settings settings = new MlpRegression.Settings(epochs, config.batchSize(), config.learningRate());
        if (!listwise()) {
            return MlpRegression.fit(inputs, config.hidden(), config.leakySlope(), params, samples.x(), samples.y(),
                    settings, shuffleRandom);
        }
        return MlpRegression.fitListwise(inputs, config.hidden(), config.leakySlope(), params, samples.x(), samples.y(),
                samples.groups(), config.temperature(), config.listwiseWeight(), settings, shuffleRandom);
    }

    private boolean listwise() {
        return config.listwiseWeight() > 0;
    }

    private LearnedLocalPolicy policy(double[] params, ModelCard card) {
        return new LearnedLocalPolicy(config.features(),
                Mlp.of(config.features().count(), config.hidden(), config.leakySlope(), params), config.candidates(), card);
    }

    private ModelCard.Validation validate(LearnedLocalPolicy policy) {
        if (config.validationGraphs() == 0) {
            return null;
        }
        long validationSeed = config.seed() + 1;
        UnitDiskSetting setting = new UnitDiskSetting(config.nodes(), config.density(), config.validationGraphs());
        PolicyEvaluator.Report report = new PolicyEvaluator(List.of(policy, new GreedyForwardingPolicy()))
                .unitDisk(List.of(setting), validationSeed);
        RoutingMetrics learned = report.overall().get(policy.name());
        RoutingMetrics greedy = report.overall().get("greedy");
        return new ModelCard.Validation(setting.label() + ", " + setting.graphs() + " graphs, seed " + validationSeed,
                learned.pairs(), learned.accuracy(), learned.missRate(), greedy.accuracy(), greedy.missRate());
    }

    /**
     * One sample per neighbour u of v (per unvisited one when training listwise): the features the
     * policy would see there, the target (d(v,u) + shortest(u,t)) / R.
     */
    private void addNeighbours(RoutingGraph g, int s, int v, int t, boolean[] visited, Samples samples) {
        Decision d = label(g, config.features(), s, v, t, visited, listwise());
        samples.startGroup();
        for (int i = 0; i < d.neighbours().length; i++) {
            samples.add(d.features()[i], d.targets()[i]);
        }
    }

    /**
     * One labelled decision state: at v, for the packet from s to t with this visited set, the
     * neighbours that get a sample, their features and their shortest-path targets.
     *
     * @param neighbours node indices of the labelled neighbours, in slot order
     * @param targets    (d(v,u) + shortest(u,t)) / R per labelled neighbour: the lowest is the shortest-path next hop
     */
    record Decision(int node, int[] neighbours, double[][] features, double[] targets) {
    }

    /**
     * The label of one state, as both the supervised set and the on-policy (DAgger) roll-outs make
     * it: every neighbour u of v that can reach t (only unvisited ones when {@code unvisitedOnly})
     * with target (d(v,u) + shortest remaining length from u) / R.
     */
    static Decision label(RoutingGraph g, FeatureSet features, int s, int v, int t, boolean[] visited, boolean unvisitedOnly) {
        double r = g.range();
        double[][] distance = g.shortestPaths().distance();
        LocalView view = new LocalView(g, s, v, t, -1, visited);
        List<Integer> nodes = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int slot = 0; slot < g.degree(v); slot++) {
            int u = g.neighbour(v, slot);
            double remaining = distance[t][u];
            if (remaining == Double.POSITIVE_INFINITY || (unvisitedOnly && visited[u])) {
                continue;
            }
            double[] f = new double[features.count()];
            features.fill(view, slot, f);
            nodes.add(u);
            x.add(f);
            y.add((g.weight(v, slot) + remaining) / r);
        }
        return new Decision(v, nodes.stream().mapToInt(Integer::intValue).toArray(), x.toArray(new double[0][]),
                y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The states an on-policy roll-out labels: every node of the walk before the destination, with
     * the visited set as the packet had it there.
     */
    static List<Decision> labelWalk(RoutingGraph g, FeatureSet features, Walk walk, int t, boolean unvisitedOnly) {
        int[] nodes = walk.nodes();
        int last = walk.delivered() ? nodes.length - 1 : nodes.length;
        boolean[] visited = new boolean[g.nodeCount()];
        List<Decision> out = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            visited[nodes[i]] = true;
            out.add(label(g, features, nodes[0], nodes[i], t, visited, unvisitedOnly));
        }
        return out;
    }

    private static int nearestTo(RoutingGraph g, double x, double y) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int v = 0; v < g.nodeCount(); v++) {
            double d = RoutingGraph.planarDistance(g.x(v), g.y(v), x, y);
            if (d < bestD) {
                bestD = d;
                best = v;
            }
        }
        return best;
    }

    /** Farthest-point choice: each next source is as far as possible from the destination and the sources so far. */
    static List<Integer> chooseSources(RoutingGraph g, int destination, int count) {
        List<Integer> chosen = new ArrayList<>();
        double[] nearest = new double[g.nodeCount()];
        for (int v = 0; v < nearest.length; v++) {
            nearest[v] = g.distance(v, destination);
        }
        while (chosen.size() < Math.min(count, g.nodeCount() - 1)) {
            int best = -1;
            for (int v = 0; v < nearest.length; v++) {
                if (v != destination && !chosen.contains(v) && (best < 0 || nearest[v] > nearest[best])) {
                    best = v;
                }
            }
            chosen.add(best);
            for (int v = 0; v < nearest.length; v++) {
                nearest[v] = Math.min(nearest[v], g.distance(v, best));
            }
        }
        return chosen;
    }

    /** A growable training set; consecutive samples of one decision form a group (for the listwise loss). */
    private static final class Samples {
        private final List<double[]> x = new ArrayList<>();
        private final List<Double> y = new ArrayList<>();
        private final List<Integer> starts = new ArrayList<>();

        /** The samples added from now on belong to a new decision. */
        void startGroup() {
            starts.add(x.size());
        }

        /** Sample indices of every non-empty decision, in order. */
        int[][] groups() {
            List<int[]> out = new ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                int a = starts.get(i);
                int b = i + 1 < starts.size() ? starts.get(i + 1) : x.size();
                if (b > a) {
                    int[] g = new int[b - a];
                    for (int k = 0; k < g.length; k++) {
                        g[k] = a + k;
                    }
                    out.add(g);
                }
            }
            return out.toArray(new int[0][]);
        }

        void add(double[] features, double target) {
            x.add(features);
            y.add(target);
        }

        int size() {
            return x.size();
        }

        double[][] x() {
            return x.toArray(new double[0][]);
        }

        double[] y() {
            return y.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
