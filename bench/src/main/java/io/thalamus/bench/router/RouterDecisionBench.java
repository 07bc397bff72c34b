package io.thalamus.bench.router;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@link RouterDecisionBenchmark} and writes {@code decision-jmh.json} (raw JMH) and {@code decision.json} /
 * {@code decision.md} (p50, p99 and the ratios to the peers) under {@code bench/results/router/}.
 * Usage: {@code java -cp bench/target/benchmarks.jar io.thalamus.bench.router.RouterDecisionBench [OUT_DIR]}.
 */
public final class RouterDecisionBench {

    private RouterDecisionBench() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/results/router");
        Files.createDirectories(out);
        Options opt = new OptionsBuilder().include(RouterDecisionBenchmark.class.getSimpleName())
                .param("routerFile", out.resolve("router.json").toString())
                .resultFormat(ResultFormatType.JSON).result(out.resolve("decision-jmh.json").toString()).build();
        Collection<RunResult> results = new Runner(opt).run();
        Map<String, double[]> stats = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            var s = r.getPrimaryResult().getStatistics();
            stats.put(name, new double[] {s.getPercentile(50), s.getPercentile(99), s.getMean()});
        }
        RouterDecisionBenchmark direct = new RouterDecisionBenchmark();
        direct.routerFile = out.resolve("router.json").toString();
        direct.setUp();
        direct.cpuSamples(20_000);
        long[] cpu = direct.cpuSamples(50_000);
        double cpuP50 = cpu[cpu.length / 2] / 1e3;
        double cpuP99 = cpu[(int) (cpu.length * 0.99)] / 1e3;
        ObjectMapper m = new ObjectMapper();
        ObjectNode json = m.createObjectNode();
        json.put("unit", "microseconds");
        stats.forEach((k, v) -> json.putObject(k).put("p50", v[0]).put("p99", v[1]).put("mean", v[2]));
        double[] unc = stats.get("decisionUncached");
        double[] cached = stats.get("decisionCached");
        double[] peer = stats.get("seasonalNaiveForecast");
        double[] feat = stats.get("featureExtraction");
        json.putObject("decisionUncachedThreadCpu").put("p50", cpuP50).put("p99", cpuP99).put("samples", cpu.length);
        json.put("decisionWallP99UnderOneMillisecond", unc[1] < 1000);
        json.put("decisionCpuP99UnderOneMillisecond", cpuP99 < 1000);
        json.put("loadAverageDuringRun", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        json.put("uncachedOverCachedP50", unc[0] / cached[0]);
        json.put("uncachedOverSeasonalNaiveP50", unc[0] / peer[0]);
        json.put("featureExtractionOverUncachedDecisionP50", feat[0] / unc[0]);
        Files.writeString(out.resolve("decision.json"), json.toPrettyString());
        StringBuilder md = new StringBuilder("# Router decision time (JMH, sample mode, microseconds)\n\n");
        md.append("| benchmark | p50 | p99 | mean |\n|---|---|---|---|\n");
        stats.forEach((k, v) -> md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", k, v[0], v[1], v[2])));
        md.append(String.format(Locale.ROOT, "| decisionUncached (thread CPU time, %d samples) | %.2f | %.2f | |%n",
                cpu.length, cpuP50, cpuP99));
        md.append(String.format(Locale.ROOT, "%nLoad average during the run: %.1f on %d cores.%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        md.append(String.format(Locale.ROOT, "%nUncached decision p99 %.1f us (goal < 1000 us); uncached/cached p50 = %.1f; "
                + "uncached decision / seasonal-naive forecast p50 = %.1f; feature extraction / decision p50 = %.1f.%n",
                unc[1], unc[0] / cached[0], unc[0] / peer[0], feat[0] / unc[0]));
        Files.writeString(out.resolve("decision.md"), md.toString());
        System.out.println(md);
    }
}
