package io.thalamus.deploy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.routing.NetRouterBench;
import io.thalamus.models.corpus.CorpusSpec;
import io.thalamus.network.data.SharedData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code thalamus router}: train and evaluate the model router on NetRouterBench, or evaluate a saved router. */
@Command(name = "router", mixinStandardHelpOptions = true, description = "Benchmark and evaluate the model router.",
        subcommands = {RouterCommand.Bench.class, RouterCommand.Eval.class})
public final class RouterCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code thalamus router bench}. */
    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Build NetRouterBench from the shared data, run every model, train the router on the train "
                    + "split, evaluate on the test split; writes outcomes.jsonl, router.json, results.json, results.md.")
    static final class Bench implements Callable<Integer> {
        @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "bench/results/router")
        Path out;

        @Option(names = "--data", description = "Shared data folder (default: THALAMUS_DATA or ../shared/data).")
        Path data;

        @Option(names = "--series-per-family", description = "Series drawn per data set (default: ${DEFAULT-VALUE}).",
                defaultValue = "90")
        int seriesPerFamily;

        @Option(names = "--seed", description = "Seed of the corpus (default: ${DEFAULT-VALUE}).", defaultValue = "20261127")
        long seed;

        @Option(names = "--origins", description = "Rolling forecast origins per forecasting task (default: ${DEFAULT-VALUE}).",
                defaultValue = "1")
        int origins;

        @Override
        public Integer call() {
            Path root = data != null ? data : SharedData.root().orElseThrow(() -> new IllegalArgumentException(
                    "shared data folder not found: pass --data or set THALAMUS_DATA"));
            if (seriesPerFamily < 5) {
                throw new IllegalArgumentException("--series-per-family: must be >= 5, got " + seriesPerFamily);
            }
            CorpusSpec std = CorpusSpec.standard();
            if (origins < 1) {
                throw new IllegalArgumentException("--origins: must be >= 1, got " + origins);
            }
            CorpusSpec spec = new CorpusSpec(seriesPerFamily, std.forecastWindows(), std.anomalyWindows(),
                    std.trainFraction(), seed, origins);
            NetRouterBench.Result r = NetRouterBench.run(root, out, spec, System.out);
            System.out.println(r.markdown());
            System.out.println("wrote " + out.resolve("results.json") + ", " + out.resolve("results.md") + ", "
                    + out.resolve("router.json") + ", " + out.resolve("outcomes.jsonl"));
            return 0;
        }
    }

    /** {@code thalamus router eval}. */
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Evaluate a saved router on forecasting tasks cut from a wide CSV series file (TOTEM layout).")
    static final class Eval implements Callable<Integer> {
        @Option(names = "--router", required = true, description = "router.json written by 'router bench'.")
        Path router;

        @Option(names = "--forecast-series", required = true, description = "Wide CSV: time column, one column per series.")
        Path series;

        @Option(names = "--out", description = "Also write the result JSON here.")
        Path out;

        @Option(names = "--seed", description = "Seed of the windows (default: ${DEFAULT-VALUE}).", defaultValue = "7")
        long seed;

        @Option(names = "--origins", description = "Rolling forecast origins per task, as in 'router bench' (default: ${DEFAULT-VALUE}).",
                defaultValue = "1")
        int origins;

        @Override
        public Integer call() throws Exception {
            for (Path p : new Path[] {router, series}) {
                if (!Files.isRegularFile(p)) {
                    throw new java.nio.file.NoSuchFileException(p.toString());
                }
            }
            if (origins < 1) {
                throw new IllegalArgumentException("--origins: must be >= 1, got " + origins);
            }
            ObjectNode r = NetRouterBench.evaluateForecastFile(router, series, seed, origins);
            System.out.println(r.toString());
            if (out != null) {
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                Files.writeString(out, r.toPrettyString(), StandardCharsets.UTF_8);
            }
            return 0;
        }
    }
}
