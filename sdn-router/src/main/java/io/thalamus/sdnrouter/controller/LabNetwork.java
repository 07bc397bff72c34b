package io.thalamus.sdnrouter.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.thalamus.network.topology.Topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An emulated network of a topology on this machine, built from real Linux and Open vSwitch pieces:
 * one Open vSwitch bridge per node (userspace datapath, {@code datapath_type=netdev}, fail-secure, OpenFlow
 * 1.3 only, connected to {@code tcp:127.0.0.1:PORT}), one network namespace per node holding its host
 * (address in 10.0.0.0/16, static ARP entries for every other host so the data plane carries only IPv4),
 * and one veth pair per cable whose ends are shaped with {@code tc} (HTB with per-source-host fair sharing, or
 * tbf for large labs) to the link capacity divided by the rate scale. Propagation delay is not emulated
 * ({@code netem} is unavailable here).
 *
 * <p>Every name the lab makes starts with the plan's prefix and is written to a state file <em>before</em>
 * it is created, so {@link #down(Path)} removes exactly what was made, also after a crash half-way
 * through {@link #up}; it is safe to run twice.
 */
public final class LabNetwork implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Topology topology;
    private final LabPlan plan;
    private final Path stateFile;
    private final int controllerPort;

    /**
     * What a lab made, as written to its state file.
     *
     * @param prefix         name prefix
     * @param topology       topology name
     * @param controllerPort OpenFlow port the bridges connect to
     * @param rateScale      capacity divisor
     * @param namespaces     network namespaces created
     * @param bridges        Open vSwitch bridges created
     * @param interfaces     root-namespace interfaces created (veth ends; deleting one deletes its peer)
     */
    public record LabState(String prefix, String topology, int controllerPort, double rateScale,
                           List<String> namespaces, List<String> bridges, List<String> interfaces) {
    }

    /**
     * What exists now of a recorded lab, and what else with the prefix is lying around.
     *
     * @param recorded   the state file's content, or null when there is none
     * @param namespaces recorded namespaces that exist
     * @param bridges    recorded bridges that exist
     * @param interfaces recorded interfaces that exist
     * @param strays     objects with the prefix that the state file does not list
     */
    public record LabStatus(LabState recorded, List<String> namespaces, List<String> bridges, List<String> interfaces,
                            List<String> strays) {

        /** True when nothing recorded exists any more. */
        public boolean empty() {
            return namespaces.isEmpty() && bridges.isEmpty() && interfaces.isEmpty();
        }
    }

    /**
     * Result of a ping between two hosts.
     *
     * @param sent      echo requests sent
     * @param received  replies received
     * @param avgRttMs  mean round-trip time, NaN when none came back
     */
    public record PingResult(int sent, int received, double avgRttMs) {

        /** True when at least one reply came back. */
        public boolean reachable() {
            return received > 0;
        }
    }

    private LabNetwork(Topology topology, LabPlan plan, Path stateFile, int controllerPort) {
        this.topology = topology;
        this.plan = plan;
        this.stateFile = stateFile;
        this.controllerPort = controllerPort;
    }

    /** Why the lab cannot run here (not root, no Open vSwitch, a missing tool), or empty when it can. */
    public static Optional<String> unavailableReason() {
        HostCommands.Result id = HostCommands.run("id", "-u");
        if (!id.ok() || !id.stdout().strip().equals("0")) {
            return Optional.of("the lab needs root (network namespaces, veth pairs, tc); running as uid "
                    + id.stdout().strip());
        }
        for (String tool : List.of("ip", "tc", "ovs-vsctl", "ovs-ofctl", "ping")) {
            if (!HostCommands.run("sh", "-c", "command -v " + tool).ok()) {
                return Optional.of("'" + tool + "' is not installed (apt-get install openvswitch-switch iproute2 iputils-ping)");
            }
        }
        HostCommands.Result ovs = HostCommands.run(List.of("ovs-vsctl", "--timeout=5", "show"), null, 10);
        if (!ovs.ok()) {
            return Optional.of("Open vSwitch is not running (start it with ovs-ctl --no-monitor start): "
                    + ovs.stderr().strip());
        }
        return Optional.empty();
    }

    /**
     * The rule lab tests follow: empty when the lab can run; when it cannot, the reason (tests skip with
     * it, after printing it), unless {@code THALAMUS_REQUIRE_OVS=1} is set, which turns it into a failure.
     *
     * @throws LabException when the lab is required but cannot run
     */
    public static Optional<String> testSkipReason() {
        Optional<String> reason = unavailableReason();
        if (reason.isEmpty()) {
            return reason;
        }
        if ("1".equals(System.getenv("THALAMUS_REQUIRE_OVS"))) {
            throw new LabException("THALAMUS_REQUIRE_OVS=1 but the Open vSwitch lab cannot run: " + reason.get());
        }
        System.out.println("[skipped] Open vSwitch lab test: " + reason.get());
        return reason;
    }

    /** Whether TCP works in the lab: the userspace datapath needs checksum offload off, which needs ethtool. */
    public static boolean tcpCapable() {
        return HostCommands.run("sh", "-c", "command -v ethtool").ok();
    }

    /**
     * Builds the lab. On any failure everything made so far is removed and the error rethrown.
     *
     * @param controllerPort loopback port of the OpenFlow controller the bridges connect to
     * @param stateFile      where to record what is made; must not describe a lab that still exists
     * @throws LabException naming the command that failed
     */
    public static LabNetwork up(Topology topology, LabPlan plan, int controllerPort, Path stateFile) {
        if (Files.exists(stateFile)) {
            LabStatus s = status(stateFile);
            if (!s.empty()) {
                throw new LabException("a lab recorded in " + stateFile + " still exists (" + s.bridges().size()
                        + " bridges); run 'thalamus lab down' first");
            }
        }
        unavailableReason().ifPresent(r -> {
            throw new LabException(r);
        });
        Recorder rec = new Recorder(stateFile, plan.prefix(), topology.name(), controllerPort, plan.rateScale());
        LabNetwork lab = new LabNetwork(topology, plan, stateFile, controllerPort);
        try {
            lab.build(rec);
        } catch (RuntimeException e) {
            try {
                down(stateFile);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return lab;
    }

    private void build(Recorder rec) {
        boolean ethtool = tcpCapable();
        for (LabPlan.NodePlan n : plan.nodes()) {
            rec.namespace(n.namespace());
            HostCommands.check("ip", "netns", "add", n.namespace());
            rec.iface(n.hostVeth());
            HostCommands.check("ip", "link", "add", n.hostVeth(), "type", "veth", "peer", "name", n.hostVeth() + "p");
            HostCommands.check("ip", "link", "set", n.hostVeth() + "p", "netns", n.namespace());
            StringBuilder batch = new StringBuilder();
            batch.append("link set lo up\n");
            batch.append("link set ").append(n.hostVeth()).append("p name eth0\n");
            batch.append("link set eth0 address ").append(n.mac()).append('\n');
            batch.append("addr add ").append(n.ipv4()).append("/16 dev eth0\n");
            batch.append("link set eth0 up\n");
            for (LabPlan.NodePlan other : plan.nodes()) {
                if (other != n) {
                    batch.append("neigh replace ").append(other.ipv4()).append(" lladdr ").append(other.mac())
                            .append(" dev eth0 nud permanent\n");
                }
            }
            HostCommands.check(List.of("ip", "-n", n.namespace(), "-batch", "-"), batch.toString());
            HostCommands.run("ip", "netns", "exec", n.namespace(), "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1");
            if (ethtool) {
                // the userspace datapath does not fill in offloaded checksums: without this TCP stalls
                HostCommands.check("ip", "netns", "exec", n.namespace(), "ethtool", "-K", "eth0", "tx", "off");
            }
            HostCommands.check("ip", "link", "set", n.hostVeth(), "up");
            rec.bridge(n.bridge());
            HostCommands.check("ovs-vsctl", "--timeout=20", "add-br", n.bridge(),
                    "--", "set", "bridge", n.bridge(), "datapath_type=netdev", "fail_mode=secure", "protocols=OpenFlow13",
                    String.format("other-config:datapath-id=%016x", n.dpid()), "other-config:disable-in-band=true",
                    "--", "add-port", n.bridge(), n.hostVeth(), "--", "set", "interface", n.hostVeth(), "ofport_request=1");
        }
        for (LabPlan.CablePlan c : plan.cables()) {
            rec.iface(c.vethA());
            HostCommands.check("ip", "link", "add", c.vethA(), "type", "veth", "peer", "name", c.vethB());
            rec.iface(c.vethB());
            for (String v : List.of(c.vethA(), c.vethB())) {
                HostCommands.run("sysctl", "-q", "-w", "net.ipv6.conf." + v + ".disable_ipv6=1");
                HostCommands.check("ip", "link", "set", v, "up");
            }
            HostCommands.check("ovs-vsctl", "--timeout=20",
                    "add-port", bridgeOf(c.nodeA()), c.vethA(), "--", "set", "interface", c.vethA(), "ofport_request=" + c.portA(),
                    "--", "add-port", bridgeOf(c.nodeB()), c.vethB(), "--", "set", "interface", c.vethB(), "ofport_request=" + c.portB());
        }
        // after the ports exist: Open vSwitch replaces a port's root qdisc when it adds the port
        for (LabPlan.CablePlan c : plan.cables()) {
            shape(c.vethA(), c.rateAtoBbps());
            shape(c.vethB(), c.rateBtoAbps());
        }
        for (LabPlan.NodePlan n : plan.nodes()) {
            HostCommands.check("ovs-vsctl", "--timeout=20", "set-controller", n.bridge(), "tcp:127.0.0.1:" + controllerPort,
                    "--", "set", "controller", n.bridge(), "connection-mode=out-of-band", "max_backoff=1000");
        }
    }

    /** Up to this many hosts, each cable end shares its rate fairly among source hosts (HTB); above it, one tbf. */
    public static final int FAIR_SHARING_MAX_HOSTS = 64;

    /**
     * Shapes a cable end's egress to {@code rateBps}. With at most {@link #FAIR_SHARING_MAX_HOSTS} hosts it is an
     * HTB tree: one class at the link rate, under it one class per source host (u32 match on the IPv4 source,
     * guaranteed an equal part, allowed to borrow up to the full rate) with a 50 ms packet FIFO each, so
     * competing hosts share a congested link fairly, as the flow-level model assumes (fq_codel, sfq and fq are not
     * available in this kernel). Above that size it is a single tbf.
     */
    private void shape(String dev, double rateBps) {
        long rate = Math.max(8000, Math.round(rateBps));
        // burst: 10 ms at the rate (at least a few full frames); queues: about 50 ms of full frames
        long burstBytes = Math.max(rate / 8 / 100, 4 * 1514);
        int queuePackets = (int) Math.max(10, rate / 8 / 1514 / 20);
        if (plan.nodes().size() > FAIR_SHARING_MAX_HOSTS) {
            HostCommands.check("tc", "qdisc", "replace", "dev", dev, "root", "tbf", "rate", rate + "bit",
                    "burst", String.valueOf(burstBytes), "latency", "50ms");
            return;
        }
        int n = plan.nodes().size();
        long share = Math.max(8000, rate / (n + 1));
        StringBuilder b = new StringBuilder();
        b.append("qdisc replace dev ").append(dev).append(" root handle 1: htb default ffff\n");
        b.append("class add dev ").append(dev).append(" parent 1: classid 1:1 htb rate ").append(rate).append("bit ceil ")
                .append(rate).append("bit burst ").append(burstBytes).append(" cburst ").append(burstBytes).append('\n');
        List<String> classes = new ArrayList<>();
        classes.add("ffff");
        for (int i = 0; i < n; i++) {
            classes.add(Integer.toHexString(0x10 + i));
        }
        for (String c : classes) {
            b.append("class add dev ").append(dev).append(" parent 1:1 classid 1:").append(c).append(" htb rate ")
                    .append(share).append("bit ceil ").append(rate).append("bit burst ").append(burstBytes)
                    .append(" cburst ").append(burstBytes).append(" quantum 1514\n");
            b.append("qdisc add dev ").append(dev).append(" parent 1:").append(c).append(" pfifo limit ")
                    .append(queuePackets).append('\n');
        }
        for (int i = 0; i < n; i++) {
            b.append("filter add dev ").append(dev).append(" parent 1: protocol ip prio 1 u32 match ip src ")
                    .append(plan.nodes().get(i).ipv4()).append("/32 flowid 1:").append(Integer.toHexString(0x10 + i)).append('\n');
        }
        HostCommands.check(List.of("tc", "-batch", "-"), b.toString());
    }

    /** Cable ends whose shaper (htb or tbf) is missing (Open vSwitch replaced it, or someone removed it). */
    public List<String> unshapedInterfaces() {
        List<String> missing = new ArrayList<>();
        for (LabPlan.CablePlan c : plan.cables()) {
            for (String v : List.of(c.vethA(), c.vethB())) {
                String q = HostCommands.run("tc", "qdisc", "show", "dev", v).stdout();
                if (!q.contains("tbf") && !q.contains("htb")) {
                    missing.add(v);
                }
            }
        }
        return missing;
    }

    private String bridgeOf(String nodeId) {
        return plan.node(nodeId).bridge();
    }

    /** The plan the lab was built from. */
    public LabPlan plan() {
        return plan;
    }

    /** The topology it emulates. */
    public Topology topology() {
        return topology;
    }

    /** OpenFlow port the bridges connect to. */
    public int controllerPort() {
        return controllerPort;
    }

    /** Where what was made is recorded. */
    public Path stateFile() {
        return stateFile;
    }

    /** Cuts a cable: both veth ends go administratively down, so both switches see the port go down. */
    public void cut(String physicalId) {
        LabPlan.CablePlan c = plan.cable(physicalId);
        HostCommands.check("ip", "link", "set", c.vethA(), "down");
        HostCommands.check("ip", "link", "set", c.vethB(), "down");
    }

    /** Restores a cut cable. */
    public void restore(String physicalId) {
        LabPlan.CablePlan c = plan.cable(physicalId);
        HostCommands.check("ip", "link", "set", c.vethA(), "up");
        HostCommands.check("ip", "link", "set", c.vethB(), "up");
    }

    /** Pings from one node's host to another's ({@code count} requests, 0.2 s apart, 1 s wait each). */
    public PingResult ping(String sourceNode, String destinationNode, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        LabPlan.NodePlan s = plan.node(sourceNode);
        LabPlan.NodePlan d = plan.node(destinationNode);
        HostCommands.Result r = HostCommands.run(List.of("ip", "netns", "exec", s.namespace(), "ping", "-n", "-q",
                "-c", String.valueOf(count), "-i", "0.2", "-W", "1", d.ipv4()), null, 10L + 2L * count);
        return parsePing(r.stdout());
    }

    /** Timestamps (epoch seconds) of the replies in a {@code ping -D} output. */
    public static List<Double> replyTimes(String pingOutput) {
        List<Double> times = new ArrayList<>();
        Matcher m = Pattern.compile("^\\[(\\d+\\.\\d+)\\].*bytes from", Pattern.MULTILINE).matcher(pingOutput);
        while (m.find()) {
            times.add(Double.parseDouble(m.group(1)));
        }
        return times;
    }

    /**
     * From a {@code ping -D} log: milliseconds from {@code cutAtEpochSeconds} to the first reply to a request sent
     * after it (send time = receive time - RTT). Such a request can only be answered over a working route, so
     * this is when connectivity was back; NaN when no request sent after the cut was answered.
     */
    public static double restoredAfterMs(String pingOutput, double cutAtEpochSeconds) {
        Matcher m = Pattern.compile("^\\[(\\d+\\.\\d+)\\].*icmp_seq=(\\d+).* time=([\\d.]+) ms", Pattern.MULTILINE)
                .matcher(pingOutput);
        while (m.find()) {
            double received = Double.parseDouble(m.group(1));
            double sent = received - Double.parseDouble(m.group(3)) / 1000;
            if (sent >= cutAtEpochSeconds) {
                return (received - cutAtEpochSeconds) * 1000;
            }
        }
        return Double.NaN;
    }

    /** Requests in a {@code ping -D} log that never got a reply. */
    public static int lostRequests(String pingOutput) {
        Matcher m = Pattern.compile("^\\[[\\d.]+\\].*bytes from.*icmp_seq=(\\d+)", Pattern.MULTILINE).matcher(pingOutput);
        java.util.TreeSet<Integer> seqs = new java.util.TreeSet<>();
        while (m.find()) {
            seqs.add(Integer.parseInt(m.group(1)));
        }
        return seqs.isEmpty() ? 0 : seqs.last() - seqs.first() + 1 - seqs.size();
    }

    static PingResult parsePing(String out) {
        Matcher m = Pattern.compile("(\\d+) packets transmitted, (\\d+) (?:packets )?received").matcher(out);
        if (!m.find()) {
            return new PingResult(0, 0, Double.NaN);
        }
        Matcher rtt = Pattern.compile("= [\\d.]+/([\\d.]+)/").matcher(out);
        return new PingResult(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                rtt.find() ? Double.parseDouble(rtt.group(1)) : Double.NaN);
    }

    /**
     * Starts a background ping with timestamps ({@code ping -D}) from one host to another every
     * {@code intervalMs}, writing to {@code output}; read it after stopping the process to find gaps.
     */
    public Process startTimedPing(String sourceNode, String destinationNode, int intervalMs, Path output) {
        LabPlan.NodePlan s = plan.node(sourceNode);
        LabPlan.NodePlan d = plan.node(destinationNode);
        try {
            return new ProcessBuilder("ip", "netns", "exec", s.namespace(), "ping", "-n", "-D", "-O",
                    "-i", String.format(Locale.ROOT, "%.3f", intervalMs / 1000.0), "-W", "1", d.ipv4())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw new LabException("cannot start ping in " + s.namespace(), e);
        }
    }

    /** Starts an iperf3 server in a node's namespace for one test on {@code port}. */
    public Process startIperfServer(String node, int port) {
        LabPlan.NodePlan n = plan.node(node);
        try {
            return new ProcessBuilder("ip", "netns", "exec", n.namespace(), "iperf3", "-s", "-1", "-B", n.ipv4(),
                    "-p", String.valueOf(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new LabException("cannot start iperf3 in " + n.namespace() + " (is iperf3 installed?)", e);
        }
    }

    /** Starts an iperf3 TCP client from one node to another's server on {@code port}, JSON output. */
    public Process startIperfClient(String source, String destination, int port, Duration duration) {
        LabPlan.NodePlan s = plan.node(source);
        LabPlan.NodePlan d = plan.node(destination);
        try {
            return new ProcessBuilder("ip", "netns", "exec", s.namespace(), "iperf3", "-c", d.ipv4(), "-p",
                    String.valueOf(port), "-t", String.valueOf(Math.max(1, duration.toSeconds())), "-O", "1", "-J")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new LabException("cannot start iperf3 in " + s.namespace(), e);
        }
    }

    /** TCP payload per Ethernet frame at MTU 1500 with timestamps (1448 of 1514 bytes): goodput / line rate. */
    public static final double TCP_GOODPUT_FRACTION = 1448.0 / 1514.0;

    /**
     * Runs one iperf3 TCP test per entry at the same time and returns each one's received goodput in bit/s.
     *
     * @param pairs    flow id → {source node, destination node}
     * @param duration measured time (one more second at the start is omitted as slow start)
     */
    public Map<String, Double> measureThroughput(Map<String, String[]> pairs, Duration duration) {
        List<Process> servers = new ArrayList<>();
        Map<String, Process> clients = new LinkedHashMap<>();
        try {
            int port = 5201;
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (Map.Entry<String, String[]> e : pairs.entrySet()) {
                servers.add(startIperfServer(e.getValue()[1], port));
                ports.put(e.getKey(), port++);
            }
            sleepQuietly(400);
            for (Map.Entry<String, String[]> e : pairs.entrySet()) {
                clients.put(e.getKey(), startIperfClient(e.getValue()[0], e.getValue()[1], ports.get(e.getKey()), duration));
            }
            Map<String, Double> out = new LinkedHashMap<>();
            for (Map.Entry<String, Process> e : clients.entrySet()) {
                String json = new String(e.getValue().getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                e.getValue().waitFor(duration.toSeconds() + 20, java.util.concurrent.TimeUnit.SECONDS);
                var tree = JSON.readTree(json);
                var bps = tree.path("end").path("sum_received").path("bits_per_second");
                if (!bps.isNumber()) {
                    throw new LabException("iperf3 for " + e.getKey() + " gave no result: " + tree.path("error").asText(json));
                }
                out.put(e.getKey(), bps.asDouble());
            }
            return out;
        } catch (IOException e) {
            throw new LabException("iperf3 failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted during iperf3", e);
        } finally {
            clients.values().forEach(Process::destroyForcibly);
            servers.forEach(Process::destroyForcibly);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes the lab recorded in the state file; returns what was removed. Safe to run twice. */
    public static List<String> down(Path stateFile) {
        if (!Files.exists(stateFile)) {
            return List.of();
        }
        LabState s = read(stateFile);
        List<String> removed = new ArrayList<>();
        for (String br : s.bridges()) {
            if (bridgeExists(br)) {
                HostCommands.check("ovs-vsctl", "--timeout=20", "--if-exists", "del-br", br);
                removed.add("bridge " + br);
            }
        }
        for (String i : s.interfaces()) {
            if (linkExists(i)) {
                HostCommands.run("ip", "link", "del", i);
                removed.add("interface " + i);
            }
        }
        for (String ns : s.namespaces()) {
            if (namespaceExists(ns)) {
                HostCommands.check("ip", "netns", "del", ns);
                removed.add("namespace " + ns);
            }
        }
        LabStatus after = status(stateFile);
        if (!after.empty()) {
            throw new LabException("lab down left " + after.bridges() + after.interfaces() + after.namespaces());
        }
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    /** What of the recorded lab exists, plus strays carrying its prefix (or {@code th} when nothing is recorded). */
    public static LabStatus status(Path stateFile) {
        LabState s = Files.exists(stateFile) ? read(stateFile) : null;
        String prefix = s == null ? "th" : s.prefix();
        List<String> ns = new ArrayList<>();
        List<String> br = new ArrayList<>();
        List<String> ifs = new ArrayList<>();
        Set<String> recorded = new LinkedHashSet<>();
        if (s != null) {
            s.namespaces().stream().filter(LabNetwork::namespaceExists).forEach(ns::add);
            s.bridges().stream().filter(LabNetwork::bridgeExists).forEach(br::add);
            s.interfaces().stream().filter(LabNetwork::linkExists).forEach(ifs::add);
            recorded.addAll(s.namespaces());
            recorded.addAll(s.bridges());
            recorded.addAll(s.interfaces());
            s.interfaces().forEach(i -> recorded.add(i + "p"));
        }
        List<String> strays = new ArrayList<>();
        Pattern ours = Pattern.compile(Pattern.quote(prefix) + "[bnhl]\\d+[abp]?");
        for (String line : HostCommands.run("ovs-vsctl", "--timeout=5", "list-br").stdout().split("\n")) {
            if (ours.matcher(line.strip()).matches() && !recorded.contains(line.strip())) {
                strays.add("bridge " + line.strip());
            }
        }
        for (String line : HostCommands.run("ip", "netns", "list").stdout().split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (ours.matcher(name).matches() && !recorded.contains(name)) {
                strays.add("namespace " + name);
            }
        }
        for (String line : HostCommands.run("ip", "-o", "link", "show").stdout().split("\n")) {
            String[] parts = line.split(":\\s+");
            if (parts.length > 1) {
                String name = parts[1].split("@")[0];
                if (ours.matcher(name).matches() && !recorded.contains(name)) {
                    strays.add("interface " + name);
                }
            }
        }
        return new LabStatus(s, ns, br, ifs, strays);
    }

    static boolean namespaceExists(String ns) {
        return Files.exists(Path.of("/run/netns", ns));
    }

    static boolean bridgeExists(String br) {
        return HostCommands.run("ovs-vsctl", "--timeout=5", "br-exists", br).ok();
    }

    static boolean linkExists(String name) {
        return Files.exists(Path.of("/sys/class/net", name));
    }

    static LabState read(Path stateFile) {
        try {
            return JSON.readValue(stateFile.toFile(), LabState.class);
        } catch (IOException e) {
            throw new LabException("lab state file " + stateFile + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** Removes the lab. */
    @Override
    public void close() {
        down(stateFile);
    }

    /** Writes each name to the state file before the object is made. */
    private static final class Recorder {
        private final Path file;
        private final String prefix;
        private final String topology;
        private final int port;
        private final double scale;
        private final List<String> namespaces = new ArrayList<>();
        private final List<String> bridges = new ArrayList<>();
        private final List<String> interfaces = new ArrayList<>();

        Recorder(Path file, String prefix, String topology, int port, double scale) {
            this.file = file;
            this.prefix = prefix;
            this.topology = topology;
            this.port = port;
            this.scale = scale;
            write();
        }

        void namespace(String n) {
            namespaces.add(n);
            write();
        }

        void bridge(String b) {
            bridges.add(b);
            write();
        }

        void iface(String i) {
            interfaces.add(i);
            write();
        }

        private void write() {
            try {
                Path parent = file.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Path tmp = Files.createTempFile(parent, ".lab", ".json");
                JSON.writeValue(tmp.toFile(), new LabState(prefix, topology, port, scale, namespaces, bridges, interfaces));
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write lab state " + file, e);
            }
        }
    }
}
