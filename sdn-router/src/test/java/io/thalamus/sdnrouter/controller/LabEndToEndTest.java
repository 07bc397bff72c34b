package io.thalamus.sdnrouter.controller;

import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.path.ShortestPaths;
import io.thalamus.network.spi.ControllerEvent;
import io.thalamus.network.spi.InstalledRule;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on a real Open vSwitch lab of Abilene (11 bridges, 14 shaped veth cables, 11 host namespaces),
 * driven by Thalamus's OpenFlow controller. Needs root and Open vSwitch (see {@link OvsLab}); the lab is
 * built once and always removed.
 */
class LabEndToEndTest {

    private static LabSession lab;
    private static java.nio.file.Path stateDir;
    private static final List<ControllerEvent> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void buildLab() throws Exception {
        OvsLab.require();
        stateDir = Files.createTempDirectory("thalamus-lab-test");
        lab = LabSession.start(BuiltinTopologies.abilene(),
                new LabSession.Options("tje", 1000, 0, stateDir.resolve("lab.json")));
        lab.controller().addListener(EVENTS::add);
    }

    @AfterAll
    static void removeLab() throws Exception {
        if (lab != null) {
            lab.close();
            assertThat(LabNetwork.status(stateDir.resolve("lab.json")).empty()).isTrue();
            assertThat(LabNetwork.down(stateDir.resolve("lab.json"))).as("second down is a no-op").isEmpty();
        }
    }

    @AfterEach
    void clearRules() {
        if (lab != null) {
            lab.clear();
        }
    }

    private static Path reverse(Topology t, Path p) {
        List<Link> back = new ArrayList<>();
        for (int i = p.links().size() - 1; i >= 0; i--) {
            Link l = p.links().get(i);
            back.add(t.linksOfPhysical(l.physicalId()).stream().filter(x -> x.source().equals(l.target())).findFirst().orElseThrow());
        }
        return new Path(back);
    }

    private static Map<String, Long> packetsByRule(String owner) {
        return lab.controller().rules().stream().filter(r -> r.flowId().equals(owner))
                .collect(Collectors.toMap(r -> r.deviceId() + "/" + r.match(), InstalledRule::packets));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void installedPathIsFollowedExactly() {
        Topology t = lab.topology();
        List<Path> candidates = new ShortestPaths(t).kShortest("SNVA", "NYCM", 3);
        Path detour = candidates.get(2); // deliberately not the shortest: the table would take another way
        Path back = reverse(t, detour);
        // the shortest-path table underneath, at lower priority: its counters toward NYCM must not move
        lab.installPolicy("shortest", ForwardingTable::shortestPaths);
        Flow there = Flow.of("snva-nycm", "SNVA", "NYCM", 1e6, 1);
        Flow home = Flow.of("nycm-snva", "NYCM", "SNVA", 1e6, 1);
        Map<Flow, Path> admitted = new LinkedHashMap<>();
        admitted.put(there, detour);
        admitted.put(home, back);
        lab.installFlows(admitted, RoutingFunction.shortestPath());

        Map<String, Long> before = packetsByRule("snva-nycm");
        Map<String, Long> tableBefore = packetsByRule(LabSession.TABLE_OWNER);
        LabNetwork.PingResult ping = lab.network().ping("SNVA", "NYCM", 5);
        // the userspace datapath folds packet counts into OpenFlow rules every ~0.5 s: poll until they settle
        Map<String, Long> after = packetsByRule("snva-nycm");
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (after.entrySet().stream().anyMatch(e -> e.getValue() - before.get(e.getKey()) < 5)
                && System.nanoTime() < deadline) {
            sleep(100);
            after = packetsByRule("snva-nycm");
        }
        sleep(700);
        Map<String, Long> settled = after;
        Map<String, Long> tableAfter = packetsByRule(LabSession.TABLE_OWNER);

        assertThat(ping.received()).isEqualTo(5);
        Set<String> onPath = new HashSet<>(detour.nodes());
        assertThat(settled.keySet()).extracting(k -> k.split("/")[0]).containsExactlyInAnyOrderElementsOf(onPath);
        settled.forEach((rule, packets) -> assertThat(packets - before.get(rule)).as(rule).isGreaterThanOrEqualTo(5));
        String nycm = lab.controller().wiring().node("NYCM").hostIpv4();
        tableAfter.forEach((rule, packets) -> {
            if (rule.endsWith("->" + nycm)) {
                assertThat(packets).as("table rule %s must not see the flow", rule).isEqualTo(tableBefore.get(rule));
            }
        });
        // cross-check the controller's counters with Open vSwitch's own tool on the first switch
        String bridge = lab.network().plan().node("SNVA").bridge();
        String dump = HostCommands.check("ovs-ofctl", "-O", "OpenFlow13", "dump-flows", bridge,
                "ip,nw_src=" + lab.controller().wiring().node("SNVA").hostIpv4() + ",nw_dst=" + nycm);
        long ofctlPackets = Long.parseLong(dump.replaceAll("(?s).*n_packets=(\\d+).*", "$1"));
        assertThat(ofctlPackets).isGreaterThanOrEqualTo(settled.get("SNVA/" + FlowMatch.between(
                lab.controller().wiring().node("SNVA").hostIpv4(), nycm).describe()));
    }

    @Test
    void shortestPolicyLetsEveryHostPairPing() {
        lab.installPolicy("shortest", ForwardingTable::shortestPaths);
        List<String> failed = new ArrayList<>();
        for (var s : lab.topology().nodes()) {
            for (var d : lab.topology().nodes()) {
                if (!s.equals(d) && !lab.network().ping(s.id(), d.id(), 1).reachable()) {
                    failed.add(s.id() + "->" + d.id());
                }
            }
        }
        assertThat(failed).isEmpty();
    }

    @Test
    void cutLinkIsSeenReroutedAndPingsResume() throws Exception {
        lab.installPolicy("shortest", ForwardingTable::shortestPaths);
        Topology t = lab.topology();
        Path p = new ShortestPaths(t).shortest("STTL", "NYCM").orElseThrow();
        String cable = p.links().get(1).physicalId();
        assertThat(lab.network().ping("STTL", "NYCM", 2).received()).isEqualTo(2);
        int replansBefore = lab.replans().size();
        EVENTS.clear();

        java.nio.file.Path pingLog = stateDir.resolve("ping.log");
        Process ping = lab.network().startTimedPing("STTL", "NYCM", 10, pingLog);
        try {
            Thread.sleep(300);
            double cutAt = System.currentTimeMillis() / 1000.0;
            lab.cut(cable);
            Thread.sleep(1500);
            ping.destroy();
            ping.waitFor(5, TimeUnit.SECONDS);
            List<Double> replies = LabNetwork.replyTimes(Files.readString(pingLog));
            double firstAfter = replies.stream().filter(x -> x > cutAt + 0.005).findFirst().orElse(Double.NaN);
            System.out.printf("cut %s: first reply %.0f ms after the cut%n", cable, (firstAfter - cutAt) * 1000);
            assertThat(firstAfter).as("pings resume after the cut").isLessThan(cutAt + 1.5);
        } finally {
            ping.destroyForcibly();
        }
        assertThat(EVENTS).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ControllerEvent.LinkStatus.class,
                ls -> assertThat(ls.up()).isFalse()));
        assertThat(lab.controller().downCables()).containsExactly(cable);
        assertThat(lab.replans().size()).isGreaterThan(replansBefore);
        // the new route avoids the dead cable
        assertThat(lab.network().ping("STTL", "NYCM", 2).received()).isEqualTo(2);

        lab.restore(cable);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!lab.controller().downCables().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(lab.controller().downCables()).isEmpty();
        assertThat(lab.network().ping("STTL", "NYCM", 2).received()).isEqualTo(2);
        assertThat(lab.network().unshapedInterfaces()).as("shaping survives cut and restore").isEmpty();
    }

    @Test
    void iperfThroughputMatchesMaxMinFairPrediction() {
        Topology t = lab.topology();
        lab.installPolicy("shortest", ForwardingTable::shortestPaths);
        ShortestPaths sp = new ShortestPaths(t);
        // three flows that meet on shared cables, one alone on its path
        String[][] pairs = {{"STTL", "KSCY"}, {"DNVR", "IPLS"}, {"SNVA", "KSCY"}, {"NYCM", "WASH"}};
        Map<Flow, Path> admitted = new LinkedHashMap<>();
        Map<String, Path> paths = new LinkedHashMap<>();
        Map<String, String[]> endpoints = new LinkedHashMap<>();
        for (String[] p : pairs) {
            Flow f = Flow.of(p[0] + "-" + p[1], p[0], p[1], 1e6, 1);
            Path path = sp.shortest(p[0], p[1]).orElseThrow();
            admitted.put(f, path);
            paths.put(f.id(), path);
            endpoints.put(f.id(), p);
        }
        lab.installFlows(admitted, RoutingFunction.shortestPath());
        double scale = lab.network().plan().rateScale();
        Map<String, Double> predicted = MaxMinFairShare.rates(paths,
                l -> l.capacityBps() / scale * LabNetwork.TCP_GOODPUT_FRACTION, Map.of());
        Map<String, Double> measured = lab.network().measureThroughput(endpoints, Duration.ofSeconds(4));
        double sumErr = 0;
        for (String f : paths.keySet()) {
            double err = Math.abs(measured.get(f) - predicted.get(f)) / predicted.get(f);
            sumErr += err;
            System.out.printf("fidelity %s via %s: predicted %.2f Mbit/s, iperf3 %.2f Mbit/s, error %.1f%%%n", f,
                    paths.get(f), predicted.get(f) / 1e6, measured.get(f) / 1e6, 100 * err);
        }
        System.out.printf("fidelity: mean relative error %.1f%%%n", 100 * sumErr / paths.size());
        // a shared bottleneck halves the fair share: the prediction must tell the two cases apart
        assertThat(predicted.values()).anySatisfy(v -> assertThat(v).isLessThan(0.6 * 10e6));
        for (String f : paths.keySet()) {
            assertThat(measured.get(f)).as(f).isCloseTo(predicted.get(f), org.assertj.core.data.Percentage.withPercentage(25));
        }
    }

    @Test
    void discoveryReportsEverySwitchPortAndLink() {
        var view = lab.controller().discover();
        assertThat(view.topology().nodeCount()).isEqualTo(11);
        assertThat(view.topology().linkCount()).isEqualTo(28);
        // one host port per switch plus two ends per cable
        assertThat(view.ports()).hasSize(11 + 2 * 14);
        assertThat(view.ports()).allMatch(p -> p.up());
        Map<String, Integer> perDevice = new HashMap<>();
        view.ports().forEach(p -> perDevice.merge(p.deviceId(), 1, Integer::sum));
        assertThat(perDevice.get("KSCY")).isEqualTo(1 + 3);
    }
}
