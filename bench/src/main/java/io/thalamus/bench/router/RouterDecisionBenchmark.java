package io.thalamus.bench.router;

import io.thalamus.intent.routing.LoadShifter;
import io.thalamus.intent.routing.ModelRouter;
import io.thalamus.intent.routing.ProbeFeatures;
import io.thalamus.intent.routing.RouteDecision;
import io.thalamus.intent.routing.RouterJson;
import io.thalamus.intent.routing.RoutingFlag;
import io.thalamus.intent.routing.RoutingPreferences;
import io.thalamus.intent.routing.TaskFeatures;
import io.thalamus.models.card.TaskType;
import io.thalamus.models.forecast.Forecaster;
import io.thalamus.models.registry.ModelRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Time of one routing decision once the features are computed, with the router trained by {@code thalamus router
 * bench} (its {@code router.json}): uncached (the kNN prediction, penalties, limits and Pareto front), cached, and
 * as the peer the cheapest forecaster itself (seasonal naive) and the feature extraction the decision needs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouterDecisionBenchmark {

    @Param("bench/results/router/router.json")
    public String routerFile;

    private ModelRouter router;
    private ProbeFeatures probes;
    private Forecaster seasonalNaive;
    private final List<TaskFeatures> features = new ArrayList<>();
    private final List<double[]> histories = new ArrayList<>();
    private RoutingPreferences prefs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        ModelRegistry registry = ModelRegistry.fromClasspath();
        List<io.thalamus.models.card.ModelCard> cards = new ArrayList<>(registry.cardsFor(TaskType.FORECAST));
        cards.addAll(registry.cardsFor(TaskType.DETECT_ANOMALY));
        router = new ModelRouter(RouterJson.read(Path.of(routerFile)), cards, LoadShifter.standard());
        probes = new ProbeFeatures(registry);
        seasonalNaive = registry.model("forecast.seasonal-naive", Forecaster.class);
        Random rnd = new Random(11);
        for (int s = 0; s < 256; s++) {
            double[] y = new double[384];
            double level = 100 + 900 * rnd.nextDouble();
            for (int i = 0; i < y.length; i++) {
                y[i] = level * (1 + 0.3 * Math.sin(2 * Math.PI * i / 96)) + level * 0.05 * rnd.nextGaussian();
            }
            histories.add(y);
            features.add(probes.forecast(y, 96, 1 + rnd.nextInt(12), 0));
        }
        prefs = RoutingPreferences.none().withWeight(RoutingFlag.SIZE, 0.1).withWeight(RoutingFlag.COST, 0.1);
    }

    /**
     * Thread-CPU time of {@code count} uncached decisions, one sample each, sorted (nanoseconds). Unlike JMH's wall
     * time it excludes time the thread spent descheduled, which dominates the tail on a shared machine.
     */
    public long[] cpuSamples(int count) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            TaskFeatures f = features.get(nextIndex());
            long c0 = mx.getCurrentThreadCpuTime();
            router.routeUncached(f, prefs);
            out[i] = mx.getCurrentThreadCpuTime() - c0;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    private int nextIndex() {
        next = (next + 1) & 255;
        return next;
    }

    /** One decision computed afresh. */
    @Benchmark
    public RouteDecision decisionUncached() {
        return router.routeUncached(features.get(nextIndex()), prefs);
    }

    /** One decision answered by the cache. */
    @Benchmark
    public RouteDecision decisionCached() {
        return router.route(features.get(nextIndex()), prefs);
    }

    /** Peer: running the cheapest forecaster once. */
    @Benchmark
    public double[] seasonalNaiveForecast() {
        return seasonalNaive.forecast(histories.get(nextIndex()), 96, 12);
    }

    /** Peer: computing the features a decision needs (statistics and backtest probes). */
    @Benchmark
    public TaskFeatures featureExtraction() {
        return probes.forecast(histories.get(nextIndex()), 96, 6, 0);
    }
}
