package io.thalamus.deploy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.deploy.TopologyFiles;
import io.thalamus.network.format.TopologyJson;
import io.thalamus.network.topology.AppliedDefault;
import io.thalamus.network.topology.Topology;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code thalamus topology}: inspect and convert topology files (SNDlib, GraphML, Abilene Zhang, Thalamus JSON). */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "Inspect and convert topology files (SNDlib native/XML, Topology Zoo GraphML, Abilene Zhang, Thalamus JSON).",
        subcommands = {TopologyCommand.Info.class, TopologyCommand.Convert.class})
public final class TopologyCommand implements Runnable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The one-line JSON summary printed by {@code topology info}; links counted as in the file. */
    static ObjectNode summary(Topology t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("nodes", t.nodeCount());
        o.put("links", t.physicalLinkCount());
        o.put("demands", t.demands().size());
        o.put("components", t.components().size());
        o.put("totalCapacityBps", t.totalCapacityBps());
        ArrayNode defaults = o.putArray("defaultsApplied");
        for (AppliedDefault d : t.defaultsApplied()) {
            defaults.addObject().put("field", d.field()).put("rule", d.rule()).put("count", d.count());
        }
        return o;
    }

    /** {@code thalamus topology info FILE}. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Print one JSON object: nodes, links (as in the file), demands, components, total capacity and every default applied.")
    static final class Info implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Topology file (.txt SNDlib or Abilene Zhang, .xml SNDlib, .graphml, .json).")
        Path file;

        @Override
        public Integer call() throws IOException {
            Topology t = TopologyFiles.read(file);
            spec.commandLine().getOut().println(MAPPER.writeValueAsString(summary(t)));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code thalamus topology convert FILE --out FILE.json}. */
    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = "Convert a topology file to the Thalamus JSON format (docs/formats.md).")
    static final class Convert implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Topology file in any supported format.")
        Path file;

        @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "Where to write the JSON.")
        Path out;

        @Override
        public Integer call() {
            Topology t = TopologyFiles.read(file);
            try {
                TopologyJson.write(t, out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
            spec.commandLine().getOut().println("wrote " + out + " (" + t.nodeCount() + " nodes, "
                    + t.physicalLinkCount() + " links, " + t.demands().size() + " demands)");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
