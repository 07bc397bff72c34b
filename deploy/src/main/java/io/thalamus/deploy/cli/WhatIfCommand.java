package io.thalamus.deploy.cli;

import io.thalamus.deploy.TopologyFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.topology.Topology;
import io.thalamus.twin.core.NetworkTwin;
import io.thalamus.twin.scenario.Scenario;
import io.thalamus.twin.scenario.ScenarioJson;
import io.thalamus.twin.scenario.WhatIf;
import io.thalamus.twin.scenario.WhatIfJson;
import io.thalamus.twin.scenario.WhatIfResult;
import io.thalamus.twin.sweep.FailureKind;
import io.thalamus.twin.sweep.FailureSweep;
import io.thalamus.twin.sweep.SweepJson;
import io.thalamus.twin.sweep.SweepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code thalamus whatif}: runs a scenario on the digital twin, or a failure sweep. */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = "Run a what-if scenario on a twin of the network and print before/after KPIs and the flows it hurts.",
        subcommands = {WhatIfCommand.Sweep.class})
public final class WhatIfCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--topology", description = "Topology file (Thalamus JSON, SNDlib, GraphML, TOTEM XML).")
    Path topology;

    @Option(names = "--flows", description = "Flow set (Thalamus flow JSON).")
    Path flows;

    @Option(names = "--flows-from-demands", description = "One flow per demand of the topology file.")
    boolean flowsFromDemands;

    @Option(names = "--scenario", description = "Scenario JSON (see docs/twin.md).")
    Path scenario;

    @Option(names = "--out", description = "Write the result JSON here as well.")
    Path out;

    @Option(names = "--max-impacts", defaultValue = "50", description = "Flows listed in the result (default: ${DEFAULT-VALUE}).")
    int maxImpacts;

    @Override
    public Integer call() throws Exception {
        if (topology == null || scenario == null) {
            throw new IllegalArgumentException("whatif needs --topology and --scenario (or use 'whatif sweep')");
        }
        Topology t = TopologyFiles.read(topology);
        List<Flow> f = TwinInputs.flows(t, flows, flowsFromDemands);
        NetworkTwin twin = new NetworkTwin(t, f);
        Scenario s = ScenarioJson.read(scenario, t, f);
        WhatIfResult r = WhatIf.run(twin, s);
        ObjectNode json = WhatIfJson.toTree(r, maxImpacts);
        String text = JSON.writeValueAsString(json);
        CommandOutput.emit(spec, out, text);
        return 0;
    }

    /** {@code thalamus whatif sweep}: every single failure of a kind, worst first. */
    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = "Fail every physical link, node or shared-risk group in turn and rank the failures by damage.")
    static final class Sweep implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--topology", required = true, description = "Topology file.")
        Path topology;

        @Option(names = "--flows", description = "Flow set (Thalamus flow JSON).")
        Path flows;

        @Option(names = "--flows-from-demands", description = "One flow per demand of the topology file.")
        boolean flowsFromDemands;

        @Option(names = "--failures", required = true, description = "single-link, single-node or srlg.")
        String failures;

        @Option(names = "--top", defaultValue = "10", description = "How many of the worst failures to list (default: ${DEFAULT-VALUE}).")
        int top;

        @Option(names = "--out", description = "Write the result JSON here as well.")
        Path out;

        @Override
        public Integer call() throws Exception {
            FailureKind kind = FailureKind.parse(failures);
            if (top < 1) {
                throw new IllegalArgumentException("--top must be >= 1, got " + top);
            }
            Topology t = TopologyFiles.read(topology);
            List<Flow> f = TwinInputs.flows(t, flows, flowsFromDemands);
            NetworkTwin twin = new NetworkTwin(t, f);
            SweepResult r = new FailureSweep(twin.model(), twin.routing()).run(kind);
            if (r.ranked().isEmpty() && kind == FailureKind.SRLG) {
                throw new IllegalArgumentException("--failures srlg: topology '" + t.name() + "' defines no shared-risk link groups");
            }
            String text = JSON.writeValueAsString(SweepJson.toTree(r, top));
            CommandOutput.emit(spec, out, text);
            return 0;
        }
    }
}
