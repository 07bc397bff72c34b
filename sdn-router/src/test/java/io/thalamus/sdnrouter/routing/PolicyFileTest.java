package io.thalamus.sdnrouter.routing;

import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyFileTest {

    @Test
    void savedPolicyReloadsWithIdenticalDecisions(@TempDir Path dir) {
        assertReloadsIdentically(new PolicyTrainer(RoutingFixtures.quickConfig(4).withValidationGraphs(1)).train(), dir);
    }

    @Test
    void aThreeHopPolicyReloadsWithItsFeatureSetAndIdenticalDecisions(@TempDir Path dir) {
        LearnedLocalPolicy trained = new PolicyTrainer(RoutingFixtures.quickConfig(4).withFeatures(FeatureSet.THREE_HOP)
                .withValidationGraphs(0)).train();
        assertThat(trained.features()).isEqualTo(FeatureSet.THREE_HOP);
        assertThat(assertReloadsIdentically(trained, dir).features()).isEqualTo(FeatureSet.THREE_HOP);
    }

    private static LearnedLocalPolicy assertReloadsIdentically(LearnedLocalPolicy trained, Path dir) {
        Path file = dir.resolve("p.json");
        PolicyFile.write(trained, file);
        LearnedLocalPolicy loaded = PolicyFile.read(file);
        assertThat(loaded.network().parameters()).containsExactly(trained.network().parameters());
        assertThat(loaded.card()).isEqualTo(trained.card());
        Topology t = UnitDiskGraphs.generate(60, 3, 17);
        RoutingGraph g = RoutingGraph.of(t, 1000);
        PacketWalker a = new PacketWalker(g, trained);
        PacketWalker b = new PacketWalker(g, loaded);
        for (int s = 0; s < g.nodeCount(); s++) {
            for (int d = 0; d < g.nodeCount(); d++) {
                assertThat(b.walk(s, d).nodes()).containsExactly(a.walk(s, d).nodes());
            }
        }
        assertThat(PolicyFile.toJson(loaded)).isEqualTo(PolicyFile.toJson(trained));
        return loaded;
    }

    @Test
    void aPaperFeaturePolicyFileWithoutListwiseFieldsStillLoadsAsPointwise() {
        LearnedLocalPolicy trained = new PolicyTrainer(RoutingFixtures.quickConfig(6)).train();
        String json = PolicyFile.toJson(trained)
                .replaceAll("\\s*\"listwiseWeight\" : [0-9.]+,", "")
                .replaceAll("\\s*\"listwiseTemperature\" : [0-9.]+,", "");
        assertThat(json).doesNotContain("listwise").contains("\"featureCount\" : 6", "\"progress-first\"");
        LearnedLocalPolicy loaded = PolicyFile.parse(json, "old.json");
        assertThat(loaded.features()).isEqualTo(FeatureSet.STRETCH);
        assertThat(loaded.card().config().listwiseWeight()).isZero();
        assertThat(loaded.network().parameters()).containsExactly(trained.network().parameters());
        // retraining from the file's card reproduces it: the missing fields mean the paper's pointwise loss
        assertThat(new PolicyTrainer(loaded.card().config()).train().network().parameters())
                .containsExactly(trained.network().parameters());
    }

    @Test
    void shippedDefaultPolicyIsWhatTheTrainerProducesWithItsSeed() {
        LearnedLocalPolicy shipped = PolicyFile.defaultPolicy();
        LearnedLocalPolicy retrained = new PolicyTrainer(shipped.card().config()).train();
        assertThat(retrained.card().config()).isEqualTo(TrainingConfig.defaults());
        assertThat(retrained.network().parameters()).containsExactly(shipped.network().parameters());
        assertThat(PolicyFile.toJson(retrained)).isEqualTo(PolicyFile.toJson(shipped));
    }

    @Test
    void rejectsAnotherFormatVersion() {
        String json = PolicyFile.toJson(PolicyFile.defaultPolicy()).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
        assertThatThrownBy(() -> PolicyFile.parse(json, "v2.json"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessageContaining("v2.json")
                .hasMessageContaining("/formatVersion")
                .hasMessageContaining("version 2 is not supported; this build reads version 1");
    }

    @Test
    void rejectsAWrongFeatureCount() {
        String json = PolicyFile.toJson(PolicyFile.defaultPolicy()).replace("\"featureCount\" : 10", "\"featureCount\" : 7");
        assertThatThrownBy(() -> PolicyFile.parse(json, "bad.json"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessageContaining("/featureCount")
                .hasMessageContaining("says 7 but /features lists 10 names");
    }

    @Test
    void rejectsThreeHopLiveCandidatesWithoutTheThreeHopFeatures() {
        LearnedLocalPolicy frontier = new PolicyTrainer(RoutingFixtures.quickConfig(4).withFeatures(FeatureSet.FRONTIER)).train();
        String json = PolicyFile.toJson(frontier).replace("\"candidates\" : \"progress-first\"", "\"candidates\" : \"three-hop-live\"");
        assertThat(json).contains("three-hop-live");
        assertThatThrownBy(() -> PolicyFile.parse(json, "mixed.json"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessageContaining("mixed.json")
                .hasMessageContaining("/candidates")
                .hasMessageContaining("THREE_HOP");
    }

    @Test
    void rejectsANetworkWhoseInputsDoNotMatchTheFeatures() {
        String json = PolicyFile.toJson(PolicyFile.defaultPolicy()).replace("\"inputs\" : 10", "\"inputs\" : 7");
        assertThatThrownBy(() -> PolicyFile.parse(json, "bad.json"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessageContaining("/network/inputs")
                .hasMessageContaining("7 inputs but the file lists 10 features");
    }

    @Test
    void rejectsUnknownFeaturesAndTruncatedWeights() {
        String unknown = PolicyFile.toJson(PolicyFile.defaultPolicy()).replace("\"d(v,u)/R\"", "\"hops\"");
        assertThatThrownBy(() -> PolicyFile.parse(unknown, "f.json"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("/features").hasMessageContaining("unknown feature list");
        String noB1 = PolicyFile.toJson(PolicyFile.defaultPolicy()).replace("\"b1\"", "\"bias1\"");
        assertThatThrownBy(() -> PolicyFile.parse(noB1, "w.json"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("/network/b1");
        assertThatThrownBy(() -> PolicyFile.parse("[1, 2]", "a.json"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("expected a JSON object");
    }

    @Test
    void fileStatesFormatVersionFeaturesAndModelCard(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.json");
        PolicyFile.write(PolicyFile.defaultPolicy(), file);
        String text = Files.readString(file);
        assertThat(text).contains("\"format\" : \"thalamus-routing-policy\"", "\"formatVersion\" : 1", "\"featureCount\" : 10",
                "\"modelCard\"", "\"trainingGraph\"", "\"measured\"", "\"accuracy\"");
    }
}
