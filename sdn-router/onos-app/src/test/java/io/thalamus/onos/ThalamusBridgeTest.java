package io.thalamus.onos;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onlab.junit.TestUtils;
import org.onlab.packet.ChassisId;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IpPrefix;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreServiceAdapter;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DefaultDevice;
import org.onosproject.net.DefaultLink;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.Link;
import org.onosproject.net.PortNumber;
import org.onosproject.net.device.DeviceServiceAdapter;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleServiceAdapter;
import org.onosproject.net.flow.criteria.Criterion;
import org.onosproject.net.flow.criteria.EthTypeCriterion;
import org.onosproject.net.flow.criteria.IPCriterion;
import org.onosproject.net.flow.instructions.Instructions;
import org.onosproject.net.link.LinkServiceAdapter;
import org.onosproject.net.provider.ProviderId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bridge component wired to the ONOS SDK's service adapters and a scripted Thalamus. */
class ThalamusBridgeTest {

    private static final ProviderId PID = new ProviderId("of", "test");
    private static final DeviceId S1 = DeviceId.deviceId("of:0000000000000001");
    private static final DeviceId S2 = DeviceId.deviceId("of:0000000000000002");

    private final List<String> registered = new ArrayList<>();
    private final List<FlowRule> applied = new CopyOnWriteArrayList<>();
    private final List<FlowRule> removed = new CopyOnWriteArrayList<>();
    private final List<ApplicationId> removedByApp = new ArrayList<>();
    private ScriptedThalamus thalamus;
    private ThalamusBridge bridge;

    /** Stands in for Thalamus's REST API: records the topology, returns whatever decisions the test sets. */
    static final class ScriptedThalamus implements ThalamusClient {
        List<String> devices = List.of();
        List<String> links = List.of();
        volatile List<PathDecision> decisions = List.of();

        @Override
        public void reportTopology(List<String> devices, List<String> links) {
            this.devices = devices;
            this.links = links;
        }

        @Override
        public List<PathDecision> decisions() {
            return decisions;
        }
    }

    @BeforeEach
    void wire() {
        bridge = new ThalamusBridge();
        bridge.coreService = new CoreServiceAdapter() {
            @Override
            public ApplicationId registerApplication(String name) {
                registered.add(name);
                return new DefaultApplicationId(42, name);
            }
        };
        Device d1 = new DefaultDevice(PID, S1, Device.Type.SWITCH, "Nicira", "OVS", "3.1", "1", new ChassisId(1));
        Device d2 = new DefaultDevice(PID, S2, Device.Type.SWITCH, "Nicira", "OVS", "3.1", "2", new ChassisId(2));
        bridge.deviceService = new DeviceServiceAdapter() {
            @Override
            public Iterable<Device> getAvailableDevices() {
                return List.of(d1, d2);
            }
        };
        Link l12 = DefaultLink.builder().providerId(PID).type(Link.Type.DIRECT).state(Link.State.ACTIVE)
                .src(new ConnectPoint(S1, PortNumber.portNumber(2))).dst(new ConnectPoint(S2, PortNumber.portNumber(3))).build();
        bridge.linkService = new LinkServiceAdapter() {
            @Override
            public Iterable<Link> getActiveLinks() {
                return List.of(l12);
            }
        };
        bridge.flowRuleService = new FlowRuleServiceAdapter() {
            @Override
            public void applyFlowRules(FlowRule... rules) {
                applied.addAll(List.of(rules));
            }

            @Override
            public void removeFlowRules(FlowRule... rules) {
                removed.addAll(List.of(rules));
            }

            @Override
            public void removeFlowRulesById(ApplicationId id) {
                removedByApp.add(id);
            }
        };
        thalamus = new ScriptedThalamus();
        thalamus.decisions = List.of(
                new PathDecision("f1", S1.toString(), 1001, "10.0.0.1", "10.0.0.2", 2),
                new PathDecision("f1", S2.toString(), 1001, "10.0.0.1", "10.0.0.2", 1),
                new PathDecision("policy", S2.toString(), 100, null, "10.0.0.1", 3));
        TestUtils.setField(bridge, "client", thalamus);
    }

    @AfterEach
    void stop() {
        if (bridge.appId() != null) {
            bridge.deactivate();
        }
    }

    @Test
    void activationRegistersReportsTopologyAndInstallsDecisions() {
        bridge.activate(Map.of(OsgiPropertyConstants.POLL_SECONDS, 0));
        assertThat(registered).containsExactly("io.thalamus.onos");
        assertThat(thalamus.devices).containsExactly(S1.toString(), S2.toString());
        assertThat(thalamus.links).containsExactly(S1 + "/2-" + S2 + "/3");
        assertThat(applied).hasSize(3);
        FlowRule first = applied.get(0);
        assertThat(first.deviceId()).isEqualTo(S1);
        assertThat(first.priority()).isEqualTo(1001);
        assertThat(first.appId()).isEqualTo((short) 42);
        assertThat(first.isPermanent()).isTrue();
        assertThat(((EthTypeCriterion) first.selector().getCriterion(Criterion.Type.ETH_TYPE)).ethType().toShort())
                .isEqualTo(Ethernet.TYPE_IPV4);
        assertThat(((IPCriterion) first.selector().getCriterion(Criterion.Type.IPV4_SRC)).ip())
                .isEqualTo(IpPrefix.valueOf("10.0.0.1/32"));
        assertThat(((IPCriterion) first.selector().getCriterion(Criterion.Type.IPV4_DST)).ip())
                .isEqualTo(IpPrefix.valueOf("10.0.0.2/32"));
        assertThat(((Instructions.OutputInstruction) first.treatment().allInstructions().get(0)).port())
                .isEqualTo(PortNumber.portNumber(2));
        FlowRule table = applied.get(2);
        assertThat(table.selector().getCriterion(Criterion.Type.IPV4_SRC)).as("table entries match any source").isNull();
    }

    @Test
    void syncAddsNewDecisionsAndRemovesWithdrawnOnes() {
        bridge.activate(Map.of(OsgiPropertyConstants.POLL_SECONDS, 0));
        applied.clear();
        thalamus.decisions = List.of(
                new PathDecision("f1", S1.toString(), 1001, "10.0.0.1", "10.0.0.2", 2),
                new PathDecision("f2", S1.toString(), 1001, "10.0.0.3", "10.0.0.2", 2));
        assertThat(bridge.sync()).isEqualTo(2);
        assertThat(applied).singleElement().satisfies(r -> assertThat(
                ((IPCriterion) r.selector().getCriterion(Criterion.Type.IPV4_SRC)).ip()).isEqualTo(IpPrefix.valueOf("10.0.0.3/32")));
        assertThat(removed).hasSize(2).extracting(FlowRule::deviceId).containsOnly(S2);
    }

    @Test
    void deactivationRemovesEveryRuleOfTheApp() {
        bridge.activate(Map.of(OsgiPropertyConstants.POLL_SECONDS, 0));
        bridge.deactivate();
        assertThat(removedByApp).extracting(ApplicationId::name).containsExactly("io.thalamus.onos");
    }

    @Test
    void aThalamusOutageDoesNotStopActivation() {
        TestUtils.setField(bridge, "client", new ThalamusClient() {
            @Override
            public void reportTopology(List<String> devices, List<String> links) {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public List<PathDecision> decisions() {
                return List.of();
            }
        });
        bridge.activate(Map.of(OsgiPropertyConstants.POLL_SECONDS, 0));
        assertThat(registered).hasSize(1);
        assertThat(applied).isEmpty();
    }

    @Test
    void rejectsDecisionsWithoutAnOutputPort() {
        assertThatThrownBy(() -> new PathDecision("f", S1.toString(), 10, null, "10.0.0.2", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outPort");
    }
}
