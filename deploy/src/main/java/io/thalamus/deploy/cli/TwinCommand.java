package io.thalamus.deploy.cli;

import io.thalamus.deploy.TopologyFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.format.TotemCsvReader;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Topology;
import io.thalamus.network.traffic.TrafficSeries;
import io.thalamus.twin.fidelity.CorrectionTraining;
import io.thalamus.twin.fidelity.DelayCorrection;
import io.thalamus.twin.fidelity.FidelityEvaluation;
import io.thalamus.twin.fidelity.FidelityReport;
import io.thalamus.twin.fidelity.RouteNetReader;
import io.thalamus.twin.fidelity.RouteNetSample;
import io.thalamus.twin.replay.Replay;
import io.thalamus.twin.replay.ReplayResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code thalamus twin}: the digital twin's offline tools (fidelity, replay, training). */
@Command(name = "twin", mixinStandardHelpOptions = true,
        description = "Digital twin tools: fidelity against a packet-level simulator, traffic replay, training the delay and loss correction.",
        subcommands = {TwinCommand.EvalRouteNet.class, TwinCommand.ReplayCmd.class, TwinCommand.TrainRouteNet.class})
public final class TwinCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code thalamus twin eval-routenet}: per-path delay MAPE against the RouteNet samples of one split. */
    @Command(name = "eval-routenet", mixinStandardHelpOptions = true,
            description = "Compare the twin's per-path delay and loss with the packet-level simulator on one RouteNet split folder.")
    static final class EvalRouteNet implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--data", required = true, description = "A split folder (gnnet_data_set_*.tar.gz, graphs/, routings/).")
        Path data;

        @Option(names = "--model", defaultValue = "calibrated", description = "analytic or calibrated (default: ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--correction", description = "Weights file instead of the shipped correction.")
        Path correction;

        @Option(names = "--out", description = "Write the result JSON here as well.")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (!model.equals("analytic") && !model.equals("calibrated")) {
                throw new IllegalArgumentException("--model: expected analytic or calibrated, got '" + model + "'");
            }
            if (!Files.isDirectory(data)) {
                throw new IllegalArgumentException("--data: no such folder " + data);
            }
            List<RouteNetSample> samples = new RouteNetReader(data).readAll();
            DelayCorrection c = model.equals("analytic") ? null
                    : correction != null ? DelayCorrection.read(correction) : DelayCorrection.shipped();
            FidelityReport r = FidelityEvaluation.evaluate(samples, c);
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("paths", r.paths());
            o.put("delayMape", r.delayMape());
            o.put("delayMapeAnalytic", r.delayMapeAnalytic());
            o.put("lossMae", r.lossMae());
            o.put("lossMaeAnalytic", r.lossMaeAnalytic());
            o.put("samples", r.samples());
            o.put("model", r.model());
            String text = new ObjectMapper().writeValueAsString(o);
            CommandOutput.emit(spec, out, text);
            return 0;
        }
    }

    /** {@code thalamus twin train-routenet}: trains the delay and loss correction and writes weights and model card. */
    @Command(name = "train-routenet", mixinStandardHelpOptions = true,
            description = "Train the learned delay and loss correction on a RouteNet train split (settings chosen by leave-one-topology-out "
                    + "cross-validation inside it) and write its weights and model card.")
    static final class TrainRouteNet implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--train", required = true, description = "The train split folder (NSFNET, GEANT2).")
        Path train;

        @Option(names = "--validation", description = "A split never used for training, measured for the model card.")
        Path validation;

        @Option(names = "--out-dir", required = true, description = "Folder for routenet-correction.json and its card.")
        Path outDir;

        @Override
        public Integer call() throws Exception {
            CorrectionTraining.Outcome o = CorrectionTraining.train(train, validation, System.err);
            CorrectionTraining.write(o, outDir);
            spec.commandLine().getOut().println(o.card().toPrettyString());
            return 0;
        }
    }

    /** {@code thalamus twin replay}: steps a measured traffic series through the twin. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Replay a traffic matrix series (TOTEM wide CSV) over a topology; write per-link utilisation as CSV.")
    static final class ReplayCmd implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--topology", required = true, description = "Topology file (TOTEM domain XML, SNDlib, GraphML, JSON).")
        Path topology;

        @Option(names = "--series", required = true, description = "Traffic series (TOTEM wide CSV, .csv or .csv.gz).")
        Path series;

        @Option(names = "--threshold", defaultValue = "0.8", description = "Flag intervals with a link above this utilisation (default: ${DEFAULT-VALUE}).")
        double threshold;

        @Option(names = "--out", description = "Per-link utilisation CSV (time, one column per link, max, flag).")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (!(threshold > 0)) {
                throw new IllegalArgumentException("--threshold must be > 0, got " + threshold);
            }
            Topology t = TopologyFiles.read(topology);
            TrafficSeries s = TotemCsvReader.read(series);
            ReplayResult r = new Replay(t, RoutingFunction.shortestPath()).run(s, threshold);
            if (r.pairsRouted() == 0) {
                throw new IllegalArgumentException("--series: no origin-destination pair of '" + s.name()
                        + "' matches two nodes of topology '" + t.name() + "'");
            }
            if (out != null) {
                try (Writer w = Files.newBufferedWriter(out)) {
                    r.writeCsv(w);
                }
            }
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("intervals", r.times().size());
            o.put("links", r.linkIds().size());
            o.put("pairsRouted", r.pairsRouted());
            o.put("pairsSkipped", r.pairsSkipped());
            o.put("missingCells", r.missingCells());
            o.put("threshold", threshold);
            o.put("intervalsFlagged", r.flagged().size());
            o.put("intervalsPerSecond", Math.round(r.intervalsPerSecond()));
            double[] max = r.maxUtilisation();
            double peak = 0;
            for (double m : max) {
                peak = Math.max(peak, m);
            }
            o.put("peakUtilisation", peak);
            var flags = o.putArray("firstFlagged");
            r.flagged().stream().limit(10).forEach(f -> flags.addObject().put("time", f.time().toString())
                    .put("worstLink", f.worstLink()).put("utilisation", f.utilisation()).put("linksAbove", f.linksAbove()));
            spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(o));
            return 0;
        }
    }
}
