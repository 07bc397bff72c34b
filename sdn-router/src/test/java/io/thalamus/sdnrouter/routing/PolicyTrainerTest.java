package io.thalamus.sdnrouter.routing;

import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
}
