package io.thalamus.sdnrouter.controller;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.ControllerEvent;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFFlowModFailedCode;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.protocol.OFStatsRequest;
import org.projectfloodlight.openflow.protocol.OFStatsType;
import org.projectfloodlight.openflow.protocol.OFType;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;

import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The controller's OpenFlow 1.3 conversation with two scripted switches (messages built and parsed by openflowj,
 * over real loopback sockets): handshake, FLOW_MODs confirmed by barriers, rollback when a switch rejects one,
 * flow statistics and PORT_STATUS. Runs anywhere; the Open vSwitch lab tests cover the real switch.
 */
class OpenFlowControllerProtocolTest {

    private static final OFFactory OF = OFFactories.getFactory(OFVersion.OF_13);

    private Topology topology;
    private DataPlaneWiring wiring;
    private OpenFlowController controller;
    private final List<ScriptedSwitch> switches = new ArrayList<>();

    /** A switch that answers the handshake, barriers and flow statistics, and records what it is sent. */
    static final class ScriptedSwitch implements AutoCloseable {
        final long dpid;
        final List<OFMessage> received = new CopyOnWriteArrayList<>();
        final List<OFFlowAdd> table = new CopyOnWriteArrayList<>();
        volatile boolean rejectFlowAdds;
        /** What happens to a PACKET_OUT (a test wires it to another switch's PACKET_IN); null drops it. */
        volatile java.util.function.Consumer<org.projectfloodlight.openflow.protocol.OFPacketOut> onPacketOut;
        final SwitchConnection conn;

        ScriptedSwitch(int controllerPort, long dpid) throws Exception {
            this.dpid = dpid;
            this.conn = new SwitchConnection(new Socket(InetAddress.getLoopbackAddress(), controllerPort));
            Thread t = new Thread(() -> conn.readLoop(this::onMessage), "scripted-switch-" + dpid);
            t.setDaemon(true);
            t.start();
            conn.send(OF.buildHello().setXid(1).build());
        }

        private OFPortDesc port(int n, boolean up) {
            return OF.buildPortDesc().setPortNo(OFPort.of(n)).setName("p" + n).setHwAddr(MacAddress.of(n))
                    .setState(up ? Set.of() : Set.of(OFPortState.LINK_DOWN)).build();
        }

        private void onMessage(OFMessage m) {
            received.add(m);
            switch (m.getType()) {
                case FEATURES_REQUEST -> conn.send(OF.buildFeaturesReply().setXid(m.getXid())
                        .setDatapathId(DatapathId.of(dpid)).setNBuffers(0).setNTables((short) 1).build());
                case STATS_REQUEST -> {
                    OFStatsType st = ((OFStatsRequest<?>) m).getStatsType();
                    if (st == OFStatsType.PORT_DESC) {
                        conn.send(OF.buildPortDescStatsReply().setXid(m.getXid())
                                .setEntries(List.of(port(1, true), port(2, true))).build());
                    } else if (st == OFStatsType.FLOW) {
                        List<OFFlowStatsEntry> entries = new ArrayList<>();
                        for (OFFlowAdd a : table) {
                            entries.add(OF.buildFlowStatsEntry().setCookie(a.getCookie()).setMatch(a.getMatch())
                                    .setPriority(a.getPriority()).setPacketCount(U64.of(7)).setByteCount(U64.of(700))
                                    .setInstructions(a.getInstructions()).build());
                        }
                        conn.send(OF.buildFlowStatsReply().setXid(m.getXid()).setEntries(entries).build());
                    }
                }
                case FLOW_MOD -> {
                    if (m instanceof OFFlowAdd add) {
                        if (rejectFlowAdds) {
                            conn.send(OF.errorMsgs().buildFlowModFailedErrorMsg().setXid(m.getXid())
                                    .setCode(OFFlowModFailedCode.TABLE_FULL).build());
                        } else {
                            table.add(add);
                        }
                    } else if (m instanceof OFFlowDelete del) {
                        long mask = del.getCookieMask().getValue();
                        long cookie = del.getCookie().getValue();
                        table.removeIf(a -> (a.getCookie().getValue() & mask) == (cookie & mask));
                    }
                }
                case PACKET_OUT -> {
                    java.util.function.Consumer<org.projectfloodlight.openflow.protocol.OFPacketOut> cable = onPacketOut;
                    if (cable != null) {
                        cable.accept((org.projectfloodlight.openflow.protocol.OFPacketOut) m);
                    }
                }
                case BARRIER_REQUEST -> conn.send(OF.buildBarrierReply().setXid(m.getXid()).build());
                case ECHO_REQUEST -> conn.send(OF.buildEchoReply().setXid(m.getXid()).setData(new byte[0]).build());
                default -> {
                }
            }
        }

        void portDown(int port) {
            conn.send(OF.buildPortStatus().setXid(0).setReason(OFPortReason.MODIFY).setDesc(port(port, false)).build());
        }

        @Override
        public void close() {
            conn.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        topology = new Topology("two", List.of(new Node("A", "A", null, 0, 0), new Node("B", "B", null, 1, 0)),
                List.of(new Link("L:A-B", "L", "A", "B", 1e9, 1, 1, Set.of()),
                        new Link("L:B-A", "L", "B", "A", 1e9, 1, 1, Set.of())));
        wiring = new DataPlaneWiring(
                Map.of("A", new DataPlaneWiring.NodeAttachment("A", 0xa1, "10.0.0.1", "02:00:0a:00:00:01", 1),
                        "B", new DataPlaneWiring.NodeAttachment("B", 0xb2, "10.0.0.2", "02:00:0a:00:00:02", 1)),
                Map.of("L:A-B", new DataPlaneWiring.LinkPorts("L:A-B", "L", 2, 2),
                        "L:B-A", new DataPlaneWiring.LinkPorts("L:B-A", "L", 2, 2)));
        controller = OpenFlowController.start(topology, wiring, 0, Duration.ofSeconds(3));
        switches.add(new ScriptedSwitch(controller.port(), 0xa1));
        switches.add(new ScriptedSwitch(controller.port(), 0xb2));
        assertThat(controller.awaitSwitches(Duration.ofSeconds(10))).isTrue();
    }

    @AfterEach
    void stop() {
        switches.forEach(ScriptedSwitch::close);
        controller.close();
    }

    private ScriptedSwitch sw(int i) {
        return switches.get(i);
    }

    @Test
    void handshakeLearnsDatapathsPortsAndClearsTables() {
        assertThat(controller.connectedNodes()).containsExactly("A", "B");
        var view = controller.discover();
        assertThat(view.topology().linkCount()).isEqualTo(2);
        assertThat(view.ports()).hasSize(4).allMatch(p -> p.up());
        // the handshake deletes every flow before the switch counts as ready
        assertThat(sw(0).received).anyMatch(m -> m instanceof OFFlowDelete d && d.getCookieMask().getValue() == 0);
    }

    @Test
    void installSendsOneFlowAddPerHopConfirmedByBarrier() {
        Flow f = Flow.of("f", "A", "B", 1e6, 3);
        var receipt = controller.install(f, new Path(List.of(topology.link("L:A-B"))));
        assertThat(receipt.ruleIds()).hasSize(2);
        OFFlowAdd atA = sw(0).table.get(0);
        assertThat(atA.getMatch().get(MatchField.IPV4_SRC)).isEqualTo(IPv4Address.of("10.0.0.1"));
        assertThat(atA.getMatch().get(MatchField.IPV4_DST)).isEqualTo(IPv4Address.of("10.0.0.2"));
        assertThat(atA.getPriority()).isEqualTo(OpenFlowController.FLOW_PRIORITY + 3);
        assertThat(((OFActionOutput) ((OFInstructionApplyActions) atA.getInstructions().get(0)).getActions().get(0))
                .getPort()).isEqualTo(OFPort.of(2));
        OFFlowAdd atB = sw(1).table.get(0);
        assertThat(((OFActionOutput) ((OFInstructionApplyActions) atB.getInstructions().get(0)).getActions().get(0))
                .getPort()).as("delivered to B's host").isEqualTo(OFPort.of(1));
        // the barrier came after the FLOW_MOD on each switch
        List<OFType> types = sw(0).received.stream().map(OFMessage::getType).toList();
        assertThat(types.lastIndexOf(OFType.BARRIER_REQUEST)).isGreaterThan(types.lastIndexOf(OFType.FLOW_MOD));

        var rules = controller.rules();
        assertThat(rules).hasSize(2).allMatch(r -> r.flowId().equals("f") && r.packets() == 7 && r.bytes() == 700);
        controller.remove("f");
        assertThat(sw(0).table).isEmpty();
        assertThat(sw(1).table).isEmpty();
    }

    @Test
    void aRejectedFlowModRollsTheWholeInstallBack() {
        sw(1).rejectFlowAdds = true;
        Flow f = Flow.of("f", "A", "B", 1e6, 0);
        assertThatThrownBy(() -> controller.install(f, new Path(List.of(topology.link("L:A-B")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rejected").hasMessageContaining("B");
        assertThat(sw(0).table).as("A's rule was taken back").isEmpty();
        assertThat(controller.owners()).isEmpty();
    }

    @Test
    void twoFlowsWithTheSameMatchAreRefused() {
        controller.install(Flow.of("f", "A", "B", 1e6, 0), new Path(List.of(topology.link("L:A-B"))));
        assertThatThrownBy(() -> controller.install(Flow.of("g", "A", "B", 1e6, 0), new Path(List.of(topology.link("L:A-B")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same match");
        assertThat(controller.owners()).containsExactly("f");
    }

    @Test
    void portStatusBecomesPortAndLinkEvents() throws Exception {
        List<ControllerEvent> events = new CopyOnWriteArrayList<>();
        controller.addListener(events::add);
        sw(0).portDown(2);
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (events.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(events).contains(new ControllerEvent.PortStatus("A", 2, false, events.get(0).time()));
        assertThat(events).filteredOn(e -> e instanceof ControllerEvent.LinkStatus)
                .extracting(e -> ((ControllerEvent.LinkStatus) e).linkId()).containsExactlyInAnyOrder("L:A-B", "L:B-A");
        assertThat(controller.downCables()).containsExactly("L");
        assertThat(controller.liveTopology().linkCount()).isZero();
    }

    @Test
    void installOnADisconnectedSwitchFailsBeforeSendingAnything() throws Exception {
        sw(1).close();
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (controller.connectedNodes().contains("B") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        int before = sw(0).table.size();
        assertThatThrownBy(() -> controller.install(Flow.of("f", "A", "B", 1e6, 0), new Path(List.of(topology.link("L:A-B")))))
                .hasMessageContaining("node B is not connected");
        assertThat(sw(0).table).hasSize(before);
    }
}
