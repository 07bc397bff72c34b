package io.thalamus.network.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadInputTest {

    @TempDir
    Path dir;

    private static final String NATIVE = """
            ?SNDlib native format; type: network; version: 1.0
            NODES (
              A ( 6.04 50.76 )
              B ( 10.90 48.33 )
              C ( 11.59 49.93 )
            )
            LINKS (
              L1 ( A B ) 0.00 0.00 0.00 0.00 ( 40.00 3290.00 )
              L2 ( B C ) 10.00 0.00 0.00 0.00 ( )
            )
            DEMANDS (
              D1 ( A C ) 1 5.00 UNLIMITED
            )
            """;

    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <network xmlns="http://sndlib.zib.de/network" version="1.0">
             <networkStructure>
              <nodes coordinatesType="geographical">
               <node id="A"><coordinates><x>6.04</x><y>50.76</y></coordinates></node>
               <node id="B"><coordinates><x>10.9</x><y>48.33</y></coordinates></node>
              </nodes>
              <links>
               <link id="L1"><source>A</source><target>B</target>
                <additionalModules><addModule><capacity>40.0</capacity><cost>1.0</cost></addModule></additionalModules>
               </link>
              </links>
             </networkStructure>
             <demands>
              <demand id="D1"><source>A</source><target>B</target><demandValue>3.0</demandValue></demand>
             </demands>
            </network>
            """;

    private static final String GRAPHML = """
            <?xml version="1.0" encoding="utf-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key attr.name="label" attr.type="string" for="node" id="d0" />
              <key attr.name="LinkSpeedRaw" attr.type="double" for="edge" id="d1" />
              <graph edgedefault="undirected">
                <node id="0"><data key="d0">Here</data></node>
                <node id="1"><data key="d0">There</data></node>
                <edge source="0" target="1"><data key="d1">1000000000.0</data></edge>
              </graph>
            </graphml>
            """;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private void assertNative(String text, String... fragments) throws IOException {
        Path f = write("bad.txt", text);
        assertThatThrownBy(() -> SndlibNativeReader.read(f))
                .isInstanceOf(TopologyFormatException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContainingAll(fragments);
    }

    @Test
    void wellFormedFixturesRead() throws IOException {
        assertThat(SndlibNativeReader.read(write("ok.txt", NATIVE)).physicalLinkCount()).isEqualTo(2);
        assertThat(SndlibXmlReader.read(write("ok.xml", XML)).demands()).hasSize(1);
        assertThat(GraphMlReader.read(write("ok.graphml", GRAPHML)).linkCount()).isEqualTo(2);
    }

    @Test
    void nativeLinkWithUnknownNodeNamesTheLineAndNode() throws IOException {
        assertNative(NATIVE.replace("L2 ( B C )", "L2 ( B Z )"), "line 9", "unknown node 'Z'");
    }

    @Test
    void nativeDemandWithUnknownNodeIsRejected() throws IOException {
        assertNative(NATIVE.replace("D1 ( A C )", "D1 ( A Q )"), "line 12", "demand 'D1'", "unknown node 'Q'");
    }

    @Test
    void nativeDuplicateNodeIdIsRejected() throws IOException {
        assertNative(NATIVE.replace("C ( 11.59", "A ( 11.59"), "line 5", "duplicate node id 'A'");
    }

    @Test
    void nativeDuplicateLinkIdIsRejected() throws IOException {
        assertNative(NATIVE.replace("L2 (", "L1 ("), "line 9", "duplicate link id 'L1'");
    }

    @Test
    void nativeNegativeAndNaNCapacitiesAreRejected() throws IOException {
        assertNative(NATIVE.replace("L2 ( B C ) 10.00", "L2 ( B C ) -10.00"), "line 9", "pre-installed capacity", "-10.0");
        assertNative(NATIVE.replace("L2 ( B C ) 10.00", "L2 ( B C ) NaN"), "line 9", "pre-installed capacity", "NaN");
        assertNative(NATIVE.replace("( 40.00 3290.00 )", "( -40.00 3290.00 )"), "line 8", "module capacity");
    }

    @Test
    void nativeTruncatedFileNamesTheOpenSection() throws IOException {
        String truncated = NATIVE.substring(0, NATIVE.indexOf("  L2"));
        assertNative(truncated, "section LINKS", "not closed");
    }

    @Test
    void nativeMalformedLinkLineSaysWhatWasExpected() throws IOException {
        assertNative(NATIVE.replace("L2 ( B C ) 10.00 0.00 0.00 0.00 ( )", "L2 ( B C ) 10.00"), "line 9", "expected '<link_id> (");
    }

    @Test
    void xmlTruncatedFileNamesLine() throws IOException {
        Path f = write("cut.xml", XML.substring(0, XML.indexOf("</links>")));
        assertThatThrownBy(() -> SndlibXmlReader.read(f))
                .isInstanceOf(TopologyFormatException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("line ")
                .hasMessageContaining("truncated");
    }

    @Test
    void xmlDemandWithUnknownNodeNamesTheElement() throws IOException {
        Path f = write("bad.xml", XML.replace("<demand id=\"D1\"><source>A</source>", "<demand id=\"D1\"><source>X</source>"));
        assertThatThrownBy(() -> SndlibXmlReader.read(f))
                .isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(f.toString(), "element <demand>", "line 15", "unknown node 'X'");
    }

    @Test
    void xmlNonNumericCapacityIsRejected() throws IOException {
        Path f = write("bad.xml", XML.replace("<capacity>40.0</capacity>", "<capacity>lots</capacity>"));
        assertThatThrownBy(() -> SndlibXmlReader.read(f))
                .isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(f.toString(), "<capacity>", "line 10", "expected a number", "lots");
    }

    @Test
    void graphmlTruncatedUnknownNodeDuplicateIdAndNegativeSpeedAreRejected() throws IOException {
        Path cut = write("cut.graphml", GRAPHML.substring(0, GRAPHML.indexOf("<edge")));
        assertThatThrownBy(() -> GraphMlReader.read(cut)).isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(cut.toString(), "line ", "truncated");
        Path unknown = write("unknown.graphml", GRAPHML.replace("target=\"1\"", "target=\"7\""));
        assertThatThrownBy(() -> GraphMlReader.read(unknown)).isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(unknown.toString(), "line 8", "<edge>", "unknown node '7'");
        Path dup = write("dup.graphml", GRAPHML.replace("<node id=\"1\">", "<node id=\"0\">"));
        assertThatThrownBy(() -> GraphMlReader.read(dup)).isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(dup.toString(), "line 7", "duplicate node id '0'");
        Path negative = write("neg.graphml", GRAPHML.replace("1000000000.0", "-5"));
        assertThatThrownBy(() -> GraphMlReader.read(negative)).isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(negative.toString(), "line 8", "positive number of bit/s");
        Path nan = write("nan.graphml", GRAPHML.replace("1000000000.0", "NaN"));
        assertThatThrownBy(() -> GraphMlReader.read(nan)).isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(nan.toString(), "line 8", "positive number of bit/s", "NaN");
    }

    @Test
    void totemCsvTruncatedRowAndTruncatedGzipAreRejected() throws IOException {
        String csv = "time,1_1,1_2,2_1,2_2\n2005-01-01T00:30:00,1,2,,4\n2005-01-01T00:45:00,1,2\n";
        Path f = write("t.csv", csv);
        assertThatThrownBy(() -> TotemCsvReader.read(f)).isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(f.toString(), "line 3", "expected 5 fields", "got 3");

        StringBuilder big = new StringBuilder("time,1_1,1_2,2_1,2_2\n");
        for (int i = 0; i < 20000; i++) {
            big.append(java.time.LocalDateTime.of(2005, 1, 1, 0, 0).plusMinutes(15L * i)).append(":00,")
                    .append(i).append(',').append(i * 0.37).append(",,").append(i % 7).append('\n');
        }
        byte[] gz = gzip(big.toString());
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> TotemCsvReader.read(cut)).isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(cut.toString(), "line ");
    }

    @Test
    void totemNegativeRateIsRejected() throws IOException {
        Path f = write("neg.csv", "time,1_1,1_2,2_1,2_2\n2005-01-01T00:30:00,1,-2,,4\n");
        assertThatThrownBy(() -> TotemCsvReader.read(f)).isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(f.toString(), "line 2", "1_2", "non-negative");
    }

    @Test
    void sndlibDynamicBadNumberAndUnknownNodeAreRejected() throws IOException {
        Path f = write("d.csv", "time,source,target,value_mbps\n20040301-0000,A,B,0.5\n20040301-0000,A,C,abc\n");
        assertThatThrownBy(() -> SndlibDynamicCsvReader.read(f)).isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(f.toString(), "line 3", "value_mbps", "abc");
        Path g = write("e.csv", "time,source,target,value_mbps\n20040301-0000,A,B,0.5\n20040301-0000,A,C,1\n");
        assertThatThrownBy(() -> SndlibDynamicCsvReader.read(g, java.util.List.of("A", "B")))
                .isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(g.toString(), "line 3", "unknown node 'C'");
    }

    @Test
    void abileneZhangShortFileIsRejected() throws IOException {
        Path f = write("Abilene.txt", "Node_num: 3\tEdge_num: 4\nLink_index\tSource\tDestination\tOSPF\tCapacity(kbps)\n"
                + "0\t0\t1\t1\t100\n1\t1\t0\t1\t100\n2\t1\t2\t1\t100\n");
        assertThatThrownBy(() -> AbileneZhangReader.readTopology(f)).isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(f.toString(), "Edge_num: 4", "3 links");
        Path g = write("Abilene2.txt", "Node_num: 3\tEdge_num: 1\nLink_index\tSource\tDestination\tOSPF\tCapacity(kbps)\n"
                + "0\t0\t5\t1\t100\n");
        assertThatThrownBy(() -> AbileneZhangReader.readTopology(g)).isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(g.toString(), "line 3", "unknown node 5");
    }

    @Test
    void readersDetectFormatAndRejectUnknownOnes() throws IOException {
        assertThat(TopologyReaders.detect(write("n.txt", NATIVE))).isEqualTo(TopologyReaders.Format.SNDLIB_NATIVE);
        assertThat(TopologyReaders.detect(write("n.xml", XML))).isEqualTo(TopologyReaders.Format.SNDLIB_XML);
        assertThat(TopologyReaders.detect(write("n.graphml", GRAPHML))).isEqualTo(TopologyReaders.Format.GRAPHML);
        Path odd = write("odd.txt", "hello world\n");
        assertThatThrownBy(() -> TopologyReaders.read(odd)).isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(odd.toString(), "unrecognised text format");
        Path csv = write("x.csv", "a,b\n");
        assertThatThrownBy(() -> TopologyReaders.read(csv)).isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(csv.toString(), "unsupported topology format");
        assertThatThrownBy(() -> TopologyReaders.read(dir.resolve("missing.json"))).isInstanceOf(TopologyFormatException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void totemDomainLinkWithUnknownNodeNamesTheElement() throws IOException {
        Path f = write("domain.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <domain ASID="1">
                  <info><units><unit type="bandwidth" value="kbps"/></units></info>
                  <topology>
                    <nodes><node id="1"/><node id="2"/></nodes>
                    <links>
                      <link id="1_2"><from node="1"/><to node="2"/><capacity value="1000"/></link>
                      <link id="2_3"><from node="2"/><to node="3"/></link>
                    </links>
                  </topology>
                </domain>
                """);
        assertThat(TopologyReaders.detect(f)).isEqualTo(TopologyReaders.Format.TOTEM_XML);
        assertThatThrownBy(() -> TopologyReaders.read(f)).isInstanceOf(TopologyFormatException.class)
                .hasMessageContainingAll(f.toString(), "line 8", "link '2_3'", "unknown node '3'");
    }

    private static byte[] gzip(String s) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
