package io.thalamus.network.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.generate.PfarFlowGenerator;
import io.thalamus.network.generate.UnitDiskGraphGenerator;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSchemaAndRoundTripTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The schemas live once, in the repository's docs folder. */
    static Schema schema(String file) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs").resolve(file))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/" + file + " above the working directory").isNotNull();
        try (InputStream in = Files.newInputStream(dir.resolve("docs").resolve(file))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    private static List<Topology> realTopologies() {
        return List.of(
                SndlibXmlReader.read(SndlibReadersTest.xmlFile("germany50")),
                SndlibNativeReader.read(SndlibReadersTest.nativeFile("atlanta")),
                GraphMlReader.read(SharedDataSupport.data("topology-zoo/graphml/Geant2012.graphml")),
                GraphMlReader.read(SharedDataSupport.data("topology-zoo/graphml/Kdl.graphml")),
                AbileneZhangReader.readTopology(SharedDataSupport.data("traffic/abilene-zhang/Abilene.txt")),
                UnitDiskGraphGenerator.of(30, 4).generate(1));
    }

    @Test
    void topologyJsonOfRealInstancesValidatesAgainstTheSchema() throws IOException {
        Schema schema = schema("topology.schema.json");
        for (Topology t : realTopologies()) {
            List<Error> errors = schema.validate(MAPPER.readTree(TopologyJson.write(t)));
            assertThat(errors).as(t.name()).isEmpty();
        }
    }

    @Test
    void schemaRejectsWhatTheReaderRejects() throws IOException {
        Schema schema = schema("topology.schema.json");
        JsonNode bad = MAPPER.readTree("""
                {"format":"thalamus-topology","version":1,"nodes":[{"id":"a","latitude":95}],
                 "links":[{"id":"l","source":"a","target":"b","capacityBps":-1,"propagationDelayMs":1}]}""");
        List<Error> errors = schema.validate(bad);
        assertThat(errors).extracting(e -> e.getInstanceLocation().toString())
                .anySatisfy(p -> assertThat(p).contains("nodes").contains("0"))
                .anySatisfy(p -> assertThat(p).contains("capacityBps"));
    }

    @Test
    void topologyJsonRoundTripsRealInstancesExactly() {
        for (Topology t : realTopologies()) {
            String json = TopologyJson.write(t);
            Topology back = TopologyJson.parse(json, t.name() + ".json");
            assertThat(back.nodes()).as(t.name()).isEqualTo(t.nodes());
            assertThat(back.links()).as(t.name()).containsExactlyInAnyOrderElementsOf(t.links());
            assertThat(back.demands()).as(t.name()).isEqualTo(t.demands());
            assertThat(back.defaultsApplied()).as(t.name()).isEqualTo(t.defaultsApplied());
            assertThat(TopologyJson.write(back)).isEqualTo(json);
        }
    }

    @Test
    void generatedFlowJsonValidatesAgainstTheFlowSchema() throws IOException {
        Topology t = UnitDiskGraphGenerator.of(20, 4).generateConnected(2, 1000);
        List<Flow> flows = new PfarFlowGenerator(50, 3, 10, 0.8).generate(t, 5);
        String json = FlowJson.write(flows, t.name());
        assertThat(schema("flows.schema.json").validate(MAPPER.readTree(json))).isEmpty();
        assertThat(FlowJson.parse(json, "flows.json", t)).isEqualTo(flows);
        assertThat(schema("flows.schema.json").validate(MAPPER.readTree("[{\"id\":\"f\",\"source\":\"a\",\"destination\":\"b\",\"bandwidthBps\":0}]")))
                .isNotEmpty();
    }

    @Test
    void aFieldGivenTwiceInATopologyOrFlowFileIsRejectedByName() {
        Topology t = UnitDiskGraphGenerator.of(20, 4).generateConnected(2, 1000);
        String topology = TopologyJson.write(t).replaceFirst("\\{", "{\"version\": 1,");
        assertThatThrownBy(() -> TopologyJson.parse(topology, "twice.json"))
                .isInstanceOf(TopologyFormatException.class).hasMessageContaining("twice.json").hasMessageContaining("'version'");
        String flows = FlowJson.write(new PfarFlowGenerator(50, 3, 10, 0.8).generate(t, 5), t.name())
                .replaceFirst("\"bandwidthBps\"", "\"bandwidthBps\": 1, \"bandwidthBps\"");
        assertThatThrownBy(() -> FlowJson.parse(flows, "flows.json", t))
                .hasMessageContaining("flows.json").hasMessageContaining("'bandwidthBps'");
    }
}
