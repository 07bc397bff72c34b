package io.thalamus.sdnrouter.routing;

import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PolicyTrainerTest {

    @Test
    void sameSeedGivesTheSameNetworkAndAnotherSeedAnother() {
        double[] a = new PolicyTrainer(RoutingFixtures.quickConfig(5)).train().network().parameters();
        double[] b = new PolicyTrainer(RoutingFixtures.quickConfig(5)).train().network().parameters();
        double[] c = new PolicyTrainer(RoutingFixtures.quickConfig(6)).train().network().parameters();
        assertThat(b).containsExactly(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void distanceOnlyNetworkReproducesGreedyForwarding() {
        TrainingConfig config = RoutingFixtures.quickConfig(11).withFeatures(FeatureSet.DISTANCE_ONLY)
                .withCandidates(CandidateRule.ALL_UNVISITED);
        LearnedLocalPolicy learned = new PolicyTrainer(config).train();
        long decisions = 0;
        for (UnitDiskSetting setting : List.of(new UnitDiskSetting(25, 2, 2), new UnitDiskSetting(50, 5, 2), new UnitDiskSetting(100, 3, 1))) {
            for (int i = 0; i < setting.graphs(); i++) {
                Topology t = UnitDiskGraphs.generate(setting.nodes(), setting.density(),
                        UnitDiskGraphs.graphSeed(99, setting.nodes(), setting.density(), i));
                RoutingGraph g = RoutingGraph.of(t, 1000);
                PacketWalker viaNetwork = new PacketWalker(g, learned);
                PacketWalker viaGreedy = new PacketWalker(g, new GreedyForwardingPolicy());
                for (int s = 0; s < g.nodeCount(); s++) {
                    for (int d = 0; d < g.nodeCount(); d++) {
                        if (s != d) {
                            Walk w1 = viaNetwork.walk(s, d);
                            Walk w2 = viaGreedy.walk(s, d);
                            assertThat(w1.nodes()).as("%s: %s -> %s", t.name(), g.id(s), g.id(d)).containsExactly(w2.nodes());
                            decisions += w1.hops();
                        }
                    }
                }
            }
        }
        assertThat(decisions).isGreaterThan(10_000);
    }

    @Test
    void stretchFeaturesBeatGreedyOnFreshGraphsOfTheTrainingSetting() {
        LearnedLocalPolicy learned = new PolicyTrainer(RoutingFixtures.quickConfig(3).withValidationGraphs(3)).train();
        ModelCard.Validation v = learned.card().validation();
        assertThat(v.pairs()).isGreaterThan(5000);
        assertThat(v.accuracy()).isGreaterThan(v.greedyAccuracy() + 0.05);
        assertThat(v.missRate()).isLessThan(0.01);
    }

    @Test
    void sourcesAreSpreadAroundTheDestination() {
        Topology t = UnitDiskGraphs.generate(50, 5, 1);
        RoutingGraph g = RoutingGraph.of(t.largestComponent(), 1000);
        int destination = 0;
        List<Integer> sources = PolicyTrainer.chooseSources(g, destination, 3);
        assertThat(sources).hasSize(3).doesNotHaveDuplicates().doesNotContain(destination);
        double farthest = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            farthest = Math.max(farthest, g.distance(v, destination));
        }
        assertThat(g.distance(sources.get(0), destination)).isEqualTo(farthest);
    }

    @Test
    void onPolicyLabelsAreTheShortestPathChoicesOnAHandCheckedGraph() {
        // S's neighbour P is closer to T but a dead end; the way round goes over Q and R. R (range) = |RT| = sqrt(13).
        Topology pocket = RoutingFixtures.drawn("pocket",
                List.of("S 0 0", "P 2 0", "Q 0 2", "R 2 3", "T 4 0"),
                List.of("S-P", "S-Q", "Q-R", "R-T"));
        RoutingGraph g = RoutingGraph.of(pocket);
        int s = pocket.indexOfNode("S");
        int p = pocket.indexOfNode("P");
        int q = pocket.indexOfNode("Q");
        int t = pocket.indexOfNode("T");
        double r = Math.sqrt(13);
        double viaQ = 2 + Math.sqrt(5) + Math.sqrt(13); // S -> Q -> R -> T
        // greedy's roll-out goes S -> P and is stuck there: both states are labelled
        Walk rollout = new PacketWalker(g, new GreedyForwardingPolicy()).walk(s, t);
        assertThat(rollout.delivered()).isFalse();
        List<PolicyTrainer.Decision> all = PolicyTrainer.labelWalk(g, FeatureSet.LOOKAHEAD, rollout, t, false);
        assertThat(all).extracting(PolicyTrainer.Decision::node).containsExactly(s, p);
        // at S: via P = 2 + (2 + viaQ) (back through S), via Q = viaQ; the lowest target is Q, the Dijkstra next hop
        PolicyTrainer.Decision atS = all.get(0);
        assertThat(atS.neighbours()).containsExactly(p, q);
        assertThat(atS.targets()).containsExactly(new double[] {(2 + 2 + viaQ) / r, viaQ / r}, within(1e-12));
        assertThat(g.shortestPaths().nextHop()[t][s]).isEqualTo(q);
        // at P the only neighbour is S: labelled with everything, nothing left when only unvisited neighbours count
        assertThat(all.get(1).neighbours()).containsExactly(s);
        assertThat(all.get(1).targets()).containsExactly(new double[] {(2 + viaQ) / r}, within(1e-12));
        List<PolicyTrainer.Decision> unvisited = PolicyTrainer.labelWalk(g, FeatureSet.LOOKAHEAD, rollout, t, true);
        assertThat(unvisited.get(1).neighbours()).isEmpty();
        // the features are the ones the policy sees in that state: at S nothing but S is visited, so P's look-ahead is a dead end
        assertThat(unvisited.get(0).features()[0][6]).isCloseTo(2 / r + FeatureSet.DEAD_END_PENALTY, within(1e-12));
    }
}
