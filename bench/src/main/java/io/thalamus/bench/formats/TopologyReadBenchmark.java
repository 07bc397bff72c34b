package io.thalamus.bench.formats;

import io.thalamus.network.format.GraphMlReader;
import io.thalamus.network.format.SndlibXmlReader;
import io.thalamus.network.topology.Topology;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reading real topologies: our SNDlib XML and GraphML readers against JGraphT's GraphML importer (the peer).
 * Kdl (754 nodes, 899 edges) is read by both from the same Topology Zoo file; germany50 is read by us from
 * SNDlib XML and, since JGraphT has no SNDlib reader, by both from the same network written as GraphML.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class TopologyReadBenchmark {

    private Path germany50Xml;
    private Path germany50Graphml;
    private Path kdl;
    private Path tmp;

    @Setup
    public void setUp() throws IOException {
        tmp = Files.createTempDirectory("thalamus-bench-formats");
        germany50Xml = FormatFixtures.germany50Xml();
        germany50Graphml = FormatFixtures.germany50AsGraphml(tmp);
        kdl = FormatFixtures.kdlGraphml();
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(germany50Graphml);
        Files.deleteIfExists(tmp);
    }

    @Benchmark
    public Topology germany50SndlibXmlOurs() {
        return SndlibXmlReader.read(germany50Xml);
    }

    @Benchmark
    public Topology germany50GraphmlOurs() {
        return GraphMlReader.read(germany50Graphml);
    }

    @Benchmark
    public FormatFixtures.PeerGraph germany50GraphmlJGraphT() throws IOException {
        return FormatFixtures.importWithJGraphT(germany50Graphml);
    }

    @Benchmark
    public Topology kdlGraphmlOurs() {
        return GraphMlReader.read(kdl);
    }

    @Benchmark
    public FormatFixtures.PeerGraph kdlGraphmlJGraphT() throws IOException {
        return FormatFixtures.importWithJGraphT(kdl);
    }
}
