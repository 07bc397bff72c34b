package io.thalamus.bench.routing;

import io.thalamus.sdnrouter.routing.GreedyForwardingPolicy;
import io.thalamus.sdnrouter.routing.LocalView;
import io.thalamus.sdnrouter.routing.PolicyFile;
import io.thalamus.sdnrouter.routing.RoutingGraph;
import io.thalamus.sdnrouter.routing.RoutingPolicy;
import io.thalamus.sdnrouter.routing.UnitDiskGraphs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * JMH: cost of one forwarding decision of the learned policy (scoring every candidate neighbour
 * with the 9-12-1 network, whose inputs include two two-hop look-aheads over each candidate's neighbours) against greedy forwarding's, on the same 1024 random decision states
 * of a 100-node density-5 unit-disk graph (mean degree about 14).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingDecisionBenchmark {

    private static final int STATES = 1024;

    private LocalView[] views;
    private RoutingPolicy learned;
    private RoutingPolicy greedy;

    @Setup
    public void setUp() {
        RoutingGraph g = RoutingGraph.of(UnitDiskGraphs.generate(100, 5, 11), 1000);
        learned = PolicyFile.defaultPolicy().on(g);
        greedy = new GreedyForwardingPolicy().on(g);
        SplittableRandom random = new SplittableRandom(5);
        views = new LocalView[STATES];
        boolean[] nothingVisited = new boolean[g.nodeCount()];
        for (int i = 0; i < STATES; i++) {
            int s = random.nextInt(g.nodeCount());
            int v = random.nextInt(g.nodeCount());
            int t = random.nextInt(g.nodeCount());
            views[i] = new LocalView(g, s, v, t, -1, nothingVisited);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STATES)
    public void learnedDecision(Blackhole bh) {
        for (LocalView view : views) {
            bh.consume(learned.choose(view));
        }
    }

    @Benchmark
    @OperationsPerInvocation(STATES)
    public void greedyDecision(Blackhole bh) {
        for (LocalView view : views) {
            bh.consume(greedy.choose(view));
        }
    }
}
