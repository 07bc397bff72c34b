package io.thalamus.bench.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.path.ShortestPaths;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.admission.AdmissionProblem;
import io.thalamus.sdnrouter.admission.AdmissionResult;
import io.thalamus.sdnrouter.admission.GreedyAdmissionSolver;
import io.thalamus.sdnrouter.controller.FlowMatch;
import io.thalamus.sdnrouter.controller.ForwardingTable;
import io.thalamus.sdnrouter.controller.LabNetwork;
import io.thalamus.sdnrouter.controller.LabPlan;
import io.thalamus.sdnrouter.controller.LabSession;
import io.thalamus.sdnrouter.controller.MaxMinFairShare;
import io.thalamus.sdnrouter.controller.OpenFlowController;
import io.thalamus.sdnrouter.controller.ThroughputScenario;
import io.thalamus.sdnrouter.controller.TwinPrediction;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Whole-run benchmark of Thalamus's OpenFlow controller on the Abilene Open vSwitch lab (needs root and Open
 * vSwitch): (1) installing the paths of 1,000 admitted flows, confirmed by barriers, in one burst and flow by
 * flow, against {@code ovs-ofctl add-flows} installing the same rules in the same run, and beside ONOS's
 * published 1,000 intents in 48 ms; (2) failure recovery, from a cable cut to the first ping reply on the
 * re-planned route; (3) iperf3-measured TCP throughput against the max-min fair prediction under the lab's
 * scaled capacities. Writes {@code controller.json} and {@code controller.md}.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.thalamus.bench.controller.ControllerBenchmark [OUT_DIR]}
 */
public final class ControllerBenchmark {

    /** ONOS's published figure: 1,000 intents installed in 48 ms on one node. */
    static final double ONOS_1000_INTENTS_MS = 48.0;
    static final int FLOWS = 1000;
    static final int REPEATS = 3;
    static final int FIDELITY_SECONDS = 10;

    private ControllerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        java.nio.file.Path out = java.nio.file.Path.of(args.length > 0 ? args[0] : "bench/results/controller");
        var reason = LabNetwork.unavailableReason();
        if (reason.isPresent()) {
            System.err.println("controller benchmark needs the Open vSwitch lab: " + reason.get());
            System.exit(1);
        }
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("benchmark", "controller");
        root.put("topology", "abilene-builtin (11 switches, 14 cables)");
        root.put("rateScale", 1000);
        root.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Open vSwitch "
                + run("ovs-vsctl", "--version").split("\n")[0].replaceAll(".* ", ""));
        java.nio.file.Path state = Files.createTempDirectory("thalamus-bench-lab").resolve("lab.json");
        Topology t = BuiltinTopologies.abilene();
        try (LabSession lab = LabSession.start(t, new LabSession.Options("tbc", 1000, 0, state))) {
            install(lab, root.putObject("install"));
            recovery(lab, root.putObject("recovery"));
            fidelity(lab, root.putObject("fidelity"));
        }
        json.writeValue(out.resolve("controller.json").toFile(), root);
        Files.writeString(out.resolve("controller.md"), markdown(root));
        System.out.println(markdown(root));
    }

    // ---- 1. install ----------------------------------------------------------------------------------

    static Map<Flow, Path> admittedFlows(Topology t) {
        Random rnd = new Random(42);
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < FLOWS; i++) {
            int s = rnd.nextInt(t.nodeCount());
            int d = rnd.nextInt(t.nodeCount() - 1);
            if (d >= s) {
                d++;
            }
            flows.add(Flow.of("f" + i, t.nodes().get(s).id(), t.nodes().get(d).id(), 1e6 * (1 + rnd.nextInt(10)), rnd.nextInt(3)));
        }
        AdmissionResult r = new GreedyAdmissionSolver().solve(AdmissionProblem.of(t, flows));
        Map<Flow, Path> admitted = new LinkedHashMap<>();
        r.admitted().forEach(a -> admitted.put(a.flow(), a.path()));
        return admitted;
    }

    private static void install(LabSession lab, ObjectNode o) throws Exception {
        Map<Flow, Path> admitted = admittedFlows(lab.topology());
        int rules = admitted.values().stream().mapToInt(p -> p.hops() + 1).sum();
        o.put("flows", admitted.size()).put("rules", rules).put("admission", "greedy, seed 42, 1-10 Mbit/s flows");
        // warm-up (JIT, first upcalls), not counted
        lab.installFlows(admitted, RoutingFunction.shortestPath());
        lab.clear();
        double[] bulk = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            OpenFlowController.BulkReceipt r = lab.installFlows(admitted, RoutingFunction.shortestPath());
            bulk[i] = r.elapsed().toNanos() / 1e6;
            if (i < REPEATS - 1) {
                lab.clear();
            }
        }
        verifyInstalled(lab, rules);
        Map<String, FlowMatch> matches = lab.matches();
        lab.clear();
        // flow by flow, each confirmed by its own barriers (the SdnController.install contract)
        long t0 = System.nanoTime();
        for (Map.Entry<Flow, Path> e : admitted.entrySet()) {
            lab.controller().install(e.getKey(), e.getValue(), matches.get(e.getKey().id()));
        }
        double perFlowMs = (System.nanoTime() - t0) / 1e6;
        verifyInstalled(lab, rules);
        lab.clear();
        // peer in the same run: ovs-ofctl add-flows of the same rules (flow mods + barrier), all bridges in parallel
        double[] ofctl = new double[REPEATS];
        Map<String, String> perBridge = ofctlRules(lab, admitted, matches);
        for (int i = 0; i < REPEATS; i++) {
            ofctl[i] = ofctlInstall(perBridge);
            for (String br : perBridge.keySet()) {
                run("ovs-ofctl", "-O", "OpenFlow13", "del-flows", br, "cookie=0xbe00/0xff00");
            }
        }
        double bulkMs = median(bulk);
        double ofctlMs = median(ofctl);
        o.put("bulkConfirmedMs", bulkMs).put("bulkRulesPerSecond", rules / (bulkMs / 1000));
        o.set("bulkRunsMs", arr(o, bulk));
        o.put("perFlowConfirmedMs", perFlowMs).put("perFlowRulesPerSecond", rules / (perFlowMs / 1000));
        o.put("ovsOfctlConfirmedMs", ofctlMs).put("ovsOfctlRulesPerSecond", rules / (ofctlMs / 1000));
        o.set("ovsOfctlRunsMs", arr(o, ofctl));
        o.put("ratioBulkToOvsOfctl", ofctlMs / bulkMs);
        o.put("onosPublished1000IntentsMs", ONOS_1000_INTENTS_MS);
        o.put("ratioBulkToOnosPublished", ONOS_1000_INTENTS_MS / bulkMs);
        o.put("note", "ONOS's 48 ms is its published figure for 1,000 intents on one node (not measured here; no ONOS "
                + "can run on this machine) and counts intent compilation, not switch confirmation");
    }

    private static void verifyInstalled(LabSession lab, int rules) {
        int found = lab.controller().rules().size();
        if (found != rules) {
            throw new IllegalStateException("expected " + rules + " rules in the switches, flow statistics show " + found);
        }
    }

    private static Map<String, String> ofctlRules(LabSession lab, Map<Flow, Path> admitted, Map<String, FlowMatch> matches) {
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        LabPlan plan = lab.network().plan();
        int n = 0;
        for (Map.Entry<Flow, Path> e : admitted.entrySet()) {
            Flow f = e.getKey();
            FlowMatch m = matches.get(f.id());
            String match = (m.ipProtocol() == null ? "ip" : "udp") + ",nw_src=" + m.sourceIpv4() + ",nw_dst="
                    + m.destinationIpv4() + (m.destinationPort() == null ? "" : ",tp_dst=" + m.destinationPort());
            int priority = OpenFlowController.FLOW_PRIORITY + f.priority();
            List<String[]> hops = new ArrayList<>();
            for (Link l : e.getValue().links()) {
                hops.add(new String[] {l.source(), String.valueOf(lab.controller().wiring().link(l.id()).sourcePort())});
            }
            hops.add(new String[] {f.destination(), "1"});
            for (String[] h : hops) {
                String cookie = String.format("0x%x", 0xbe00L | ((long) n++ << 16));
                files.computeIfAbsent(plan.node(h[0]).bridge(), k -> new StringBuilder())
                        .append("cookie=").append(cookie).append(",table=0,priority=").append(priority).append(',')
                        .append(match).append(",actions=output:").append(h[1]).append('\n');
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }

    private static double ofctlInstall(Map<String, String> perBridge) throws Exception {
        Map<String, java.nio.file.Path> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : perBridge.entrySet()) {
            java.nio.file.Path f = Files.createTempFile("ofctl-" + e.getKey(), ".txt");
            Files.writeString(f, e.getValue());
            files.put(e.getKey(), f);
        }
        long t0 = System.nanoTime();
        List<Process> ps = new ArrayList<>();
        for (Map.Entry<String, java.nio.file.Path> e : files.entrySet()) {
            ps.add(new ProcessBuilder("ovs-ofctl", "-O", "OpenFlow13", "add-flows", e.getKey(), e.getValue().toString())
                    .redirectErrorStream(true).start());
        }
        for (Process p : ps) {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ovs-ofctl add-flows failed: " + new String(p.getInputStream().readAllBytes()));
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        for (java.nio.file.Path f : files.values()) {
            Files.deleteIfExists(f);
        }
        return ms;
    }

    // ---- 2. recovery ---------------------------------------------------------------------------------

    private static void recovery(LabSession lab, ObjectNode o) throws Exception {
        Topology t = lab.topology();
        lab.clear();
        lab.installPolicy("shortest", ForwardingTable::shortestPaths);
        ShortestPaths sp = new ShortestPaths(t);
        String[][] pairs = {{"STTL", "NYCM"}, {"LOSA", "WASH"}, {"SNVA", "CHIN"}, {"HSTN", "NYCM"}, {"DNVR", "ATLA"},
            {"SNVA", "ATLA"}, {"STTL", "WASH"}};
        ArrayNode runs = o.putArray("runs");
        List<Double> recoveries = new ArrayList<>();
        for (String[] p : pairs) {
            Path path = sp.shortest(p[0], p[1]).orElseThrow();
            String cable = path.links().get(path.hops() / 2).physicalId();
            java.nio.file.Path log = Files.createTempFile("ping", ".log");
            int replansBefore = lab.replans().size();
            Process ping = lab.network().startTimedPing(p[0], p[1], 5, log);
            Thread.sleep(400);
            double cutAt = System.currentTimeMillis() / 1000.0;
            lab.cut(cable);
            Thread.sleep(1500);
            ping.destroy();
            ping.waitFor(5, TimeUnit.SECONDS);
            String pingLog = Files.readString(log);
            double ms = LabNetwork.restoredAfterMs(pingLog, cutAt);
            int lost = LabNetwork.lostRequests(pingLog);
            Files.deleteIfExists(log);
            LabSession.Replan replan = lab.replans().size() > replansBefore ? lab.replans().get(replansBefore) : null;
            lab.restore(cable);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!lab.controller().downCables().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(300);
            recoveries.add(ms);
            runs.addObject().put("pair", p[0] + "->" + p[1]).put("cable", cable).put("cutToRestoredMs", ms).put("lostRequests", lost)
                    .put("replanMs", replan == null ? Double.NaN : replan.took().toNanos() / 1e6);
        }
        double[] r = recoveries.stream().mapToDouble(Double::doubleValue).toArray();
        o.put("pingIntervalMs", 5).put("medianCutToRestoredMs", median(r))
                .put("maxCutToRestoredMs", Arrays.stream(r).max().orElse(Double.NaN)).put("goalMs", 1000);
        lab.clear();
    }

    // ---- 3. fidelity ---------------------------------------------------------------------------------

    private static void fidelity(LabSession lab, ObjectNode o) {
        Topology t = lab.topology();
        String[][][] scenarios = {
            {{"STTL", "KSCY"}, {"DNVR", "IPLS"}, {"SNVA", "KSCY"}, {"NYCM", "WASH"}},
            {{"LOSA", "ATLA"}, {"HSTN", "WASH"}, {"SNVA", "HSTN"}},
            {{"CHIN", "ATLA"}, {"NYCM", "IPLS"}, {"WASH", "CHIN"}, {"STTL", "LOSA"}, {"DNVR", "HSTN"}},
        };
        ArrayNode flowsOut = o.putArray("flows");
        double sumErr = 0;
        double sumErrRaw = 0;
        int n = 0;
        for (String[][] sc : scenarios) {
            lab.clear();
            lab.installPolicy("shortest", ForwardingTable::shortestPaths);
            ThroughputScenario scenario = ThroughputScenario.shortestPaths(t, sc);
            Map<Flow, Path> admitted = scenario.admitted();
            Map<String, Path> paths = scenario.paths();
            Map<String, String[]> endpoints = scenario.endpoints();
            lab.installFlows(admitted, RoutingFunction.shortestPath());
            double scale = lab.network().plan().rateScale();
            Map<String, Double> twin = TwinPrediction.goodputBps(t, scale, admitted);
            Map<String, Double> fair = MaxMinFairShare.rates(paths,
                    l -> l.capacityBps() / scale * LabNetwork.TCP_GOODPUT_FRACTION, Map.of());
            Map<String, Double> measured = lab.network().measureThroughput(endpoints, Duration.ofSeconds(FIDELITY_SECONDS));
            for (String f : paths.keySet()) {
                double err = Math.abs(measured.get(f) - twin.get(f)) / twin.get(f);
                double errFair = Math.abs(measured.get(f) - fair.get(f)) / fair.get(f);
                sumErr += err;
                sumErrRaw += errFair;
                n++;
                flowsOut.addObject().put("flow", f).put("path", paths.get(f).toString())
                        .put("twinGoodputMbps", twin.get(f) / 1e6).put("maxMinGoodputMbps", fair.get(f) / 1e6)
                        .put("iperf3Mbps", measured.get(f) / 1e6).put("relativeError", err)
                        .put("relativeErrorMaxMin", errFair);
            }
        }
        lab.clear();
        o.put("predictor", "the digital twin's flow simulator (strict priority, max-min sharing, M/M/1/K loss) on the "
                + "capacities divided by the rate scale, each flow offering its bottleneck rate, times TCP goodput per "
                + "frame 1448/1514; baseline: plain max-min fair share; iperf3 " + FIDELITY_SECONDS + " s per flow after 1 s omitted");
        o.put("meanRelativeError", sumErr / n).put("meanRelativeErrorMaxMin", sumErrRaw / n).put("goal", 0.10);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static ArrayNode arr(ObjectNode o, double[] v) {
        ArrayNode a = o.arrayNode();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String s = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return s;
    }

    static String markdown(ObjectNode r) {
        StringBuilder b = new StringBuilder("# Controller benchmark (Abilene lab, Open vSwitch userspace datapath)\n\n");
        var i = r.path("install");
        b.append(String.format(Locale.ROOT, "## Installing %d admitted flows (%d rules), confirmed by barriers%n%n",
                i.path("flows").asInt(), i.path("rules").asInt()));
        b.append("| installer | time to all confirmed (ms) | rules/s | vs Thalamus bulk |\n|---|---:|---:|---:|\n");
        double bulk = i.path("bulkConfirmedMs").asDouble();
        b.append(String.format(Locale.ROOT, "| Thalamus OpenFlow, one burst + barrier per switch (median of %d) | %.1f | %.0f | 1.00 |%n",
                REPEATS, bulk, i.path("bulkRulesPerSecond").asDouble()));
        b.append(String.format(Locale.ROOT, "| Thalamus OpenFlow, flow by flow, barriers per flow | %.1f | %.0f | %.2f |%n",
                i.path("perFlowConfirmedMs").asDouble(), i.path("perFlowRulesPerSecond").asDouble(),
                i.path("perFlowConfirmedMs").asDouble() / bulk));
        b.append(String.format(Locale.ROOT, "| ovs-ofctl add-flows, same rules, 11 bridges in parallel (median of %d) | %.1f | %.0f | %.2f |%n",
                REPEATS, i.path("ovsOfctlConfirmedMs").asDouble(), i.path("ovsOfctlRulesPerSecond").asDouble(),
                i.path("ovsOfctlConfirmedMs").asDouble() / bulk));
        b.append(String.format(Locale.ROOT, "| ONOS, 1,000 intents (published figure, not measured here) | %.1f | - | %.2f |%n%n",
                ONOS_1000_INTENTS_MS, ONOS_1000_INTENTS_MS / bulk));
        var rec = r.path("recovery");
        b.append("## Failure recovery: cable cut to restored pings (goal < 1000 ms)\n\nConnectivity counts as restored at the first reply to a request sent after the cut (send time = reply time - RTT).\n\n");
        b.append("| pair | cable cut | cut to restored connectivity (ms) | requests lost | controller re-plan (ms) |\n|---|---|---:|---:|---:|\n");
        for (var run : rec.path("runs")) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %d | %.1f |%n", run.path("pair").asText(),
                    run.path("cable").asText(), run.path("cutToRestoredMs").asDouble(), run.path("lostRequests").asInt(),
                    run.path("replanMs").asDouble()));
        }
        b.append(String.format(Locale.ROOT, "%nMedian %.1f ms, worst %.1f ms (pings every %d ms).%n%n",
                rec.path("medianCutToRestoredMs").asDouble(), rec.path("maxCutToRestoredMs").asDouble(),
                rec.path("pingIntervalMs").asInt()));
        var fid = r.path("fidelity");
        b.append("## Fidelity: iperf3 TCP throughput vs prediction (goal: mean relative error <= 10%)\n\n");
        b.append("Predictor: ").append(fid.path("predictor").asText()).append(".\n\n");
        b.append("| flow | path | twin (Mbit/s) | max-min (Mbit/s) | iperf3 (Mbit/s) | twin error | max-min error |\n"
                + "|---|---|---:|---:|---:|---:|---:|\n");
        for (var f : fid.path("flows")) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.1f%% | %.1f%% |%n", f.path("flow").asText(),
                    f.path("path").asText(), f.path("twinGoodputMbps").asDouble(), f.path("maxMinGoodputMbps").asDouble(),
                    f.path("iperf3Mbps").asDouble(), 100 * f.path("relativeError").asDouble(),
                    100 * f.path("relativeErrorMaxMin").asDouble()));
        }
        b.append(String.format(Locale.ROOT, "%nMean relative error: twin %.1f%%, plain max-min fair share %.1f%%.%n",
                100 * fid.path("meanRelativeError").asDouble(), 100 * fid.path("meanRelativeErrorMaxMin").asDouble()));
        return b.toString();
    }
}
