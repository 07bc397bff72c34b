package io.thalamus.sdnrouter.controller;

import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.spi.ControllerEvent;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LLDP discovery on a real Open vSwitch lab of Abilene (11 bridges, 14 veth cables): the links the controller
 * discovers must be exactly the cables, read back from Open vSwitch itself (each bridge's datapath id, each veth's
 * OpenFlow port), and a bridge that stops passing LLDP to the controller loses its incoming links after the expiry
 * age and gets them back when it passes LLDP again. Needs root and Open vSwitch ({@link OvsLab}); the lab is
 * always removed.
 */
class LldpLabTest {

    private static String ovs(String... args) {
        return HostCommands.check(args).strip().replace("\"", "");
    }

    /** The cables as Open vSwitch has them: both directions of every veth pair, by datapath id and ofport. */
    private static Set<DiscoveredLink> cablesFromOvs(LabPlan plan) {
        Set<DiscoveredLink> s = new HashSet<>();
        for (LabPlan.CablePlan c : plan.cables()) {
            long dpidA = Long.parseUnsignedLong(ovs("ovs-vsctl", "get", "Bridge", ovs("ovs-vsctl", "port-to-br", c.vethA()),
                    "datapath_id"), 16);
            long dpidB = Long.parseUnsignedLong(ovs("ovs-vsctl", "get", "Bridge", ovs("ovs-vsctl", "port-to-br", c.vethB()),
                    "datapath_id"), 16);
            long portA = Long.parseLong(ovs("ovs-vsctl", "get", "Interface", c.vethA(), "ofport"));
            long portB = Long.parseLong(ovs("ovs-vsctl", "get", "Interface", c.vethB(), "ofport"));
            s.add(new DiscoveredLink(dpidA, portA, dpidB, portB));
            s.add(new DiscoveredLink(dpidB, portB, dpidA, portA));
        }
        return s;
    }

    @Test
    void lldpFindsExactlyTheLabsCablesAndExpiresLinksWhoseProbesStop(@TempDir Path dir) throws Exception {
        OvsLab.require();
        Topology abilene = BuiltinTopologies.abilene();
        LabPlan plan = LabPlan.of(abilene, "tjd", 1000);
        Path state = dir.resolve("lab.json");
        List<ControllerEvent> events = new CopyOnWriteArrayList<>();
        OpenFlowController controller = OpenFlowController.start(abilene, plan.wiring(abilene), 0, Duration.ofSeconds(10),
                TopologyDiscovery.lldp(Duration.ofSeconds(1), Duration.ofSeconds(3)));
        controller.addListener(events::add);
        try (LabNetwork lab = LabNetwork.up(abilene, plan, controller.port(), state)) {
            long built = System.nanoTime();
            assertThat(lab.controllerPort()).isEqualTo(controller.port());
            assertThat(controller.awaitSwitches(Duration.ofSeconds(30))).isTrue();
            long connected = System.nanoTime();
            Set<DiscoveredLink> cables = cablesFromOvs(plan);
            assertThat(cables).hasSize(2 * abilene.physicalLinkCount());
            assertThat(Eventually.holds(Duration.ofSeconds(20), () -> controller.lldpLinks().equals(cables)))
                    .as("LLDP links %s", controller.lldpLinks()).isTrue();
            long discovered = System.nanoTime();
            System.out.printf("LLDP on the abilene lab: %d links; switches connected %.0f ms after the lab was built, "
                            + "all links discovered %.0f ms after that%n", cables.size(), (connected - built) / 1e6,
                    (discovered - connected) / 1e6);
            assertThat(controller.discover().topology().linkCount()).isEqualTo(abilene.linkCount());

            // one bridge stops handing LLDP to the controller: the links into it expire, the rest stay
            LabPlan.NodePlan victim = plan.nodes().get(0);
            Set<DiscoveredLink> into = cables.stream().filter(l -> l.dstDpid() == victim.dpid()).collect(Collectors.toSet());
            Set<DiscoveredLink> rest = new HashSet<>(cables);
            rest.removeAll(into);
            assertThat(into).isNotEmpty();
            HostCommands.check("ovs-ofctl", "-O", "OpenFlow13", "del-flows", victim.bridge(), "dl_type=0x88cc");
            long cut = System.nanoTime();
            assertThat(Eventually.holds(Duration.ofSeconds(15), () -> controller.lldpLinks().equals(rest)))
                    .as("LLDP links %s", controller.lldpLinks()).isTrue();
            System.out.printf("LLDP expiry: %d links into %s dropped %.0f ms after its LLDP rule was removed%n",
                    into.size(), victim.nodeId(), (System.nanoTime() - cut) / 1e6);
            // listeners hear of the expiry on the controller's event thread, just after the link set changed
            Set<String> expectedDown = abilene.inLinks(victim.nodeId()).stream().map(l -> l.id()).collect(Collectors.toSet());
            assertThat(Eventually.holds(Duration.ofSeconds(5), () -> linkIds(events, false).equals(expectedDown)))
                    .as("LinkStatus down for exactly the links into %s: %s", victim.nodeId(), linkIds(events, false))
                    .isTrue();
            assertThat(controller.discover().topology().links()).noneMatch(l -> l.target().equals(victim.nodeId()));

            HostCommands.check("ovs-ofctl", "-O", "OpenFlow13", "add-flow", victim.bridge(),
                    "priority=40000,dl_type=0x88cc,actions=CONTROLLER:65535");
            assertThat(Eventually.holds(Duration.ofSeconds(15), () -> controller.lldpLinks().equals(cables))).isTrue();
            assertThat(Eventually.holds(Duration.ofSeconds(5), () -> linkIds(events, true).equals(expectedDown)))
                    .as("LinkStatus up for exactly the expired links").isTrue();
        } finally {
            controller.close();
            LabNetwork.down(state);
        }
        assertThat(LabNetwork.status(state).empty()).isTrue();
    }

    /** Ids of the links that {@code events} reported up (or down). */
    private static Set<String> linkIds(List<ControllerEvent> events, boolean up) {
        return events.stream().filter(e -> e instanceof ControllerEvent.LinkStatus s && s.up() == up)
                .map(e -> ((ControllerEvent.LinkStatus) e).linkId()).collect(Collectors.toSet());
    }
}
