package io.thalamus.sdnrouter.admission;

import io.thalamus.network.generate.PfarFlowGenerator;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.FlowJson;
import io.thalamus.network.format.TopologyFormatException;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmissionBehaviourTest {

    private static List<AdmissionSolver> allSolvers() {
        List<AdmissionSolver> s = new ArrayList<>(AdmissionSolversTest.exactSolvers());
        s.addAll(AdmissionSolversTest.heuristics());
        return s;
    }

    /** a - b - c, each link 10 bit/s both ways; d is isolated; e only receives from c. */
    private static Topology line() {
        List<Node> nodes = new ArrayList<>();
        for (String n : List.of("a", "b", "c", "d", "e")) {
            nodes.add(new Node(n, n, null, Double.NaN, Double.NaN));
        }
        List<Link> links = List.of(
                new Link("ab", "ab", "a", "b", 10, 1, 1, null), new Link("ba", "ab", "b", "a", 10, 1, 1, null),
                new Link("bc", "bc", "b", "c", 10, 1, 1, null), new Link("cb", "bc", "c", "b", 10, 1, 1, null),
                new Link("ce", "ce", "c", "e", 10, 1, 1, null));
        return new Topology("line", nodes, links);
    }

    @Test
    void preemptionEvictsOnlyLowerClassesAndReportsEachEviction() {
        Topology t = line();
        AdmittedFlow low = new AdmittedFlow(Flow.of("low", "a", "c", 6, 0), Path.ofNodes(t, List.of("a", "b", "c")));
        AdmittedFlow mid = new AdmittedFlow(Flow.of("mid", "b", "c", 3, 1), Path.ofNodes(t, List.of("b", "c")));
        AdmittedFlow peer = new AdmittedFlow(Flow.of("peer", "b", "a", 9, 2), Path.ofNodes(t, List.of("b", "a")));
        List<Flow> newcomers = List.of(Flow.of("high", "a", "c", 7, 2), Flow.of("same", "c", "b", 5, 0));
        AdmissionProblem keep = new AdmissionProblem(t, newcomers, List.of(low, mid, peer), ObjectiveMode.STRICT, 4, false);
        AdmissionProblem preempt = keep.withExisting(keep.existing(), true);
        for (AdmissionSolver s : allSolvers()) {
            AdmissionResult kept = AdmissionSolversTest.solveChecked(s, keep);
            assertTrue(kept.evictions().isEmpty(), s.name());
            assertTrue(kept.rejected().stream().anyMatch(r -> r.flow().id().equals("high") && r.reason().equals("capacity")), s.name());

            AdmissionResult r = AdmissionSolversTest.solveChecked(s, preempt);
            assertEquals(1, r.evictions().size(), s.name() + " " + r.evictions());
            Eviction e = r.evictions().get(0);
            assertEquals("low", e.flow().id());
            assertEquals("high", e.byFlowId());
            assertTrue(r.rejected().stream().anyMatch(x -> x.flow().id().equals("low") && x.reason().equals("evicted-by:high")));
            List<String> admitted = r.admitted().stream().map(a -> a.flow().id()).toList();
            assertTrue(admitted.containsAll(List.of("high", "mid", "peer", "same")), s.name() + " " + admitted);
        }
    }

    @Test
    void randomPreemptionNeverEvictsForAnEqualOrLowerPriority() {
        for (long seed = 1; seed <= 6; seed++) {
            Topology t = TinyInstances.topology(seed, 6, 3, 6, 12);
            List<Flow> old = TinyInstances.flows(seed, t, 10, 5, 3, false);
            AdmissionResult first = new GreedyAdmissionSolver().solve(AdmissionProblem.of(t, old));
            List<Flow> fresh = TinyInstances.flows(seed + 100, t, 8, 5, 3, false).stream()
                    .map(f -> new Flow("n" + f.id(), f.source(), f.destination(), f.bandwidthBps(), f.priority(), null, null, 1))
                    .toList();
            AdmissionProblem p = new AdmissionProblem(t, fresh, first.admitted(), ObjectiveMode.STRICT, 6, true);
            for (AdmissionSolver s : allSolvers()) {
                AdmissionResult r = AdmissionSolversTest.solveChecked(s, p);
                for (Eviction e : r.evictions()) {
                    Flow by = fresh.stream().filter(f -> f.id().equals(e.byFlowId())).findFirst().orElseThrow();
                    assertTrue(by.priority() > e.flow().priority(), s.name() + " seed " + seed);
                }
                long dropped = r.rejected().stream().filter(x -> !x.flow().id().startsWith("n")).count();
                assertEquals(r.evictions().size(), dropped);
            }
        }
    }

    @Test
    void unreachableDestinationIsRejectedWithNoPath() {
        Topology t = line();
        List<Flow> flows = List.of(Flow.of("toD", "a", "d", 1, 2), Flow.of("fromE", "e", "a", 1, 1), Flow.of("ok", "a", "e", 1, 0));
        for (AdmissionSolver s : allSolvers()) {
            AdmissionResult r = AdmissionSolversTest.solveChecked(s, AdmissionProblem.of(t, flows));
            assertEquals(List.of("toD:no-path", "fromE:no-path"),
                    r.rejected().stream().map(x -> x.flow().id() + ":" + x.reason()).toList(), s.name());
            assertEquals(List.of("a", "b", "c", "e"), r.admitted().get(0).path().nodes());
        }
    }

    @Test
    void badInputGetsAClearError() {
        Topology t = line();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> AdmissionProblem.of(t, List.of(Flow.of("x", "a", "zz", 1, 0))));
        assertTrue(unknown.getMessage().contains("flow 'x'") && unknown.getMessage().contains("unknown destination node 'zz'"),
                unknown.getMessage());
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> AdmissionProblem.of(t, List.of(Flow.of("x", "a", "b", 1, 0), Flow.of("x", "b", "c", 1, 0))));
        assertTrue(dup.getMessage().contains("duplicate flow id 'x'"), dup.getMessage());
        for (double bw : new double[] {0, -3}) {
            IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Flow.of("z", "a", "b", bw, 0));
            assertTrue(zero.getMessage().contains("bandwidthBps must be a positive"), zero.getMessage());
            TopologyFormatException json = assertThrows(TopologyFormatException.class, () -> FlowJson.parse(
                    "[{\"id\":\"z\",\"source\":\"a\",\"destination\":\"b\",\"bandwidthBps\":" + bw + "}]", "flows.json", t));
            assertTrue(json.getMessage().contains("/0/bandwidthBps"), json.getMessage());
        }
        AdmittedFlow overfull = new AdmittedFlow(Flow.of("big", "a", "b", 11, 0), Path.ofNodes(t, List.of("a", "b")));
        IllegalArgumentException cap = assertThrows(IllegalArgumentException.class,
                () -> new AdmissionProblem(t, List.of(), List.of(overfull), ObjectiveMode.STRICT, 2, false));
        assertTrue(cap.getMessage().contains("exceed the capacity of link 'ab'"), cap.getMessage());
        AdmittedFlow wrongEnds = new AdmittedFlow(Flow.of("w", "a", "c", 1, 0), Path.ofNodes(t, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class,
                () -> new AdmissionProblem(t, List.of(), List.of(wrongEnds), ObjectiveMode.STRICT, 2, false));
        assertThrows(IllegalArgumentException.class, () -> AdmissionProblem.of(t, List.of()).withK(0));
        assertThrows(IllegalArgumentException.class, () -> ObjectiveMode.parse("fastest"));
    }

    @Test
    void checkerCatchesBrokenAnswers() {
        Topology t = line();
        AdmissionProblem p = AdmissionProblem.of(t, List.of(Flow.of("f", "a", "c", 6, 1), Flow.of("g", "a", "c", 6, 0)));
        AdmissionResult good = new GreedyAdmissionSolver().solve(p);
        assertTrue(AdmissionChecker.check(p, good).ok());
        // Admit both flows on the same path: 12 bit/s on 10 bit/s links.
        List<AdmittedFlow> both = List.of(good.admitted().get(0), new AdmittedFlow(p.flows().get(1), good.admitted().get(0).path()));
        AdmissionResult over = new AdmissionResult("fake", AdmissionStatus.FEASIBLE, ObjectiveMode.STRICT, good.classes(),
                List.of(1.0, 1.0), 3, List.of(), Double.NaN, 4, 0, both, List.of(), List.of(), good.linkLoads(),
                good.parameters(), List.of());
        List<String> v = AdmissionChecker.check(p, over).violations();
        assertTrue(v.stream().anyMatch(x -> x.contains("over its capacity")), v.toString());
        // Reject the high-priority flow although it fits: strict priority violated.
        AdmissionResult unfair = new AdmissionResult("fake", AdmissionStatus.FEASIBLE, ObjectiveMode.STRICT, good.classes(),
                List.of(0.0, 1.0), 1, List.of(), Double.NaN, 2,  0,
                List.of(new AdmittedFlow(p.flows().get(1), good.admitted().get(0).path())),
                List.of(new Rejection(p.flows().get(0), "capacity")), List.of(), good.linkLoads().stream()
                        .map(l -> new LinkLoad(l.linkId(), l.loadBps(), l.capacityBps())).toList(), good.parameters(), List.of());
        assertTrue(AdmissionChecker.check(p, unfair).violations().stream().anyMatch(x -> x.contains("strict priority")),
                AdmissionChecker.check(p, unfair).violations().toString());
    }

    @Test
    void exportedModelsDescribeTheIlp() {
        Topology t = TinyInstances.topology(3, 6, 3, 4, 9);
        AdmissionProblem p = new AdmissionProblem(t, TinyInstances.flows(3, t, 8, 5, 2, false), List.of(),
                ObjectiveMode.WEIGHTED, 3, false);
        CandidatePaths c = CandidatePaths.of(p);
        int z = 0;
        for (int f = 0; f < p.flows().size(); f++) {
            z += c.of(f).size();
        }
        String lp = IlpAdmissionSolver.exportLp(p);
        assertTrue(lp.contains("Maximize"), lp);
        long binaries = java.util.regex.Pattern.compile("\\bz_\\d+_\\d+\\b").matcher(lp)
                .results().map(java.util.regex.MatchResult::group).distinct().count();
        assertEquals(z, binaries);
        String mps = ArcIlpAdmissionSolver.exportMps(p);
        assertTrue(mps.contains("ROWS") && mps.contains("COLUMNS") && mps.contains("x_0"), mps);
    }

    @Test
    void strictExportFoldsTheClassesWithExactMultipliers() {
        Topology t = TinyInstances.topology(5, 6, 3, 4, 9);
        List<Flow> flows = TinyInstances.flows(5, t, 9, 5, 3, true);
        String lp = IlpAdmissionSolver.exportLp(AdmissionProblem.of(t, flows));
        // Expected: lowest class 1, each higher class (total value of the classes below, each + 1) times more.
        List<Integer> classes = flows.stream().map(Flow::priority).distinct().sorted(java.util.Comparator.reverseOrder()).toList();
        double[] expected = new double[classes.size()];
        double m = 1;
        for (int c = classes.size() - 1; c >= 0; c--) {
            expected[c] = m;
            int cls = classes.get(c);
            m *= flows.stream().filter(f -> f.priority() == cls).mapToDouble(Flow::value).sum() + 1;
        }
        List<Double> found = lp.lines().filter(l -> l.startsWith("\\ multiplier "))
                .map(l -> Double.parseDouble(l.split(" ")[2])).toList();
        assertEquals(Arrays.stream(expected).boxed().toList(), found, lp);
        assertTrue(lp.contains("admit class " + classes.get(0)), lp);
    }

    @Test
    void dominanceKeepsOnlyPairsWhoseSmallerFlowFitsInsideEveryPathOfTheOther() {
        // Line a - b - c: every path a->c contains the only path a->b.
        Topology t = new Topology("line", List.of(node("a"), node("b"), node("c")), List.of(
                link("ab", "a", "b"), link("ba", "b", "a"), link("bc", "b", "c"), link("cb", "c", "b")));
        List<Flow> flows = List.of(
                new Flow("small-ab", "a", "b", 1, 1, null, null, 1),
                new Flow("big-ac", "a", "c", 2, 1, null, null, 1),
                new Flow("other-class-ac", "a", "c", 2, 0, null, null, 1),
                new Flow("bigger-ab", "a", "b", 3, 1, null, null, 1),
                new Flow("reverse-ca", "c", "a", 1, 1, null, null, 1));
        AdmissionProblem p = AdmissionProblem.of(t, flows);
        AdmissionInstance in = new AdmissionInstance(p, CandidatePaths.of(p));
        java.util.Set<String> pairs = new java.util.TreeSet<>();
        for (int[] d : Dominance.pairs(in)) {
            pairs.add(flows.get(d[0]).id() + ">" + flows.get(d[1]).id());
        }
        assertEquals(new java.util.TreeSet<>(List.of("small-ab>big-ac", "small-ab>bigger-ab")), pairs);
    }

    private static io.thalamus.network.topology.Node node(String id) {
        return new io.thalamus.network.topology.Node(id, id, null, Double.NaN, Double.NaN);
    }

    private static Link link(String id, String a, String b) {
        return new Link(id, id, a, b, 10, 1, 1, null);
    }

    @Test
    void resultJsonRoundTripsAsExistingFlows() {
        Topology t = TinyInstances.topology(9, 6, 3, 5, 12);
        AdmissionProblem p = AdmissionProblem.of(t, TinyInstances.flows(9, t, 12, 5, 3, true));
        AdmissionResult r = new IlpAdmissionSolver().solve(p);
        String json = AdmissionJson.write(r);
        assertTrue(json.contains("\"status\" : \"OPTIMAL\"") && json.contains("\"linkLoads\""), json);
        List<AdmittedFlow> back = AdmissionJson.parseAdmitted(json, "result.json", t);
        assertEquals(r.admitted(), back);
        TopologyFormatException bad = assertThrows(TopologyFormatException.class,
                () -> AdmissionJson.parseAdmitted("{\"admitted\":[{\"id\":\"a\",\"source\":\"n0\",\"destination\":\"n1\",\"bandwidthBps\":1}]}",
                        "x.json", t));
        assertTrue(bad.getMessage().contains("/admitted/0"), bad.getMessage());
    }

    @Test
    void generatorIsSeededAndHitsItsLoadFactor() {
        Topology t = TinyInstances.topology(4, 12, 8, 100, 400);
        List<Flow> a = PfarFlowGenerator.generate(t, 300, 8, 2.0, 4);
        assertEquals(a, PfarFlowGenerator.generate(t, 300, 8, 2.0, 4));
        assertFalse(a.equals(PfarFlowGenerator.generate(t, 300, 9, 2.0, 4)));
        assertEquals(4, a.stream().mapToInt(Flow::priority).distinct().count());
        // Peak utilisation with every flow on its shortest path is the load factor (within the rounding).
        double[] load = new double[t.linkCount()];
        var sp = new io.thalamus.network.path.ShortestPaths(t);
        for (Flow f : a) {
            for (Link l : sp.shortest(f.source(), f.destination()).orElseThrow().links()) {
                load[t.indexOfLink(l.id())] += f.bandwidthBps();
            }
        }
        double peak = 0;
        for (int l = 0; l < load.length; l++) {
            peak = Math.max(peak, load[l] / t.links().get(l).capacityBps());
        }
        assertEquals(2.0, peak, 0.02);
    }

    @Test
    void gaRespectsItsBudget() {
        Topology t = TinyInstances.topology(2, 20, 15, 20, 50);
        AdmissionProblem p = AdmissionProblem.of(t, PfarFlowGenerator.generate(t, 400, 2, 2.0, 3));
        CandidatePaths c = CandidatePaths.of(p);
        AdmissionResult r = AdmissionSolversTest.solveChecked(new GeneticAdmissionSolver(1, Duration.ofMillis(300), 20, 0), p);
        assertTrue(Long.parseLong(r.parameters().get("generations")) >= 1);
        assertTrue(new GeneticAdmissionSolver(1, Duration.ofMillis(300), 20, 0).solve(p, c).timeMs() < 30_000);
    }
}
