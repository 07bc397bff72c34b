package io.thalamus.bench.routing;

import io.thalamus.sdnrouter.routing.GreedyForwardingPolicy;
import io.thalamus.sdnrouter.routing.LocalView;
import io.thalamus.sdnrouter.routing.PacketHeader;
import io.thalamus.sdnrouter.routing.PolicyFile;
import io.thalamus.sdnrouter.routing.PolicyTrainer;
import io.thalamus.sdnrouter.routing.RoutingGraph;
import io.thalamus.sdnrouter.routing.RoutingPolicy;
import io.thalamus.sdnrouter.routing.ThreeHopViewPolicy;
import io.thalamus.sdnrouter.routing.TrainingConfig;
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
 * JMH: cost of one forwarding decision of the shipped learned policy (scoring every progress-three-hop-live candidate
 * neighbour with the 10-12-1 network, whose inputs include two two-hop look-aheads and the three-hop frontier look-ahead
 * of each candidate), of the former default ({@code formerDefaultDecision}: the same network shape with
 * progress-and-live candidates, {@link TrainingConfig#progressLive()}) and of the one before
 * ({@code frontierDecision}: the 9-12-1 network without the three-hop input, {@link TrainingConfig#paperSeedGraph()})
 * against greedy forwarding's, on the same 1024 random decision states (a fresh view per decision, as a walk makes them)
 * of a 100-node density-5 unit-disk graph (mean degree about 14); and of the unlearned three-hop view rule
 * ({@link ThreeHopViewPolicy}, a three-hop frontier estimate per candidate, its onward steps shared between candidates).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingDecisionBenchmark {

    private static final int STATES = 1024;

    private RoutingGraph graph;
    private int[][] states;
    private boolean[] nothingVisited;
    private PacketHeader header;
    private RoutingPolicy learned;
    private RoutingPolicy greedy;
    private RoutingPolicy threeHop;
    private RoutingPolicy formerDefault;
    private RoutingPolicy frontier;

    @Setup
    public void setUp() {
        graph = RoutingGraph.of(UnitDiskGraphs.generate(100, 5, 11), 1000);
        learned = PolicyFile.defaultPolicy().on(graph);
        greedy = new GreedyForwardingPolicy().on(graph);
        threeHop = new ThreeHopViewPolicy().on(graph);
        formerDefault = new PolicyTrainer(TrainingConfig.progressLive().withValidationGraphs(0)).train().on(graph);
        frontier = new PolicyTrainer(TrainingConfig.paperSeedGraph().withValidationGraphs(0)).train().on(graph);
        SplittableRandom random = new SplittableRandom(5);
        states = new int[STATES][];
        nothingVisited = new boolean[graph.nodeCount()];
        header = new PacketHeader();
        for (int i = 0; i < STATES; i++) {
            states[i] = new int[] {random.nextInt(graph.nodeCount()), random.nextInt(graph.nodeCount()), random.nextInt(graph.nodeCount())};
        }
    }

    /** A fresh view per decision, as {@code PacketWalker} makes one (a view caches per-decision work). */
    private LocalView view(int[] state) {
        return new LocalView(graph, state[0], state[1], state[2], -1, nothingVisited, -1, header);
    }

    @Benchmark
    @OperationsPerInvocation(STATES)
    public void learnedDecision(Blackhole bh) {
        for (int[] state : states) {
            bh.consume(learned.choose(view(state)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(STATES)
    public void formerDefaultDecision(Blackhole bh) {
        for (int[] state : states) {
            bh.consume(formerDefault.choose(view(state)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(STATES)
    public void frontierDecision(Blackhole bh) {
        for (int[] state : states) {
            bh.consume(frontier.choose(view(state)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(STATES)
    public void threeHopDecision(Blackhole bh) {
        for (int[] state : states) {
            bh.consume(threeHop.choose(view(state)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(STATES)
    public void greedyDecision(Blackhole bh) {
        for (int[] state : states) {
            bh.consume(greedy.choose(view(state)));
        }
    }
}
