package io.thalamus.deploy;

import io.thalamus.network.format.TopologyReaders;
import io.thalamus.network.topology.Topology;

import java.nio.file.Path;

/** Opens a topology file by its extension and content (every format of {@link TopologyReaders}). */
public final class TopologyFiles {

    private TopologyFiles() {
    }

    /** Reads a topology in any supported format. @throws io.thalamus.network.format.TopologyFormatException for bad input */
    public static Topology read(Path file) {
        return TopologyReaders.read(file);
    }
}
