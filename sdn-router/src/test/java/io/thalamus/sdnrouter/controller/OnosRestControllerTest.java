package io.thalamus.sdnrouter.controller;

import com.fasterxml.jackson.databind.JsonNode;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.path.ShortestPaths;
import io.thalamus.network.spi.ControllerEvent;
import io.thalamus.network.spi.ControllerView;
import io.thalamus.network.spi.InstallReceipt;
import io.thalamus.network.spi.InstalledRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.thalamus.sdnrouter.controller.FakeOnosServer.dev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link OnosRestController} against {@link FakeOnosServer}, a fake replaying ONOS-shaped REST answers. */
class OnosRestControllerTest {

    private FakeOnosServer onos;
    private OnosRestController controller;

    @BeforeEach
    void start() throws Exception {
        onos = new FakeOnosServer("onos", "rocks");
        controller = new OnosRestController(new OnosRestController.Config(onos.baseUri(), "onos", "rocks",
                Duration.ofSeconds(2), 2, "io.thalamus"));
    }

    @AfterEach
    void stop() {
        onos.close();
    }

    @Test
    void discoversDevicesPortsAndLinksWithPortSpeeds() {
        ControllerView view = controller.discover();
        assertThat(view.topology().nodes()).extracting(n -> n.id()).containsExactly(dev(1), dev(2), dev(3));
        assertThat(view.topology().linkCount()).isEqualTo(4);
        var l = view.topology().link(dev(1) + "/2-" + dev(2) + "/2");
        assertThat(l.capacityBps()).isEqualTo(1e9); // 1000 Mbit/s ports
        assertThat(l.physicalId()).isEqualTo(view.topology().link(dev(2) + "/2-" + dev(1) + "/2").physicalId());
        assertThat(view.ports()).hasSize(9).noneMatch(p -> p.name().equals("local"));
        assertThat(view.ports()).anySatisfy(p -> assertThat(p.name()).isEqualTo("s2-eth3"));
    }

    @Test
    void installsOneRulePerHopWithOnosShapesAndWaitsForAdded() {
        var topo = controller.discover().topology();
        Path path = new ShortestPaths(topo).shortest(dev(1), dev(3)).orElseThrow();
        InstallReceipt r = controller.install(Flow.of("f1", dev(1), dev(3), 1e6, 2), path);

        assertThat(r.ruleIds()).hasSize(3);
        var stored = new ArrayList<>(onos.flows().values());
        assertThat(stored).extracting(f -> f.path("deviceId").asText()).containsExactly(dev(1), dev(2), dev(3));
        assertThat(stored).extracting(f -> f.path("treatment").path("instructions").path(0).path("port").asText())
                .containsExactly("2", "3", "1"); // s1 toward s2, s2 toward s3, s3 to its host
        JsonNode criteria = stored.get(0).path("selector").path("criteria");
        assertThat(criteria.findValuesAsText("type")).containsExactly("ETH_TYPE", "IPV4_SRC", "IPV4_DST");
        assertThat(criteria.path(1).path("ip").asText()).isEqualTo("10.0.0.1/32");
        assertThat(criteria.path(2).path("ip").asText()).isEqualTo("10.0.0.3/32");
        assertThat(stored.get(0).path("priority").asInt()).isEqualTo(1002);
        assertThat(stored.get(0).path("appId").asText()).isEqualTo("io.thalamus");
        // confirmation: every rule was read back until ADDED (the fake says PENDING_ADD on the first read)
        assertThat(onos.requests.stream().filter(q -> q.startsWith("GET /flows/of")).count()).isGreaterThanOrEqualTo(6);
        assertThat(stored).allMatch(f -> f.path("state").asText().equals("ADDED"));
    }

    @Test
    void rulesCarryCountersAndRemoveDeletesThem() {
        var topo = controller.discover().topology();
        controller.install(Flow.of("f1", dev(1), dev(3), 1e6, 0), new ShortestPaths(topo).shortest(dev(1), dev(3)).orElseThrow());
        String[] first = controller.rules().get(0).ruleId().split("/");
        onos.count(first[0], first[1], 7);
        List<InstalledRule> rules = controller.rules();
        assertThat(rules).hasSize(3).allMatch(x -> x.flowId().equals("f1"));
        assertThat(rules).filteredOn(x -> x.deviceId().equals(dev(1))).singleElement()
                .satisfies(x -> {
                    assertThat(x.packets()).isEqualTo(7);
                    assertThat(x.match()).isEqualTo("ipv4 10.0.0.1->10.0.0.3");
                });
        controller.remove("f1");
        assertThat(onos.flows()).isEmpty();
        assertThat(controller.rules()).isEmpty();
        controller.remove("f1"); // unknown: no-op
    }

    @Test
    void retriesServiceUnavailableAndGivesUpWithTheLastAnswer() {
        onos.failNext(2);
        assertThat(controller.discover().topology().nodeCount()).isEqualTo(3);
        onos.failNext(10);
        assertThatThrownBy(() -> controller.discover()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after 3 attempts").hasMessageContaining("503");
    }

    @Test
    void wrongPasswordIsReportedNotRetried() {
        var bad = new OnosRestController(new OnosRestController.Config(onos.baseUri(), "onos", "wrong",
                Duration.ofSeconds(2), 2, "io.thalamus"));
        assertThatThrownBy(bad::discover).hasMessageContaining("refused").hasMessageContaining("user 'onos'");
        assertThat(onos.requests).hasSize(1);
    }

    @Test
    void aStalledControllerTimesOut() {
        var impatient = new OnosRestController(new OnosRestController.Config(onos.baseUri(), "onos", "rocks",
                Duration.ofMillis(200), 0, "io.thalamus"));
        onos.stall(600);
        assertThatThrownBy(impatient::discover).hasMessageContaining("timed out");
    }

    @Test
    void submitsPointToPointIntentsBetweenHostAttachmentPoints() {
        assertThat(controller.installIntent(Flow.of("f9", dev(3), dev(1), 1e6, 0))).isEqualTo("INSTALLED");
        assertThat(onos.intentKeys()).containsExactly("io.thalamus/f9");
        controller.removeIntent("f9");
        assertThat(onos.intentKeys()).isEmpty();
    }

    @Test
    void pollReportsALinkGoingInactive() {
        List<ControllerEvent> seen = new ArrayList<>();
        controller.addListener(seen::add);
        assertThat(controller.poll()).isEmpty();
        onos.failFirstLink();
        controller.poll();
        assertThat(seen).hasSize(2).allSatisfy(e -> assertThat(((ControllerEvent.LinkStatus) e).up()).isFalse());
    }

    @Test
    void rejectsAPathThatDoesNotMatchTheFlow() {
        var topo = controller.discover().topology();
        Path p = new ShortestPaths(topo).shortest(dev(1), dev(2)).orElseThrow();
        assertThatThrownBy(() -> controller.install(Flow.of("f2", dev(1), dev(3), 1e6, 0), p))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not run from");
        assertThat(onos.flows()).isEmpty();
    }
}
