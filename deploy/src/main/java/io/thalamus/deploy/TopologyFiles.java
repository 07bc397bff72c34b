package io.thalamus.deploy;

import io.thalamus.network.format.TopologyFormatException;
import io.thalamus.network.format.TopologyJson;
import io.thalamus.network.topology.Topology;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a topology file by its extension and content. */
public final class TopologyFiles {

    private TopologyFiles() {
    }

    /** Reads a topology in any supported format. */
    public static Topology read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TopologyFormatException(file.toString(), "", "no such file");
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".json")) {
            return TopologyJson.read(file);
        }
        throw new TopologyFormatException(file.toString(), "", "unsupported topology format (expected .json, SNDlib .txt/.xml or .graphml)");
    }
}
