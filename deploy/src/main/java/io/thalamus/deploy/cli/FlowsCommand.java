package io.thalamus.deploy.cli;

import io.thalamus.deploy.TopologyFiles;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.FlowJson;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.admission.PfarFlowGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code thalamus flows}: flow-set tools. */
@Command(name = "flows", mixinStandardHelpOptions = true, description = "Flow-set tools.",
        subcommands = {FlowsCommand.Generate.class})
public final class FlowsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code thalamus flows generate}: a seeded PFAR-style flow set for a topology. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Generate a seeded PFAR-style flow set (see docs/admission.md for the distributions).")
    public static final class Generate implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--topology", required = true, description = "Topology file.")
        Path topology;

        @Option(names = "--count", required = true, description = "Number of flows.")
        int count;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--load-factor", defaultValue = "1.2",
                description = "Offered load with every flow on its shortest path (default: ${DEFAULT-VALUE}).")
        double loadFactor;

        @Option(names = "--load-measure", defaultValue = "peak",
                description = "What the load factor measures: peak (busiest link) or mean (all links) utilisation (default: ${DEFAULT-VALUE}).")
        String loadMeasure;

        @Option(names = "--priorities", defaultValue = "3", description = "Number of priority classes (default: ${DEFAULT-VALUE}).")
        int priorities;

        @Option(names = "--out", description = "Output file (default: standard output).")
        Path out;

        @Override
        public Integer call() throws Exception {
            Topology t = TopologyFiles.read(topology);
            List<Flow> flows = PfarFlowGenerator.generate(t, count, seed, loadFactor, priorities,
                    PfarFlowGenerator.LoadMeasure.parse(loadMeasure));
            String json = FlowJson.write(flows, t.name());
            if (out != null) {
                Files.writeString(out, json);
                spec.commandLine().getOut().println("wrote " + flows.size() + " flows to " + out);
            } else {
                spec.commandLine().getOut().println(json);
            }
            return 0;
        }
    }
}
