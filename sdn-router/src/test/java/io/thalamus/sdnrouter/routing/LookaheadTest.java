package io.thalamus.sdnrouter.routing;

import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LookaheadTest {

    // S's neighbour P is closer to T but a dead end; the way round goes over Q and R. R = longest link = |RT| = sqrt(13).
    private final Topology pocket = RoutingFixtures.drawn("pocket",
            List.of("S 0 0", "P 2 0", "Q 0 2", "R 2 3", "T 4 0"),
            List.of("S-P", "S-Q", "Q-R", "R-T"));
    private final RoutingGraph g = RoutingGraph.of(pocket);

    private int node(String id) {
        return pocket.indexOfNode(id);
    }

    private LocalView atS(String... visitedIds) {
        boolean[] visited = new boolean[g.nodeCount()];
        visited[node("S")] = true;
        for (String id : visitedIds) {
            visited[node(id)] = true;
        }
        return new LocalView(g, node("S"), node("S"), node("T"), -1, visited);
    }

    @Test
    void lookaheadSeesDeadEndsAndTheWayRound() {
        LocalView view = atS();
        int p = g.slotOf(node("S"), node("P"));
        int q = g.slotOf(node("S"), node("Q"));
        // P's only neighbour is S itself: nothing onward.
        assertThat(view.onwardCount(p)).isZero();
        assertThat(view.lookahead(p)).isEqualTo(Double.POSITIVE_INFINITY);
        // Q goes on to R: |QR| + |RT| = sqrt(5) + sqrt(13).
        assertThat(view.onwardCount(q)).isEqualTo(1);
        assertThat(view.lookahead(q)).isCloseTo(Math.sqrt(5) + Math.sqrt(13), within(1e-12));
        // once R was visited, Q is a dead end too
        assertThat(atS("R").onwardCount(q)).isZero();
        assertThat(atS("R").lookahead(q)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void frontierLookaheadSkipsNodesTheCurrentNodeReachesItself() {
        // A at the origin reaches B and C directly; B also reaches C and D; C reaches E.
        Topology t = RoutingFixtures.drawn("frontier",
                List.of("A 0 0", "B 1 0", "C 1 1", "D 2 -1", "E 2 2", "T 4 0"),
                List.of("A-B", "A-C", "B-C", "B-D", "C-E", "D-T", "E-T"));
        RoutingGraph h = RoutingGraph.of(t);
        LocalView view = new LocalView(h, t.indexOfNode("A"), t.indexOfNode("A"), t.indexOfNode("T"), -1, new boolean[6]);
        int b = h.slotOf(t.indexOfNode("A"), t.indexOfNode("B"));
        // lookahead via B: min(|BC| + |CT|, |BD| + |DT|) = min(1 + sqrt(10), sqrt(2) + sqrt(5)) = sqrt(2) + sqrt(5)
        assertThat(view.lookahead(b)).isCloseTo(Math.sqrt(2) + Math.sqrt(5), within(1e-12));
        // frontier via B: C is A's own neighbour, so only D counts: same value here
        assertThat(view.frontier(b)).isCloseTo(Math.sqrt(2) + Math.sqrt(5), within(1e-12));
        // moving D away from the candidates: with D visited, via B only C remains, which A reaches itself
        boolean[] visited = new boolean[6];
        visited[t.indexOfNode("D")] = true;
        LocalView withD = new LocalView(h, t.indexOfNode("A"), t.indexOfNode("A"), t.indexOfNode("T"), -1, visited);
        assertThat(withD.lookahead(b)).isCloseTo(1 + Math.sqrt(10), within(1e-12));
        assertThat(withD.frontier(b)).isEqualTo(Double.POSITIVE_INFINITY);
        // via C: E is not A's neighbour, |CE| + |ET| = sqrt(2) + sqrt(8)
        int c = h.slotOf(t.indexOfNode("A"), t.indexOfNode("C"));
        assertThat(withD.frontier(c)).isCloseTo(Math.sqrt(2) + Math.sqrt(8), within(1e-12));
        // the feature: infinite frontier becomes d(u,t)/R + the dead-end penalty, R = longest link = |ET| = sqrt(8)
        assertThat(h.range()).isCloseTo(Math.sqrt(8), within(1e-12));
        double[] x = new double[FeatureSet.FRONTIER.count()];
        FeatureSet.FRONTIER.fill(withD, b, x);
        assertThat(x[8]).isCloseTo(3 / Math.sqrt(8) + FeatureSet.DEAD_END_PENALTY, within(1e-12));
    }

    /**
     * A reaches B and C; B reaches D and E, C reaches E: A's two-hop ball is {A, B, C, D, E}.
     * Beyond it: F (from D) and G (from E), both linked to T.
     */
    private final Topology threeHop = RoutingFixtures.drawn("three-hop",
            List.of("A 0 0", "B 1 0", "C 0 1", "D 2 0", "E 1 1", "F 3 0", "G 2 2", "T 6 0"),
            List.of("A-B", "A-C", "B-D", "B-E", "C-E", "D-F", "E-G", "F-T", "G-T"));
    private final RoutingGraph h3 = RoutingGraph.of(threeHop);
    private final int atB = h3.slotOf(threeHop.indexOfNode("A"), threeHop.indexOfNode("B"));
    private final int atC = h3.slotOf(threeHop.indexOfNode("A"), threeHop.indexOfNode("C"));

    /** A fresh view at A (where the packet starts) of the three-hop graph, toward {@code destination}, these nodes visited. */
    private LocalView atA(String destination, String... visitedIds) {
        boolean[] visited = new boolean[threeHop.nodeCount()];
        for (String id : visitedIds) {
            visited[threeHop.indexOfNode(id)] = true;
        }
        int a = threeHop.indexOfNode("A");
        return new LocalView(h3, a, a, threeHop.indexOfNode(destination), -1, visited);
    }

    @Test
    void threeHopFrontierCountsOnlyPathsLeavingTheTwoHopBall() {
        LocalView view = atA("T");
        double viaE = Math.sqrt(2) + Math.sqrt(20); // |EG| + |GT|; E's other neighbours B and C lie in the ball
        // via B: min(|BD| + |DF| + |FT|, |BE| + viaE) = min(1 + 1 + 3, 1 + viaE) = 5
        assertThat(view.frontier3(atB)).isCloseTo(5, within(1e-12));
        assertThat(view.frontier3(atC)).isCloseTo(1 + viaE, within(1e-12));
        // F visited: the way over D ends in the ball, so B's best is over E too (the memo is shared with C)
        assertThat(atA("T", "F").frontier3(atB)).isCloseTo(1 + viaE, within(1e-12));
        // E visited: C has nowhere to go
        assertThat(atA("T", "E").frontier3(atC)).isEqualTo(Double.POSITIVE_INFINITY);
        // a destination inside the ball ends the path there: to E, via B or C is one link
        LocalView toE = atA("E");
        assertThat(toE.frontier3(atB)).isCloseTo(1, within(1e-12));
        assertThat(toE.frontier3(atC)).isCloseTo(1, within(1e-12));
        // the feature is the last of THREE_HOP, in R (= longest link |GT| = sqrt(20))
        double[] x = new double[FeatureSet.THREE_HOP.count()];
        FeatureSet.THREE_HOP.fill(view, atB, x);
        assertThat(x[9]).isCloseTo(5 / Math.sqrt(20), within(1e-12));
        assertThat(x[8]).isCloseTo(view.frontier(atB) / Math.sqrt(20), within(1e-12));
    }

    @Test
    void lookaheadFeaturesAreNormalisedByRangeAndPenaliseDeadEnds() {
        LocalView view = atS();
        double r = Math.sqrt(13);
        assertThat(g.range()).isCloseTo(r, within(1e-12));
        double[] x = new double[FeatureSet.LOOKAHEAD.count()];
        FeatureSet.LOOKAHEAD.fill(view, g.slotOf(node("S"), node("P")), x);
        // d(s,t)=4, stretch(v)=1, d(v,t)=4, stretch(P)=(2+2)/4, d(P,t)=2, d(v,P)=2, dead end: 2/R + penalty, onward 0
        assertThat(x).containsExactly(new double[] {4 / r, 1, 4 / r, 1, 2 / r, 2 / r, 2 / r + FeatureSet.DEAD_END_PENALTY, 0},
                within(1e-12));
        FeatureSet.LOOKAHEAD.fill(view, g.slotOf(node("S"), node("Q")), x);
        double dqt = Math.sqrt(20);
        assertThat(x).containsExactly(new double[] {4 / r, 1, 4 / r, (2 + dqt) / 4, dqt / r, 2 / r,
                (Math.sqrt(5) + Math.sqrt(13)) / r, 1 / 8.0}, within(1e-12));
    }

    /** A hand-made 8-input network whose score is d(u,t)/R, i.e. greedy forwarding's preference. */
    private static LearnedLocalPolicy greedyScored(CandidateRule rule) {
        double[] p = new double[Mlp.parameterCount(8, 1)];
        p[4] = 1;  // w1[0][4]: d(u,t)/R
        p[10] = 1; // w2[0]
        return new LearnedLocalPolicy(FeatureSet.LOOKAHEAD, Mlp.of(8, 1, 0.01, p), rule, null);
    }

    @Test
    void liveCandidatesAvoidTheTwoHopDeadEnd() {
        int s = node("S");
        int t = node("T");
        Walk all = new PacketWalker(g, greedyScored(CandidateRule.ALL_UNVISITED)).walk(s, t);
        assertThat(all.delivered()).isFalse();
        // P is also a leaf, so the older one-hop rule avoids it as well
        Walk progressFirst = new PacketWalker(g, greedyScored(CandidateRule.PROGRESS_FIRST)).walk(s, t);
        assertThat(progressFirst.nodes()).containsExactly(s, node("Q"), node("R"), t);
        Walk live = new PacketWalker(g, greedyScored(CandidateRule.PROGRESS_LIVE)).walk(s, t);
        assertThat(live.delivered()).isTrue();
        assertThat(live.nodes()).containsExactly(s, node("Q"), node("R"), t);
        Walk liveFirst = new PacketWalker(g, greedyScored(CandidateRule.LIVE_FIRST)).walk(s, t);
        assertThat(liveFirst.nodes()).containsExactly(s, node("Q"), node("R"), t);
    }

    @Test
    void liveRuleRejectsANonLeafWhoseOnwardNeighboursWereVisited() {
        // with R visited, Q (degree 2, not a leaf) leads nowhere new
        LocalView view = atS("R");
        int q = g.slotOf(node("S"), node("Q"));
        double here = view.currentToDestination();
        double dqt = view.neighbourToDestination(q);
        assertThat(CandidateRule.PROGRESS_FIRST.admits(view, q, 1, here, dqt)).isTrue();
        assertThat(CandidateRule.PROGRESS_LIVE.admits(view, q, 1, here, dqt)).isFalse();
        assertThat(CandidateRule.LIVE_FIRST.admits(view, q, 0, here, dqt)).isFalse();
        // the last level of every rule admits any unvisited neighbour
        assertThat(CandidateRule.PROGRESS_LIVE.admits(view, q, 2, here, dqt)).isTrue();
        assertThat(CandidateRule.LIVE_FIRST.admits(view, q, 1, here, dqt)).isTrue();
    }

    /** A hand-made 10-input network preferring the candidate farthest from T (score = -d(u,t)/R), choosing under {@code rule}. */
    private static LearnedLocalPolicy farthestFirst(CandidateRule rule) {
        double[] p = new double[Mlp.parameterCount(10, 1)];
        p[4] = 1;   // w1[0][4]: d(u,t)/R
        p[11] = -1; // w2[0]
        return new LearnedLocalPolicy(FeatureSet.THREE_HOP, Mlp.of(10, 1, 0.01, p), rule, null);
    }

    @Test
    void threeHopLiveRuleSkipsACandidateTheThreeHopViewSeesAsADeadEnd() {
        // the network prefers C (|CT| = sqrt(37)) over B (|BT| = 5); with E visited, C opens no path out of A's two-hop ball
        LearnedLocalPolicy all = farthestFirst(CandidateRule.ALL_UNVISITED);
        LearnedLocalPolicy live = farthestFirst(CandidateRule.THREE_HOP_LIVE);
        LearnedLocalPolicy progressLive = farthestFirst(CandidateRule.PROGRESS_THREE_HOP_LIVE);
        assertThat(all.choose(atA("T", "E"))).isEqualTo(atC);
        assertThat(live.choose(atA("T", "E"))).isEqualTo(atB);
        LocalView eVisited = atA("T", "E");
        double here = eVisited.currentToDestination();
        assertThat(CandidateRule.THREE_HOP_LIVE.admits(eVisited, atC, 0, here, eVisited.neighbourToDestination(atC))).isFalse();
        assertThat(CandidateRule.THREE_HOP_LIVE.admits(eVisited, atB, 0, here, eVisited.neighbourToDestination(atB))).isTrue();
        assertThat(CandidateRule.THREE_HOP_LIVE.admits(eVisited, atC, 1, here, eVisited.neighbourToDestination(atC))).isTrue();
        // the shipped rule also asks for progress first: B (|BT| = 5 < |AT| = 6), never C, while both are live
        assertThat(live.choose(atA("T"))).isEqualTo(atC);
        assertThat(progressLive.choose(atA("T"))).isEqualTo(atB);
        assertThat(progressLive.choose(atA("T", "E"))).isEqualTo(atB);
        // with D visited too, neither opens a path: the last level lets the network choose among both again
        assertThat(live.choose(atA("T", "D", "E"))).isEqualTo(atC);
        assertThat(progressLive.choose(atA("T", "D", "E"))).isEqualTo(atC);
        // the rule reads the three-hop look-ahead, so it needs the feature set that computes it
        assertThatThrownBy(() -> new LearnedLocalPolicy(FeatureSet.FRONTIER, Mlp.of(9, 1, 0.01, new double[Mlp.parameterCount(9, 1)]),
                CandidateRule.THREE_HOP_LIVE, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("THREE_HOP");
        assertThatThrownBy(() -> TrainingConfig.defaults().withFeatures(FeatureSet.FRONTIER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidates");
    }

    @Test
    void shippedPolicyUsesTheLookaheadAndRoutesRoundThePocket() {
        LearnedLocalPolicy shipped = PolicyFile.defaultPolicy();
        assertThat(shipped.features()).isEqualTo(FeatureSet.THREE_HOP);
        Walk w = new PacketWalker(g, shipped).walk(node("S"), node("T"));
        assertThat(w.delivered()).isTrue();
        assertThat(w.nodes()).containsExactly(node("S"), node("Q"), node("R"), node("T"));
    }

    @Test
    void threeHopFrontierReusedFromTheLookaheadPassEqualsTheStandAloneOne() {
        // frontier3 after lookahead(slot) reads the onward nodes that pass recorded; without it, it scans u's table itself
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        int compared = 0;
        int finite = 0;
        for (int graphIndex = 0; graphIndex < 6; graphIndex++) {
            RoutingGraph graph = RoutingGraph.of(UnitDiskGraphs.generate(60, 2 + graphIndex % 3, 900 + graphIndex), 1000);
            for (int state = 0; state < 200; state++) {
                int n = graph.nodeCount();
                boolean[] visited = new boolean[n];
                int current = random.nextInt(n);
                for (int k = 0; k < 4; k++) {
                    visited[random.nextInt(n)] = true;
                }
                visited[current] = true;
                int source = random.nextInt(n);
                int destination = random.nextInt(n);
                LocalView alone = new LocalView(graph, source, current, destination, -1, visited);
                LocalView reused = new LocalView(graph, source, current, destination, -1, visited);
                double[] ahead = new double[FeatureSet.THREE_HOP.aheadLength()];
                for (int slot = 0; slot < alone.neighbourCount(); slot++) {
                    reused.lookahead(slot, ahead);
                    double expected = alone.frontier3(slot);
                    assertThat(reused.frontier3(slot)).as("graph %d state %d slot %d", graphIndex, state, slot).isEqualTo(expected);
                    compared++;
                    finite += Double.isFinite(expected) ? 1 : 0;
                }
                // a lookahead of another slot does not leak into this one
                if (reused.neighbourCount() > 1) {
                    reused.lookahead(1, ahead);
                    assertThat(reused.frontier3(0)).isEqualTo(alone.frontier3(0));
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(finite).isGreaterThan(compared / 2);
    }
}
