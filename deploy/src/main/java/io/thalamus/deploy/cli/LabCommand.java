package io.thalamus.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.deploy.TopologyFiles;
import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.controller.LabNetwork;
import io.thalamus.sdnrouter.controller.LabPlan;
import io.thalamus.sdnrouter.controller.OpenFlowController;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code thalamus lab}: an emulated data plane of a topology on this machine (Open vSwitch bridges, host
 * namespaces, shaped veth cables) driven by Thalamus's OpenFlow controller. {@code lab up} starts a
 * background daemon that builds the lab and keeps the controller running; the other commands talk to it
 * over its loopback control API, found through {@code daemon.json} in the state folder.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Emulated Open vSwitch lab of a topology, driven by Thalamus's OpenFlow controller (needs root).",
        subcommands = {
            LabCommand.Up.class, LabCommand.Down.class, LabCommand.Status.class, LabCommand.Install.class,
            LabCommand.Ping.class, LabCommand.Cut.class, LabCommand.Restore.class, LabCommand.Daemon.class,
        })
public final class LabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options every lab command shares. */
    abstract static class Base {
        @Option(names = "--state-dir", description = "Folder of the lab's state files (default: ~/.thalamus/lab).")
        Path stateDir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Path dir() {
            return stateDir != null ? stateDir : Path.of(System.getProperty("user.home"), ".thalamus", "lab");
        }

        void print(String line) {
            spec.commandLine().getOut().println(line);
        }

        JsonNode call(String method, String path, JsonNode body) {
            return LabDaemon.call(dir(), method, path, body);
        }
    }

    static Topology readTopology(Path file) {
        return file == null ? BuiltinTopologies.abilene() : TopologyFiles.read(file);
    }

    /** {@code lab up}. */
    @Command(name = "up", mixinStandardHelpOptions = true, description = "Build the lab and start its controller in the background.")
    static final class Up extends Base implements Callable<Integer> {
        @Option(names = "--topology", description = "Topology file (Thalamus JSON); default: built-in Abilene.")
        Path topology;
        @Option(names = "--rate-scale", defaultValue = "1000", description = "Divide link capacities by this (default: ${DEFAULT-VALUE}).")
        double rateScale;
        @Option(names = "--port", defaultValue = "" + OpenFlowController.DEFAULT_PORT, description = "OpenFlow port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
        int port;
        @Option(names = "--prefix", defaultValue = "th", description = "Prefix of every interface, bridge and namespace (default: ${DEFAULT-VALUE}).")
        String prefix;
        @Option(names = "--wait", defaultValue = "90", description = "Seconds to wait for the lab (default: ${DEFAULT-VALUE}).")
        int waitSeconds;

        @Override
        public Integer call() throws Exception {
            Topology t = readTopology(topology);
            LabPlan.of(t, prefix, rateScale); // bad arguments fail here, before anything is made
            LabDaemon.Info running = LabDaemon.readInfo(dir());
            if (running != null && ProcessHandle.of(running.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalArgumentException("a lab is already up (daemon pid " + running.pid() + ", topology "
                        + running.topology() + "); run 'thalamus lab down' first");
            }
            var reason = LabNetwork.unavailableReason();
            if (reason.isPresent()) {
                spec.commandLine().getErr().println("error: " + reason.get());
                return 1;
            }
            Files.createDirectories(dir());
            Files.deleteIfExists(dir().resolve(LabDaemon.DAEMON_FILE));
            Path log = dir().resolve("lab-daemon.log");
            String java = ProcessHandle.current().info().command().orElse(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> cmd = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                cmd.add("/usr/bin/setsid"); // the daemon outlives this shell's session
            }
            cmd.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), ThalamusCli.class.getName(),
                    "lab", "daemon", "--state-dir", dir().toString(), "--rate-scale", String.valueOf(rateScale),
                    "--port", String.valueOf(port), "--prefix", prefix));
            if (topology != null) {
                cmd.addAll(List.of("--topology", topology.toAbsolutePath().toString()));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                LabDaemon.Info info = LabDaemon.readInfo(dir());
                if (info != null) {
                    JsonNode st = LabDaemon.call(dir(), "GET", "/status", null);
                    print("lab up: " + st.path("topology").asText() + ", " + st.path("nodes").asInt() + " switches connected to "
                            + "tcp:127.0.0.1:" + info.openflowPort() + ", " + st.path("cables").asInt()
                            + " cables shaped at capacity/" + rateScale);
                    print("  daemon pid " + info.pid() + ", control API http://127.0.0.1:" + info.controlPort()
                            + ", log " + log);
                    for (JsonNode h : st.path("hosts")) {
                        print("  " + h.path("node").asText() + "  " + h.path("ipv4").asText() + "  netns "
                                + h.path("namespace").asText() + "  bridge " + h.path("bridge").asText());
                    }
                    print("no forwarding rules yet: run 'thalamus lab install --policy shortest'");
                    return 0;
                }
                if (!p.isAlive()) {
                    spec.commandLine().getErr().println("error: the lab daemon exited (" + p.exitValue() + "); last lines of " + log + ":");
                    List<String> lines = Files.readAllLines(log);
                    lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(spec.commandLine().getErr()::println);
                    return 1;
                }
                Thread.sleep(100);
            }
            p.destroy();
            spec.commandLine().getErr().println("error: the lab did not come up within " + waitSeconds + " s; see " + log);
            return 1;
        }
    }

    /** {@code lab daemon}: the background process (started by {@code lab up}). */
    @Command(name = "daemon", hidden = true, description = "Run the lab in the foreground (lab up starts this).")
    static final class Daemon extends Base implements Callable<Integer> {
        @Option(names = "--topology")
        Path topology;
        @Option(names = "--rate-scale", defaultValue = "1000")
        double rateScale;
        @Option(names = "--port", defaultValue = "" + OpenFlowController.DEFAULT_PORT)
        int port;
        @Option(names = "--prefix", defaultValue = "th")
        String prefix;

        @Override
        public Integer call() throws Exception {
            LabDaemon d = LabDaemon.start(readTopology(topology), topology, prefix, rateScale, port, dir());
            Runtime.getRuntime().addShutdownHook(new Thread(d::close, "lab-shutdown"));
            print("lab daemon up; control port " + d.controlPort());
            d.awaitStop();
            print("lab removed; daemon exiting");
            return 0;
        }
    }

    /** {@code lab down}. */
    @Command(name = "down", mixinStandardHelpOptions = true, description = "Remove everything the lab made and stop its daemon (safe to repeat).")
    static final class Down extends Base implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            LabDaemon.Info info = LabDaemon.readInfo(dir());
            if (info != null) {
                var handle = ProcessHandle.of(info.pid());
                if (handle.map(ProcessHandle::isAlive).orElse(false)) {
                    boolean self = info.pid() == ProcessHandle.current().pid();
                    try {
                        LabDaemon.call(dir(), "POST", "/down", LabDaemon.JSON.createObjectNode());
                        long deadline = System.nanoTime() + 30_000_000_000L;
                        while (Files.exists(dir().resolve(LabDaemon.DAEMON_FILE)) && System.nanoTime() < deadline) {
                            Thread.sleep(50);
                        }
                        if (!self) {
                            handle.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                        }
                    } catch (RuntimeException | java.util.concurrent.TimeoutException e) {
                        if (self) {
                            throw e;
                        }
                        handle.get().destroy(); // its shutdown hook removes the lab
                        handle.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    }
                    print("stopped lab daemon pid " + info.pid());
                }
                Files.deleteIfExists(dir().resolve(LabDaemon.DAEMON_FILE));
            }
            List<String> removed = LabNetwork.down(dir().resolve(LabDaemon.STATE_FILE));
            removed.forEach(r -> print("removed " + r));
            print(info == null && removed.isEmpty() ? "no lab to remove" : "lab down");
            return 0;
        }
    }

    /** {@code lab status}. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "List what the lab made that exists, and what is installed.")
    static final class Status extends Base implements Callable<Integer> {
        @Override
        public Integer call() {
            LabNetwork.LabStatus s = LabNetwork.status(dir().resolve(LabDaemon.STATE_FILE));
            if (s.recorded() == null) {
                print("no lab recorded in " + dir());
            } else {
                print("lab " + s.recorded().topology() + " (prefix " + s.recorded().prefix() + ", rate scale "
                        + s.recorded().rateScale() + ", OpenFlow port " + s.recorded().controllerPort() + ")");
                print("  bridges    " + s.bridges().size() + "/" + s.recorded().bridges().size() + ": " + String.join(" ", s.bridges()));
                print("  namespaces " + s.namespaces().size() + "/" + s.recorded().namespaces().size() + ": " + String.join(" ", s.namespaces()));
                print("  interfaces " + s.interfaces().size() + "/" + s.recorded().interfaces().size() + ": " + String.join(" ", s.interfaces()));
            }
            if (!s.strays().isEmpty()) {
                print("  not recorded but carrying the prefix: " + String.join(", ", s.strays()));
            }
            LabDaemon.Info info = LabDaemon.readInfo(dir());
            if (info != null && ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                JsonNode st = LabDaemon.call(dir(), "GET", "/status", null);
                print("  daemon pid " + info.pid() + ", switches connected: " + st.path("connected").size() + "/"
                        + st.path("nodes").asInt() + ", cables down: " + st.path("downCables"));
                print("  policy: " + (st.path("policy").isNull() ? "none" : st.path("policy").asText())
                        + ", flows: " + st.path("flows").size() + ", rules: " + st.path("rules").size()
                        + ", re-plans: " + st.path("replans").size());
            } else if (s.recorded() != null) {
                print("  no daemon running (the controller is gone; 'thalamus lab down' cleans up)");
            }
            return 0;
        }
    }

    /** {@code lab install}. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install a network-wide policy (--policy) or admitted flows' paths (--flows/--flows-from-demands with --solver).")
    static final class Install extends Base implements Callable<Integer> {
        @Option(names = "--policy", description = "Routing policy compiled to forwarding tables: ${COMPLETION-CANDIDATES}.",
                completionCandidates = PolicyNames.class)
        String policy;
        @Option(names = "--flows", description = "Flow-set JSON file to admit and install.")
        Path flows;
        @Option(names = "--flows-from-demands", description = "Admit the topology file's demands as flows.")
        boolean fromDemands;
        @Option(names = "--solver", defaultValue = "greedy", description = "Admission solver: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
                completionCandidates = SolverNames.class)
        String solver;

        @Override
        public Integer call() {
            boolean flowMode = flows != null || fromDemands;
            if ((policy == null) == !flowMode) {
                throw new IllegalArgumentException("give exactly one of --policy, --flows FILE, --flows-from-demands");
            }
            if (policy != null) {
                JsonNode r = call("POST", "/install/policy", LabDaemon.JSON.createObjectNode().put("policy", policy));
                print(String.format("installed policy %s: %d rules, confirmed by barriers in %.1f ms", policy,
                        r.path("rules").asInt(), r.path("confirmedMs").asDouble()));
                return 0;
            }
            ObjectNode body = LabDaemon.JSON.createObjectNode().put("solver", solver).put("fromDemands", fromDemands);
            if (flows != null) {
                body.put("flows", flows.toAbsolutePath().toString());
            }
            JsonNode r = call("POST", "/install/flows", body);
            print(String.format("solver %s admitted %d of %d flows in %.1f ms; %d rules confirmed in %.1f ms",
                    solver, r.path("admitted").asInt(), r.path("flows").asInt(), r.path("solveMs").asDouble(),
                    r.path("rules").asInt(), r.path("confirmedMs").asDouble()));
            r.path("paths").fields().forEachRemaining(e -> print("  " + e.getKey() + "  " + e.getValue().asText()
                    + "  [" + r.path("matches").path(e.getKey()).asText() + "]"));
            if (r.path("rejected").size() > 0) {
                print("  rejected: " + r.path("rejected"));
            }
            return 0;
        }
    }

    /** Candidates for --policy. */
    static final class PolicyNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        PolicyNames() {
            super(LabInstaller.POLICIES);
            add("POLICY.json");
        }
    }

    /** Candidates for --solver. */
    static final class SolverNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        SolverNames() {
            super(LabInstaller.SOLVERS);
        }
    }

    /** {@code lab ping}. */
    @Command(name = "ping", mixinStandardHelpOptions = true, description = "Ping from one node's host to another's; exit 0 when replies come back.")
    static final class Ping extends Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SRC_NODE")
        String source;
        @Parameters(index = "1", paramLabel = "DST_NODE")
        String destination;
        @Option(names = "--count", defaultValue = "3", description = "Echo requests (default: ${DEFAULT-VALUE}).")
        int count;

        @Override
        public Integer call() {
            JsonNode r = call("POST", "/ping", LabDaemon.JSON.createObjectNode().put("source", source)
                    .put("destination", destination).put("count", count));
            print(String.format("%s -> %s: %d/%d replies%s", source, destination, r.path("received").asInt(),
                    r.path("sent").asInt(), r.path("received").asInt() > 0
                            ? String.format(", avg rtt %.3f ms", r.path("avgRttMs").asDouble()) : ""));
            return r.path("received").asInt() > 0 ? 0 : 1;
        }
    }

    /** {@code lab cut}. */
    @Command(name = "cut", mixinStandardHelpOptions = true, description = "Take a link down (both veth ends); the controller re-plans.")
    static final class Cut extends Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LINK_ID")
        String link;

        @Override
        public Integer call() {
            report(this, call("POST", "/cut", LabDaemon.JSON.createObjectNode().put("link", link)));
            return 0;
        }
    }

    /** {@code lab restore}. */
    @Command(name = "restore", mixinStandardHelpOptions = true, description = "Bring a cut link back up; the controller re-plans.")
    static final class Restore extends Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LINK_ID")
        String link;

        @Override
        public Integer call() {
            report(this, call("POST", "/restore", LabDaemon.JSON.createObjectNode().put("link", link)));
            return 0;
        }
    }

    private static void report(Base cmd, JsonNode r) {
        String what = r.path("down").asBoolean() ? "cut" : "restored";
        double seen = r.path("controllerSawItMs").asDouble();
        cmd.print(String.format("%s %s; controller %s%s", what, r.path("link").asText(),
                seen < 0 ? "did not report it within 3 s" : String.format("saw it after %.1f ms", seen),
                r.has("replanMs") ? String.format(", re-planned in %.1f ms (%d flows moved, %d dropped)",
                        r.path("replanMs").asDouble(), r.path("moved").asInt(), r.path("dropped").asInt()) : ""));
    }
}
