package io.thalamus.sdnrouter.routing;

import io.thalamus.network.format.GraphMlReader;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads and prepares real topologies with latitude/longitude (Topology Zoo GraphML) for routing
 * evaluation. Preparing one keeps its largest connected component and weights with latitude/longitude every link by the
 * great-circle length between its ends in km (floored at 1 m for nodes at the same place, since
 * weights must be positive). A graph whose largest component has a node without coordinates is
 * skipped, with the reason, rather than altered.
 */
public final class GeographicTopologies {

    /** Smallest link weight in km. */
    public static final double MIN_WEIGHT_KM = 0.001;

    private GeographicTopologies() {
    }

    /**
     * The largest component with great-circle weights.
     *
     * @throws IllegalArgumentException when that component has fewer than two nodes or a node without coordinates
     */
    public static Topology prepare(Topology topology) {
        Topology lcc = topology.largestComponent();
        if (lcc.nodeCount() < 2) {
            throw new IllegalArgumentException("topology '" + topology.name() + "' has no connected component with two or more nodes");
        }
        for (Node n : lcc.nodes()) {
            if (!n.hasLocation()) {
                throw new IllegalArgumentException("node '" + n.id() + "' of topology '" + topology.name()
                        + "' has no latitude/longitude");
            }
        }
        java.util.Map<String, Node> byId = lcc.nodesById();
        return new Topology(topology.name(), lcc.nodes(), lcc.links().stream()
                .map(l -> l.withWeight(Math.max(MIN_WEIGHT_KM,
                        byId.get(l.source()).location().distanceKm(byId.get(l.target()).location()))))
                .toList());
    }

    /**
     * Topologies ready for routing, in file-name order, and the files left out with the reason.
     *
     * @param topologies prepared topologies, named after their files
     * @param skipped    file name to reason (parse error, node without coordinates, ...)
     */
    public record Loaded(List<Topology> topologies, Map<String, String> skipped) {
    }

    /**
     * Reads one GraphML file or every {@code *.graphml} file of a folder, and prepares each.
     *
     * @throws IllegalArgumentException when the path does not exist or a folder holds no GraphML file
     */
    public static Loaded loadGraphMl(Path fileOrFolder) {
        List<Path> files;
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> s = Files.list(fileOrFolder)) {
                files = s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".graphml"))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + fileOrFolder + ": " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("--graphml: folder " + fileOrFolder + " holds no .graphml file");
            }
        } else if (Files.isRegularFile(fileOrFolder)) {
            files = List.of(fileOrFolder);
        } else {
            throw new IllegalArgumentException("--graphml: no such file or folder: " + fileOrFolder);
        }
        List<Topology> ok = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            try {
                ok.add(prepare(GraphMlReader.read(f)));
            } catch (RuntimeException e) {
                skipped.put(name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        return new Loaded(ok, skipped);
    }
}
