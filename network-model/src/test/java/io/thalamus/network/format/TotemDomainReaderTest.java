package io.thalamus.network.format;

import io.thalamus.network.data.SharedData;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotemDomainReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheGeantDomainWithCapacitiesInBitsPerSecond() {
        Assumptions.assumeTrue(SharedData.root().isPresent(), "shared data folder not found (set THALAMUS_DATA)");
        Path f = SharedData.resolve("traffic/geant-totem/topology-anonymised.with-capacity-GreenSDN.xml");
        assertTrue(TotemDomainReader.isTotemDomain(f));
        Topology t = TotemDomainReader.read(f);
        assertEquals(23, t.nodeCount());
        assertEquals(74, t.linkCount());
        // PROVENANCE.md: 38 x 10,000,000, 28 x 2,500,000 and 8 x 155,000 kbit/s.
        assertEquals(38, t.links().stream().filter(l -> l.capacityBps() == 10e9).count());
        assertEquals(28, t.links().stream().filter(l -> l.capacityBps() == 2.5e9).count());
        assertEquals(8, t.links().stream().filter(l -> l.capacityBps() == 155e6).count());
        assertEquals(t.link("10_3").physicalId(), t.link("3_10").physicalId());
    }

    @Test
    void aDomainWithoutCapacitiesIsRefusedNamingTheLink() throws IOException {
        Path f = dir.resolve("d.xml");
        Files.writeString(f, "<domain ASID=\"1\"><topology><nodes><node id=\"1\"/><node id=\"2\"/></nodes>"
                + "<links><link id=\"1_2\"><from node=\"1\"/><to node=\"2\"/></link></links></topology></domain>");
        TopologyFormatException e = assertThrows(TopologyFormatException.class, () -> TotemDomainReader.read(f));
        assertTrue(e.getMessage().contains("'1_2'"), e.getMessage());
        Path other = dir.resolve("n.xml");
        Files.writeString(other, "<network/>");
        assertFalse(TotemDomainReader.isTotemDomain(other));
    }
}
