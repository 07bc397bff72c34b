package io.thalamus.bench.formats;

import io.thalamus.network.data.SharedData;
import io.thalamus.network.format.SndlibXmlReader;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import org.jgrapht.Graph;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.Pseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.graphml.GraphMLImporter;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The files the format benchmark reads, and the JGraphT peer import used for it. */
final class FormatFixtures {

    private FormatFixtures() {
    }

    static Path germany50Xml() {
        return SharedData.resolve("sndlib/xml/germany50/germany50.xml");
    }

    static Path kdlGraphml() {
        return SharedData.resolve("topology-zoo/graphml/Kdl.graphml");
    }

    /**
     * germany50 written as Topology Zoo style GraphML (label, Latitude, Longitude, LinkSpeedRaw), so JGraphT,
     * which has no SNDlib reader, can read the same network in its own format.
     */
    static Path germany50AsGraphml(Path dir) throws IOException {
        Topology t = SndlibXmlReader.read(germany50Xml());
        StringBuilder s = new StringBuilder(64 * 1024);
        s.append("<?xml version=\"1.0\" encoding=\"utf-8\"?><graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n")
                .append("  <key attr.name=\"label\" attr.type=\"string\" for=\"node\" id=\"d0\" />\n")
                .append("  <key attr.name=\"Latitude\" attr.type=\"double\" for=\"node\" id=\"d1\" />\n")
                .append("  <key attr.name=\"Longitude\" attr.type=\"double\" for=\"node\" id=\"d2\" />\n")
                .append("  <key attr.name=\"LinkSpeedRaw\" attr.type=\"double\" for=\"edge\" id=\"d3\" />\n")
                .append("  <graph edgedefault=\"undirected\">\n");
        Map<String, Integer> index = new HashMap<>();
        for (Node n : t.nodes()) {
            index.put(n.id(), index.size());
            s.append("    <node id=\"").append(index.get(n.id())).append("\">\n")
                    .append("      <data key=\"d0\">").append(n.name()).append("</data>\n")
                    .append("      <data key=\"d1\">").append(n.location().latitude()).append("</data>\n")
                    .append("      <data key=\"d2\">").append(n.location().longitude()).append("</data>\n")
                    .append("    </node>\n");
        }
        Set<String> written = new HashSet<>();
        for (Link l : t.links()) {
            if (written.add(l.physicalId())) {
                s.append("    <edge source=\"").append(index.get(l.source())).append("\" target=\"").append(index.get(l.target()))
                        .append("\">\n      <data key=\"d3\">").append(l.capacityBps()).append("</data>\n    </edge>\n");
            }
        }
        s.append("  </graph>\n</graphml>\n");
        Path out = dir.resolve("germany50.graphml");
        Files.writeString(out, s, StandardCharsets.UTF_8);
        return out;
    }

    /** What the peer produces: a JGraphT multigraph with every vertex and edge attribute kept. */
    record PeerGraph(Graph<String, DefaultEdge> graph, Map<Pair<String, String>, Attribute> vertexAttributes,
                     Map<Pair<DefaultEdge, String>, Attribute> edgeAttributes) {
    }

    /** JGraphT's own GraphML importer (schema validation off, as our reader does not validate against the XSD either). */
    static PeerGraph importWithJGraphT(Path file) throws IOException {
        Graph<String, DefaultEdge> g = new Pseudograph<>(DefaultEdge.class);
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setSchemaValidation(false);
        importer.setVertexFactory(id -> id);
        Map<Pair<String, String>, Attribute> va = new HashMap<>();
        Map<Pair<DefaultEdge, String>, Attribute> ea = new HashMap<>();
        importer.addVertexAttributeConsumer(va::put);
        importer.addEdgeAttributeConsumer(ea::put);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            importer.importGraph(g, r);
        }
        return new PeerGraph(g, va, ea);
    }
}
