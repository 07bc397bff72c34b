package io.thalamus.sdnrouter.controller;

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
import org.projectfloodlight.openflow.protocol.OFPacketInReason;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LLDP discovery over real loopback OpenFlow with two scripted switches whose port 2s are joined by a "cable" the
 * test controls: each PACKET_OUT on port 2 comes back as the other switch's PACKET_IN. The Open vSwitch lab test
 * ({@link LldpLabTest}) checks the same against real switches.
 */
class OpenFlowLldpTest {

    private static final OFFactory OF = OFFactories.getFactory(OFVersion.OF_13);
    private static final long A = 0xa1;
    private static final long B = 0xb2;

    private OpenFlowController controller;
    private OpenFlowControllerProtocolTest.ScriptedSwitch a;
    private OpenFlowControllerProtocolTest.ScriptedSwitch b;
    private volatile boolean aToB = true;
    private final List<ControllerEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Topology topology = new Topology("two", List.of(new Node("A", "A", null, 0, 0), new Node("B", "B", null, 1, 0)),
                List.of(new Link("L:A-B", "L", "A", "B", 1e9, 1, 1, Set.of()),
                        new Link("L:B-A", "L", "B", "A", 1e9, 1, 1, Set.of())));
        DataPlaneWiring wiring = new DataPlaneWiring(
                Map.of("A", new DataPlaneWiring.NodeAttachment("A", A, "10.0.0.1", "02:00:0a:00:00:01", 1),
                        "B", new DataPlaneWiring.NodeAttachment("B", B, "10.0.0.2", "02:00:0a:00:00:02", 1)),
                Map.of("L:A-B", new DataPlaneWiring.LinkPorts("L:A-B", "L", 2, 2),
                        "L:B-A", new DataPlaneWiring.LinkPorts("L:B-A", "L", 2, 2)));
        controller = OpenFlowController.start(topology, wiring, 0, Duration.ofSeconds(3),
                TopologyDiscovery.lldp(Duration.ofMillis(100), Duration.ofMillis(1000)));
        controller.addListener(events::add);
        a = new OpenFlowControllerProtocolTest.ScriptedSwitch(controller.port(), A);
        b = new OpenFlowControllerProtocolTest.ScriptedSwitch(controller.port(), B);
        a.onPacketOut = po -> {
            if (aToB) {
                cable(po, b);
            }
        };
        b.onPacketOut = po -> cable(po, a);
        assertThat(controller.awaitSwitches(Duration.ofSeconds(10))).isTrue();
    }

    /** A frame sent out of port 2 arrives at the peer's port 2 and, matching the LLDP rule, goes to the controller. */
    private static void cable(OFPacketOut po, OpenFlowControllerProtocolTest.ScriptedSwitch peer) {
        OFPort out = ((OFActionOutput) po.getActions().get(0)).getPort();
        if (out.getPortNumber() != 2) {
            return; // port 1 is a host: the frame ends there
        }
        try {
            peer.conn.send(OF.buildPacketIn().setXid(0).setBufferId(OFBufferId.NO_BUFFER).setTotalLen(po.getData().length)
                    .setReason(OFPacketInReason.ACTION).setTableId(TableId.of(0)).setCookie(U64.of(OpenFlowController.LLDP_COOKIE))
                    .setMatch(OF.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(2)).build())
                    .setData(po.getData()).build());
        } catch (java.io.UncheckedIOException e) {
            // the peer is gone (tear-down): the cable is dead
        }
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        controller.close();
    }

    private static boolean await(BooleanSupplier done) throws InterruptedException {
        return Eventually.holds(Duration.ofSeconds(10), done);
    }

    @Test
    void eachSwitchGetsTheLldpRuleAndProbesOnEveryPort() throws Exception {
        for (var sw : List.of(a, b)) {
            assertThat(await(() -> !sw.table.isEmpty())).isTrue();
            OFFlowAdd rule = sw.table.get(0);
            assertThat(rule.getMatch().get(MatchField.ETH_TYPE)).isEqualTo(EthType.of(0x88cc));
            assertThat(rule.getPriority()).isEqualTo(OpenFlowController.LLDP_PRIORITY);
            assertThat(((OFActionOutput) ((OFInstructionApplyActions) rule.getInstructions().get(0)).getActions().get(0))
                    .getPort()).isEqualTo(OFPort.CONTROLLER);
        }
        assertThat(await(() -> a.received.stream().filter(m -> m instanceof OFPacketOut).map(m ->
                ((OFActionOutput) ((OFPacketOut) m).getActions().get(0)).getPort().getPortNumber()).distinct().count() == 2))
                .as("probes out of ports 1 and 2").isTrue();
        OFPacketOut probe = (OFPacketOut) a.received.stream().filter(m -> m instanceof OFPacketOut).findFirst().orElseThrow();
        LldpFrame f = LldpFrame.decode(probe.getData()).orElseThrow();
        assertThat(f.dpid()).isEqualTo(A);
        assertThat(f.port()).isEqualTo(((OFActionOutput) probe.getActions().get(0)).getPort().getPortNumber());
    }

    @Test
    void probesThatComeBackAreTheLinksAndDiscoverListsThem() throws Exception {
        Set<DiscoveredLink> both = Set.of(new DiscoveredLink(A, 2, B, 2), new DiscoveredLink(B, 2, A, 2));
        assertThat(await(() -> controller.lldpLinks().equals(both))).as("got " + controller.lldpLinks()).isTrue();
        assertThat(controller.discover().topology().links()).extracting(Link::id).containsExactlyInAnyOrder("L:A-B", "L:B-A");
    }

    @Test
    void aLinkWhoseProbesStopExpiresIsReportedDownAndComesBack() throws Exception {
        assertThat(await(() -> controller.lldpLinks().size() == 2)).isTrue();
        aToB = false;
        assertThat(await(() -> controller.lldpLinks().equals(Set.of(new DiscoveredLink(B, 2, A, 2))))).isTrue();
        assertThat(await(() -> events.stream().anyMatch(e -> e instanceof ControllerEvent.LinkStatus s
                && s.linkId().equals("L:A-B") && !s.up()))).isTrue();
        assertThat(events).noneMatch(e -> e instanceof ControllerEvent.LinkStatus s && s.linkId().equals("L:B-A"));
        assertThat(controller.discover().topology().links()).extracting(Link::id).containsExactly("L:B-A");
        aToB = true;
        assertThat(await(() -> events.stream().anyMatch(e -> e instanceof ControllerEvent.LinkStatus s
                && s.linkId().equals("L:A-B") && s.up()))).isTrue();
        assertThat(controller.discover().topology().linkCount()).isEqualTo(2);
    }
}
