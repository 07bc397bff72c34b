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

    private static List<String> unreachablePairs() {
        List<String> failed = new ArrayList<>();
        for (var s : lab.topology().nodes()) {
            for (var d : lab.topology().nodes()) {
                if (!s.equals(d) && !lab.network().ping(s.id(), d.id(), 1).reachable()) {
                    failed.add(s.id() + "->" + d.id());
                }
            }
        }
        return failed;
    }

    @Test
    void greedyAndLearnedPoliciesCompiledToTablesLetEveryHostPairPing() {
        var greedy = lab.installPolicy("greedy",
                t -> ForwardingTable.compile(new io.thalamus.sdnrouter.routing.GreedyForwardingPolicy(), t));
        assertThat(greedy.ruleIds()).hasSize(11 + 11 * 10);
        assertThat(unreachablePairs()).as("greedy geographic tables").isEmpty();
        var learned = io.thalamus.sdnrouter.routing.PolicyFile.defaultPolicy();
        lab.installPolicy("learned", t -> ForwardingTable.compile(learned, t));
        assertThat(unreachablePairs()).as("learned policy tables").isEmpty();
    }

    @Test
    void admittedFlowsAreInstalledAndTrafficFollowsExactlyTheirPaths() {
        Topology t = lab.topology();
        // three 4.5 Gbit/s flows into KSCY whose shortest paths all end on DNVR-KSCY (10 Gbit/s): the exact
        // admission ILP must send one of them around
        List<Flow> flows = List.of(Flow.of("a", "STTL", "KSCY", 4.5e9, 1), Flow.of("b", "SNVA", "KSCY", 4.5e9, 1),
                Flow.of("c", "DNVR", "KSCY", 4.5e9, 1));
        var result = new io.thalamus.sdnrouter.admission.IlpAdmissionSolver()
                .solve(io.thalamus.sdnrouter.admission.AdmissionProblem.of(t, flows));
        Map<Flow, Path> admitted = new LinkedHashMap<>();
        result.admitted().forEach(a -> admitted.put(a.flow(), a.path()));
        assertThat(admitted).as("all three fit").hasSize(3);
        ShortestPaths sp = new ShortestPaths(t);
        assertThat(admitted.entrySet()).as("at least one flow is detoured by admission")
                .anyMatch(e -> !e.getValue().linkIds().equals(sp.shortest(e.getKey().source(), "KSCY").orElseThrow().linkIds()));
        lab.installPolicy("shortest", ForwardingTable::shortestPaths); // replies go home by the table
        lab.installFlows(admitted, io.thalamus.network.spi.RoutingFunction.shortestPath());

        for (Flow f : admitted.keySet()) {
            Map<String, Map<String, Long>> before = new HashMap<>();
            for (Flow g : admitted.keySet()) {
                before.put(g.id(), packetsByRule(g.id()));
            }
            assertThat(lab.network().ping(f.source(), f.destination(), 3).received()).isEqualTo(3);
            Map<String, Long> mine = packetsByRule(f.id());
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (mine.entrySet().stream().anyMatch(e -> e.getValue() - before.get(f.id()).get(e.getKey()) < 3)
                    && System.nanoTime() < deadline) {
                sleep(100);
                mine = packetsByRule(f.id());
            }
            sleep(600);
            Map<String, Long> settled = packetsByRule(f.id());
            assertThat(settled.keySet()).extracting(k -> k.split("/")[0])
                    .containsExactlyInAnyOrderElementsOf(admitted.get(f).nodes());
            settled.forEach((rule, n) -> assertThat(n - before.get(f.id()).get(rule)).as(f.id() + " " + rule)
                    .isGreaterThanOrEqualTo(3));
            for (Flow g : admitted.keySet()) {
                if (!g.equals(f)) {
                    assertThat(packetsByRule(g.id())).as("rules of %s while pinging %s", g.id(), f.id())
                            .isEqualTo(before.get(g.id()));
                }
            }
        }
    }

    @Test
    void cutLinkIsSeenReroutedAndPingsResume() throws Exception {
        lab.installPolicy("shortest", ForwardingTable::shortestPaths);
        // the digital twin, fed by the controller's link events, with a flow that crosses the cable about to be cut
        Flow watched = Flow.of("sttl-nycm", "STTL", "NYCM", 1e9, 0);
        io.thalamus.twin.core.NetworkTwin twin = new io.thalamus.twin.core.NetworkTwin(lab.topology(), List.of(watched));
        lab.feed(twin, null);
        Topology t = lab.topology();
        Path p = new ShortestPaths(t).shortest("STTL", "NYCM").orElseThrow();
        String cable = p.links().get(1).physicalId();
        // precondition: the freshly installed table answers (a first request can be lost while it settles)
        assertThat(pingUntilAnswered("STTL", "NYCM", Duration.ofSeconds(5)).received()).isEqualTo(2);
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
            String log = Files.readString(pingLog);
            double restored = LabNetwork.restoredAfterMs(log, cutAt);
            System.out.printf("cut %s: STTL->NYCM answered again %.0f ms after the cut (%d requests lost)%n", cable,
                    restored, LabNetwork.lostRequests(log));
            assertThat(restored).as("pings resume after the cut").isLessThan(1500);
        } finally {
            ping.destroyForcibly();
        }
        assertThat(EVENTS).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ControllerEvent.LinkStatus.class,
                ls -> assertThat(ls.up()).isFalse()));
        assertThat(lab.controller().downCables()).containsExactly(cable);
        assertThat(twin.model().downLinks()).contains(cable + ":DNVR-KSCY", cable + ":KSCY-DNVR");
        assertThat(twin.model().routes().get("sttl-nycm").usesLink(cable + ":DNVR-KSCY"))
                .as("the twin re-converged around the cut").isFalse();
        assertThat(lab.replans().size()).isGreaterThan(replansBefore);
        // the re-planned table at DNVR no longer forwards toward NYCM over the dead cable
        String deadPort = "output:" + lab.controller().wiring().link(p.links().get(1).id()).sourcePort();
        String nycm = lab.controller().wiring().node("NYCM").hostIpv4();
        assertThat(lab.controller().rules()).filteredOn(r -> r.deviceId().equals("DNVR") && r.match().endsWith("->" + nycm))
                .singleElement().satisfies(r -> assertThat(r.action()).isNotEqualTo(deadPort));
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
    void iperfThroughputMatchesTheTwinsPrediction() {
        Topology t = lab.topology();
        lab.installPolicy("shortest", ForwardingTable::shortestPaths);
        // three flows that meet on shared cables, one alone on its path
        String[][] pairs = {{"STTL", "KSCY"}, {"DNVR", "IPLS"}, {"SNVA", "KSCY"}, {"NYCM", "WASH"}};
        ThroughputScenario scenario = ThroughputScenario.shortestPaths(t, pairs);
        Map<Flow, Path> admitted = scenario.admitted();
        Map<String, Path> paths = scenario.paths();
        Map<String, String[]> endpoints = scenario.endpoints();
        lab.installFlows(admitted, RoutingFunction.shortestPath());
        double scale = lab.network().plan().rateScale();
        Map<String, Double> predicted = TwinPrediction.goodputBps(lab.topology(), scale, admitted);
        Map<String, Double> fairShare = MaxMinFairShare.rates(paths,
                l -> l.capacityBps() / scale * LabNetwork.TCP_GOODPUT_FRACTION, Map.of());
        List<io.thalamus.network.spi.LinkStatistics> telemetry = new CopyOnWriteArrayList<>();
        LinkLoadSampler sampler = new LinkLoadSampler(lab.controller(), scale, telemetry::add);
        sampler.sample();
        Map<String, Double> measured = lab.network().measureThroughput(endpoints, Duration.ofSeconds(4));
        sampler.sample();
        Map<String, Double> util = telemetry.stream().collect(Collectors.toMap(
                io.thalamus.network.spi.LinkStatistics::linkId, io.thalamus.network.spi.LinkStatistics::meanUtilization));
        // port counters became telemetry in topology units: DNVR->KSCY carried three flows, SNVA->LOSA nothing
        assertThat(util.get("DNVR-KSCY:DNVR-KSCY")).isGreaterThan(0.5).isLessThan(1.1);
        assertThat(util.get("SNVA-LOSA:SNVA-LOSA")).isLessThan(0.01);
        double sumErr = 0;
        for (String f : paths.keySet()) {
            double err = Math.abs(measured.get(f) - predicted.get(f)) / predicted.get(f);
            sumErr += err;
            System.out.printf("fidelity %s via %s: twin %.2f Mbit/s (max-min %.2f), iperf3 %.2f Mbit/s, error %.1f%%%n", f,
                    paths.get(f), predicted.get(f) / 1e6, fairShare.get(f) / 1e6, measured.get(f) / 1e6, 100 * err);
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

    /** Pings twice, repeating until both requests are answered or the wait is over; returns the last result. */
    private static LabNetwork.PingResult pingUntilAnswered(String source, String destination, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        LabNetwork.PingResult r = lab.network().ping(source, destination, 2);
        while (r.received() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = lab.network().ping(source, destination, 2);
        }
        return r;
    }
}
