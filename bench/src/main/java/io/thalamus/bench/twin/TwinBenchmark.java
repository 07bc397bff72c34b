package io.thalamus.bench.twin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.data.SharedData;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.TopologyReaders;
import io.thalamus.network.format.TotemCsvReader;
import io.thalamus.network.format.TotemTopologyReader;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Demand;
import io.thalamus.network.topology.Topology;
import io.thalamus.network.traffic.TrafficMatrix;
import io.thalamus.network.traffic.TrafficSeries;
import io.thalamus.twin.core.NetworkTwin;
import io.thalamus.twin.core.TwinModel;
import io.thalamus.twin.replay.Replay;
import io.thalamus.twin.replay.ReplayResult;
import io.thalamus.twin.scenario.Scenario;
import io.thalamus.twin.scenario.ScenarioStep;
import io.thalamus.twin.scenario.WhatIf;
import io.thalamus.twin.sim.TwinState;
import io.thalamus.twin.sweep.FailureKind;
import io.thalamus.twin.sweep.FailureSweep;
import io.thalamus.twin.sweep.SweepResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Whole-run benchmark of the digital twin, each figure against naive full recomputation in the same run:
 * <ol>
 *   <li>one what-if on germany50 with its 662 demands: a physical link fails, the twin re-converges and
 *       computes KPIs and the diff; naive = re-route every flow and re-simulate;</li>
 *   <li>the full single-link sweep (88 physical links): incremental vs every failure recomputed from scratch;</li>
 *   <li>replay of the GEANT TOTEM January-March 2005 series (8,016 intervals): routes once and steps loads;
 *       naive = a full twin update (re-route + simulate) per interval, timed on a prefix.</li>
 * </ol>
 * Writes {@code bench/results/twin/twin-benchmark.json} and {@code .md}. Run:
 * {@code java -cp bench/target/benchmarks.jar io.thalamus.bench.twin.TwinBenchmark [OUT_DIR]}.
 */
public final class TwinBenchmark {

    private TwinBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path outDir = Path.of(args.length > 0 ? args[0] : "bench/results/twin");
        Files.createDirectories(outDir);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        double loadAtStart = loadAverage();
        root.put("loadAverageAtStart", loadAtStart);
        StringBuilder md = new StringBuilder("# Digital twin benchmark\n\n")
                .append("Whole-run, each against naive full recomputation in the same JVM. ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(".\n\n")
                .append("| benchmark | twin | naive | ratio (naive/twin) | goal |\n|---|---|---|---|---|\n");

        Topology g50 = TopologyReaders.read(SharedData.resolve("sndlib/xml/germany50/germany50.xml"));
        List<Flow> flows = new ArrayList<>();
        for (Demand d : g50.demands()) {
            if (d.valueBps() > 0) {
                flows.add(Flow.of(d.id(), d.source(), d.target(), d.valueBps(), 0));
            }
        }
        NetworkTwin twin = new NetworkTwin(g50, flows);
        RoutingFunction routing = twin.routing();
        List<String> physical = g50.links().stream().map(l -> l.physicalId()).distinct().toList();

        // 1. One what-if: every physical link in turn, several rounds; the median is reported.
        List<Scenario> scenarios = physical.stream()
                .map(p -> Scenario.of("cut " + p, new ScenarioStep.LinkDown(List.of(p)))).toList();
        for (int w = 0; w < 3; w++) {
            for (Scenario s : scenarios) {
                WhatIf.run(twin, s);
                naiveWhatIf(twin, s);
            }
        }
        double[] inc = new double[scenarios.size() * 5];
        double[] naive = new double[scenarios.size() * 5];
        double[] incCpu = new double[inc.length];
        double[] naiveCpu = new double[inc.length];
        int k = 0;
        for (int round = 0; round < 5; round++) {
            for (Scenario s : scenarios) {
                long c0 = cpu();
                long t0 = System.nanoTime();
                WhatIf.run(twin, s);
                long t1 = System.nanoTime();
                long c1 = cpu();
                naiveWhatIf(twin, s);
                long t2 = System.nanoTime();
                long c2 = cpu();
                inc[k] = (t1 - t0) / 1e6;
                naive[k] = (t2 - t1) / 1e6;
                incCpu[k] = (c1 - c0) / 1e6;
                naiveCpu[k++] = (c2 - c1) / 1e6;
            }
        }
        double incMed = median(inc);
        double naiveMed = median(naive);
        ObjectNode w1 = root.putObject("whatIfGermany50LinkFailure");
        w1.put("flows", flows.size());
        w1.put("scenarios", scenarios.size());
        w1.put("runs", inc.length);
        w1.put("medianMs", incMed);
        w1.put("p90Ms", percentile(inc, 0.9));
        w1.put("naiveMedianMs", naiveMed);
        w1.put("ratio", naiveMed / incMed);
        w1.put("medianCpuMs", median(incCpu));
        w1.put("naiveMedianCpuMs", median(naiveCpu));
        w1.put("cpuRatio", median(naiveCpu) / median(incCpu));
        w1.put("goalMedianMs", 20);
        w1.put("loadAverage", loadAverage());
        md.append(String.format("| what-if: link failure + re-convergence + KPIs, germany50, %d demands (median of %d) | %.2f ms wall, %.2f ms CPU | %.2f ms wall, %.2f ms CPU | %.1f× wall, %.1f× CPU | < 20 ms |%n",
                flows.size(), inc.length, incMed, median(incCpu), naiveMed, median(naiveCpu), naiveMed / incMed,
                median(naiveCpu) / median(incCpu)));

        // 2. The full single-link sweep, on the plain twin and on a twin with a drained node and measured loads.
        md.append(timeSweep(new FailureSweep(twin.model(), routing), root.putObject("singleLinkSweepGermany50"),
                "full single-link sweep, germany50"));
        TwinModel busy = twin.model().withDrained(java.util.Set.of(), java.util.Set.of("Frankfurt")).reconverge(routing);
        java.util.Random rnd = new java.util.Random(11);
        for (int m = 0; m < 15; m++) {
            io.thalamus.network.topology.Link l = g50.links().get(rnd.nextInt(g50.linkCount()));
            busy = busy.withMeasuredLoad(l.id(), l.capacityBps() * (0.2 + rnd.nextDouble()));
        }
        md.append(timeSweep(new FailureSweep(busy, routing), root.putObject("singleLinkSweepGermany50DrainedMeasured"),
                "same sweep, Frankfurt drained + 15 measured link loads"));

        // 3. Replay of the TOTEM series on the GEANT TOTEM topology.
        Topology geant = TotemTopologyReader.read(SharedData.resolve("traffic/geant-totem/topology-anonymised.with-capacity-GreenSDN.xml"));
        long r0 = System.nanoTime();
        TrafficSeries series = TotemCsvReader.read(SharedData.resolve("traffic/geant-totem/geant-totem-15min-2005-01-to-03.csv.gz"));
        double readSeconds = (System.nanoTime() - r0) / 1e9;
        Replay replay = new Replay(geant, routing);
        for (int w = 0; w < 3; w++) {
            replay.run(series, 0.8);
        }
        double[] rates = new double[5];
        double[] cpuRates = new double[5];
        ReplayResult rr = null;
        for (int i = 0; i < rates.length; i++) {
            long c0 = cpu();
            rr = replay.run(series, 0.8);
            cpuRates[i] = series.size() / ((cpu() - c0) / 1e9);
            rates[i] = rr.intervalsPerSecond();
        }
        int prefix = 300;
        double naiveRate = naiveReplayRate(geant, series, prefix);
        ObjectNode w3 = root.putObject("replayGeantTotem");
        w3.put("intervals", series.size());
        w3.put("links", geant.linkCount());
        w3.put("pairsRouted", rr.pairsRouted());
        w3.put("seriesReadSeconds", readSeconds);
        w3.put("medianIntervalsPerSecond", median(rates));
        w3.put("wholeSeriesMs", series.size() / median(rates) * 1000);
        w3.put("medianIntervalsPerCpuSecond", median(cpuRates));
        w3.put("naiveIntervalsPerSecond", naiveRate);
        w3.put("naiveMeasuredOnIntervals", prefix);
        w3.put("ratio", median(rates) / naiveRate);
        w3.put("intervalsFlaggedAbove0.8", rr.flagged().size());
        w3.put("goalIntervalsPerSecond", 5000);
        md.append(String.format("| replay GEANT TOTEM, %d intervals, %d links | %.0f intervals/s wall, %.0f per CPU-s | %.0f intervals/s wall | %.0f× wall | > 5,000/s |%n",
                series.size(), geant.linkCount(), median(rates), median(cpuRates), naiveRate, median(rates) / naiveRate));
        md.append("\nWall-clock includes time spent waiting for a core on the shared machine; CPU time is the thread's own. ")
                .append(String.format("1-minute load average: %.1f at the start, %.1f at the end (other builds share the 2 cores).%n",
                        loadAtStart, loadAverage()));
        root.put("loadAverageAtEnd", loadAverage());
        md.append("\nNaive baselines: what-if = re-route every flow and re-simulate; sweep = every failure re-routes every flow with ")
                .append("the twin's own re-convergence (drains honoured), re-simulates the twin (measured loads honoured) and recomputes the max-min sharing; replay = a full twin update (re-route all pairs + simulate) per interval, ")
                .append("timed on the first ").append(prefix).append(" intervals. Reading the TOTEM CSV took ")
                .append(String.format("%.1f s", readSeconds)).append(" (not included).\n");
        Files.writeString(outDir.resolve("twin-benchmark.json"), mapper.writeValueAsString(root));
        Files.writeString(outDir.resolve("twin-benchmark.md"), md.toString());
        System.out.println(md);
    }

    /** Times a single-link sweep against its naive baseline (median of 7 after 3 warm-ups); returns the table row. */
    private static String timeSweep(FailureSweep sweep, ObjectNode w2, String label) {
        for (int w = 0; w < 3; w++) {
            sweep.run(FailureKind.SINGLE_LINK);
            sweep.run(FailureKind.SINGLE_LINK, true);
        }
        double[] sw = new double[7];
        double[] swNaive = new double[7];
        double[] swCpu = new double[7];
        double[] swNaiveCpu = new double[7];
        SweepResult last = null;
        for (int i = 0; i < sw.length; i++) {
            long c0 = cpu();
            last = sweep.run(FailureKind.SINGLE_LINK);
            long c1 = cpu();
            sw[i] = last.elapsedNanos() / 1e6;
            swNaive[i] = sweep.run(FailureKind.SINGLE_LINK, true).elapsedNanos() / 1e6;
            long c2 = cpu();
            swCpu[i] = (c1 - c0) / 1e6;
            swNaiveCpu[i] = (c2 - c1) / 1e6;
        }
        w2.put("failures", last.ranked().size());
        w2.put("medianMs", median(sw));
        w2.put("naiveMedianMs", median(swNaive));
        w2.put("ratio", median(swNaive) / median(sw));
        w2.put("medianCpuMs", median(swCpu));
        w2.put("naiveMedianCpuMs", median(swNaiveCpu));
        w2.put("cpuRatio", median(swNaiveCpu) / median(swCpu));
        w2.put("goalMs", 1000);
        w2.put("worstFailure", last.ranked().get(0).failure().element());
        w2.put("worstDemandLostBps", last.ranked().get(0).demandLostBps());
        w2.put("loadAverage", loadAverage());
        return String.format("| %s, %d failures (median of %d) | %.1f ms wall, %.1f ms CPU | %.1f ms wall, %.1f ms CPU | %.1f× wall, %.1f× CPU | < 1 s |%n",
                label, last.ranked().size(), sw.length, median(sw), median(swCpu), median(swNaive), median(swNaiveCpu),
                median(swNaive) / median(sw), median(swNaiveCpu) / median(swCpu));
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** What the twin would do without incremental re-convergence: every flow re-routed, everything re-simulated. */
    static TwinState naiveWhatIf(NetworkTwin twin, Scenario s) {
        TwinModel m = twin.model();
        TwinState before = twin.simulate(m.withRoutes(Map.of()).reconverge(twin.routing()));
        TwinModel after = s.applyTo(m, twin.routing()).withRoutes(Map.of()).reconverge(twin.routing());
        TwinState st = twin.simulate(after);
        WhatIf.diff(before, st);
        return st;
    }

    private static double naiveReplayRate(Topology topology, TrafficSeries series, int prefix) {
        NetworkTwin twin = new NetworkTwin(topology, List.of());
        List<String> nodes = series.nodes();
        long t0 = 0;
        int n = Math.min(prefix, series.size());
        for (int t = 0; t < n + 20; t++) {
            if (t == 20) {
                t0 = System.nanoTime();
            }
            TrafficMatrix m = series.matrix(t % series.size());
            List<Flow> flows = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = 0; j < nodes.size(); j++) {
                    double v = m.get(i, j);
                    if (i != j && v > 0 && topology.hasNode(nodes.get(i)) && topology.hasNode(nodes.get(j))) {
                        flows.add(Flow.of(i + ">" + j, nodes.get(i), nodes.get(j), v, 0));
                    }
                }
            }
            twin.update(mm -> mm.withFlows(flows).withRoutes(Map.of()).reconverge(twin.routing()));
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    /** CPU time of this thread: robust on a shared machine where wall-clock time includes waiting for a core. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double median(double[] v) {
        return percentile(v, 0.5);
    }

    private static double percentile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.round(q * (s.length - 1)))];
    }
}
