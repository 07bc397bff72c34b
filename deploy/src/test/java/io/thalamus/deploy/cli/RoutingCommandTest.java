package io.thalamus.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thalamus.sdnrouter.routing.FeatureSet;
import io.thalamus.sdnrouter.routing.PolicyFile;
import io.thalamus.sdnrouter.routing.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingCommandTest {

    @Test
    void evalPrintsOneEntryPerSettingAndAnOverallSummary(@TempDir Path dir) throws Exception {
        Path result = dir.resolve("r.json");
        CliRun r = CliRun.run("routing", "eval", "--policy", "greedy", "--random", "10:3:2,25:5:1", "--seed", "3", "--out", result.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("policy").asText()).isEqualTo("greedy");
        assertThat(json.get("settings")).hasSize(2);
        JsonNode first = json.get("settings").get(0);
        assertThat(first.get("setting").asText()).isEqualTo("N=10 density=3");
        assertThat(first.get("graphs").asInt()).isEqualTo(2);
        assertThat(first.get("pairs").asLong()).isPositive().isLessThanOrEqualTo(2 * 90);
        for (String field : new String[] {"accuracy", "missRate", "meanStretch", "p95Stretch"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        long pairs = json.get("settings").get(0).get("pairs").asLong() + json.get("settings").get(1).get("pairs").asLong();
        assertThat(json.get("overall").get("pairs").asLong()).isEqualTo(pairs);
        assertThat(new ObjectMapper().readTree(Files.readString(result))).isEqualTo(json);

        CliRun shortest = CliRun.run("routing", "eval", "--policy", "shortest", "--random", "10:3:2", "--seed", "3");
        JsonNode s = new ObjectMapper().readTree(shortest.out());
        assertThat(s.get("overall").get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(s.get("overall").get("pairs").asLong()).isEqualTo(first.get("pairs").asLong());
    }

    @Test
    void trainTakesAFeatureSetAndRejectsAnUnknownOne(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("two.json");
        CliRun train = CliRun.run("routing", "train", "--features", "FRONTIER", "--nodes", "50", "--density", "5", "--out", policy.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(new ObjectMapper().readTree(train.out()).get("features").asText()).isEqualTo("FRONTIER");
        assertThat(PolicyFile.read(policy).features()).isEqualTo(FeatureSet.FRONTIER);
        // no --seed: the default seed; no --candidates with another feature set: progress-live
        assertThat(PolicyFile.read(policy).card().config()).isEqualTo(TrainingConfig.paperSeedGraph().withSeed(TrainingConfig.defaults().seed()));
        CliRun eval = CliRun.run("routing", "eval", "--policy", policy.toString(), "--random", "25:3:1");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(new ObjectMapper().readTree(eval.out()).get("overall").get("accuracy").asDouble()).isGreaterThan(0.5);

        CliRun view = CliRun.run("routing", "eval", "--policy", "three-hop", "--random", "25:3:1");
        assertThat(view.code()).as(view.err()).isZero();
        assertThat(new ObjectMapper().readTree(view.out()).get("policy").asText()).isEqualTo("three-hop");

        // the former default's candidate rule, by name; the shipped rule cannot go with a feature set lacking its input
        Path former = dir.resolve("progress-live.json");
        CliRun progressLive = CliRun.run("routing", "train", "--candidates", "progress-live", "--seed", "2", "--nodes", "25",
                "--out", former.toString());
        assertThat(progressLive.code()).as(progressLive.err()).isZero();
        assertThat(PolicyFile.read(former).card().config()).isEqualTo(TrainingConfig.progressLive().withGraph(25, 3.0));
        CliRun mixed = CliRun.run("routing", "train", "--candidates", "three-hop-live", "--features", "FRONTIER", "--out", former.toString() + "x");
        assertThat(mixed.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
        assertThat(mixed.err()).contains("candidates").contains("FRONTIER");
        CliRun unknownRule = CliRun.run("routing", "train", "--candidates", "widest", "--out", former.toString() + "y");
        assertThat(unknownRule.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
        assertThat(unknownRule.err()).contains("--candidates").contains("widest").contains("three-hop-live");

        Path none = dir.resolve("none.json");
        CliRun bad = CliRun.run("routing", "train", "--features", "FOUR_HOP", "--out", none.toString());
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("--features").contains("FOUR_HOP").contains("THREE_HOP");
        assertThat(none).doesNotExist();
    }

    @Test
    void trainWritesAPolicyThatEvalReads(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("p.json");
        CliRun train = CliRun.run("routing", "train", "--seed", "5", "--out", policy.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(new ObjectMapper().readTree(train.out()).get("accuracy").asDouble()).isGreaterThan(0.8);
        // the shipped default was produced this way
        assertThat(PolicyFile.read(policy).network().parameters()).containsExactly(PolicyFile.defaultPolicy().network().parameters());
        CliRun eval = CliRun.run("routing", "eval", "--policy", policy.toString(), "--backtrack", "--random", "25:2:1");
        assertThat(eval.code()).as(eval.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(eval.out());
        assertThat(json.get("policy").asText()).isEqualTo("learned+backtrack");
        assertThat(json.get("overall").get("missRate").asDouble()).isZero();
        CliRun perimeter = CliRun.run("routing", "eval", "--policy", policy.toString(), "--perimeter", "--random", "25:2:1");
        assertThat(perimeter.code()).as(perimeter.err()).isZero();
        JsonNode p = new ObjectMapper().readTree(perimeter.out());
        assertThat(p.get("policy").asText()).isEqualTo("learned+perimeter");
        assertThat(p.get("overall").get("missRate").asDouble()).isZero();
        CliRun both = CliRun.run("routing", "eval", "--policy", "greedy", "--perimeter", "--backtrack", "--random", "10:3:1");
        assertThat(both.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
        assertThat(both.err()).contains("choose one");
    }

    @Test
    void badInputGetsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
        CliRun unknown = CliRun.run("routing", "eval", "--policy", "nope", "--random", "10:3:1");
        assertThat(unknown.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
        assertThat(unknown.err()).contains("--policy: 'nope' is neither a policy file nor one of default, greedy, shortest");

        CliRun badRandom = CliRun.run("routing", "eval", "--policy", "greedy", "--random", "10:3");
        assertThat(badRandom.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
        assertThat(badRandom.err()).contains("'10:3' is not N:DENSITY:COUNT");

        Path v2 = dir.resolve("v2.json");
        Files.writeString(v2, PolicyFile.toJson(PolicyFile.defaultPolicy()).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
        CliRun wrongVersion = CliRun.run("routing", "eval", "--policy", v2.toString(), "--random", "10:3:1");
        assertThat(wrongVersion.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
        assertThat(wrongVersion.err()).contains("/formatVersion").contains("version 2 is not supported");

        Path noCoordinates = dir.resolve("plain.graphml");
        Files.writeString(noCoordinates, """
                <?xml version="1.0" encoding="utf-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key attr.name="label" attr.type="string" for="node" id="d0"/>
                  <graph edgedefault="undirected">
                    <node id="a"><data key="d0">A</data></node>
                    <node id="b"><data key="d0">B</data></node>
                    <edge source="a" target="b"/>
                  </graph>
                </graphml>
                """);
        CliRun geo = CliRun.run("routing", "eval", "--policy", "default", "--graphml", noCoordinates.toString());
        assertThat(geo.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
        assertThat(geo.err()).contains("none of the 1 GraphML files is usable").contains("no latitude/longitude");
    }
}
