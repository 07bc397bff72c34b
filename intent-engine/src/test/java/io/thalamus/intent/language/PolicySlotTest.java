package io.thalamus.intent.language;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PolicySlotTest {

    private static String policyOf(String sentence, List<String> problems) {
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        EnglishIntents.policy(sentence.toLowerCase(java.util.Locale.ROOT), spec, problems);
        return spec.get("policy").asText();
    }

    @Test
    void namesEveryPolicyIncludingTheThreeHopRule() {
        List<String> problems = new ArrayList<>();
        assertThat(policyOf("Re-route all traffic with the three-hop policy", problems)).isEqualTo("three-hop");
        assertThat(policyOf("switch routing to 3 hop view forwarding", problems)).isEqualTo("three-hop");
        assertThat(policyOf("use the learned policy network-wide", problems)).isEqualTo("learned");
        assertThat(policyOf("route everything with geographic forwarding", problems)).isEqualTo("greedy");
        assertThat(policyOf("go back to shortest paths", problems)).isEqualTo("shortest");
        assertThat(problems).isEmpty();
    }

    @Test
    void hopCountsAreNotThePolicyAndAMissingPolicyIsAProblem() {
        List<String> problems = new ArrayList<>();
        // "three hops" is a distance, not the policy's name: nothing is named, so the default is kept and reported
        assertThat(policyOf("reroute flows that are three hops away", problems)).isEqualTo("shortest");
        assertThat(problems).singleElement().asString().contains("three-hop");
    }
}
