package io.thalamus.intent.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.thalamus.intent.lifecycle.IntentRecord;
import io.thalamus.intent.lifecycle.IntentState;
import io.thalamus.intent.store.KafkaIntentLog;
import io.thalamus.intent.store.Submission;
import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.topology.Topology;
import io.thalamus.telemetry.kafka.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine on a real embedded KRaft broker: lifecycle, evidence, conflicts, assurance and rebuild from the log. */
class IntentEngineOnKafkaTest {

    private static EmbeddedKafka kafka;
    private static final Topology ABILENE = BuiltinTopologies.abilene();

    @BeforeAll
    static void broker() throws Exception {
        kafka = EmbeddedKafka.start(Files.createTempDirectory("intent-kafka"));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static IntentEngine engine(String topic) {
        IntentEngine e = IntentEngine.builder(new KafkaIntentLog(kafka.bootstrapServers(), topic), ABILENE)
                .assurancePeriodMs(0).build();
        e.start();
        return e;
    }

    static String connectivity(String key, String src, String dst, double bps, String expectation) {
        return "{\"key\":\"" + key + "\",\"type\":\"connectivity\",\"priority\":5,\"spec\":{\"source\":\"" + src
                + "\",\"destination\":\"" + dst + "\",\"bandwidthBps\":" + bps + ",\"maxDelayMs\":40},"
                + "\"expectations\":[" + expectation + "],\"mode\":\"apply\"}";
    }

    private static IntentRecord settle(IntentEngine e, String id) {
        e.drain();
        return e.get(id).orElseThrow();
    }

    @Test
    void demoIntentIsInstalledWithBlueprintDecisionsAndPaths() {
        try (IntentEngine e = engine("t-" + UUID.randomUUID())) {
            Submission s = e.submit(connectivity("demo-1", "STTL", "NYCM", 1e9,
                    "{\"metric\":\"max-link-utilization\",\"op\":\"<=\",\"target\":0.8}")).join();
            IntentRecord r = settle(e, s.record().id());
            assertThat(r.state()).isEqualTo(IntentState.INSTALLED);
            assertThat(r.history()).extracting(ev -> ev.state()).containsExactly(IntentState.SUBMITTED,
                    IntentState.COMPILING, IntentState.INSTALLING, IntentState.INSTALLED);
            assertThat(r.blueprint()).hasSize(4);
            assertThat(r.blueprint().get(0).get("type").asText()).isEqualTo("forecast");
            assertThat(r.blueprint().get(3).get("type").asText()).isEqualTo("install");
            assertThat(r.decisions()).hasSize(4);
            assertThat(r.decisions().get(1).get("model").asText()).isNotBlank();
            JsonNode path = r.paths().get(0);
            assertThat(path.get("nodes").get(0).asText()).isEqualTo("STTL");
            assertThat(path.get("nodes").get(path.get("nodes").size() - 1).asText()).isEqualTo("NYCM");
            // 1 Gbit/s on a 10 Gbit/s link: the twin reports 0.1 on the links of the path
            String firstLink = path.get("links").get(0).asText();
            assertThat(e.twin().evaluate().linkUtilization().get(firstLink)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.controller().rules()).isNotEmpty();
        }
    }

    @Test
    void violatedExpectationFailsWithTheTwinsEvidence() {
        try (IntentEngine e = engine("t-" + UUID.randomUUID())) {
            // 9 Gbit/s on 10 Gbit/s links is 0.9 utilisation, over the 0.8 the intent demands
            Submission s = e.submit(connectivity("hot", "DNVR", "KSCY", 9e9,
                    "{\"metric\":\"max-link-utilization\",\"op\":\"<=\",\"target\":0.8}")).join();
            IntentRecord r = settle(e, s.record().id());
            assertThat(r.state()).isEqualTo(IntentState.FAILED);
            JsonNode ev = r.evidence().get(0);
            assertThat(ev.get("metric").asText()).isEqualTo("max-link-utilization");
            assertThat(ev.get("holds").asBoolean()).isFalse();
            assertThat(ev.get("actual").asDouble()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(ev.get("margin").asDouble()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.controller().rules()).isEmpty();
        }
    }

    @Test
    void capacityConflictNamesTheIntentHoldingTheLink() {
        try (IntentEngine e = engine("t-" + UUID.randomUUID())) {
            String first = e.submit(connectivity("big", "STTL", "SNVA", 9.5e9, "")).join().record().id();
            assertThat(settle(e, first).state()).isEqualTo(IntentState.INSTALLED);
            // STTL has two links; with a 40 ms bound every path from STTL to SNVA that fits must use STTL-SNVA or go around
            String second = e.submit("{\"key\":\"big2\",\"type\":\"connectivity\",\"spec\":{\"source\":\"STTL\","
                    + "\"destination\":\"SNVA\",\"bandwidthBps\":9.5e9,\"maxDelayMs\":6}}").join().record().id();
            IntentRecord r = settle(e, second);
            assertThat(r.state()).isEqualTo(IntentState.FAILED);
            assertThat(r.conflicts()).isNotEmpty();
            assertThat(r.conflicts().get(0).get("intentId").asText()).isEqualTo(first);
            assertThat(r.conflicts().get(0).get("key").asText()).isEqualTo("big");
        }
    }

    @Test
    void contradictingExpectationsAreAConflict() {
        try (IntentEngine e = engine("t-" + UUID.randomUUID())) {
            String a = e.submit(connectivity("low", "ATLA", "WASH", 1e6,
                    "{\"metric\":\"max-link-utilization\",\"op\":\"<=\",\"target\":0.5}")).join().record().id();
            assertThat(settle(e, a).state()).isEqualTo(IntentState.INSTALLED);
            String b = e.submit(connectivity("high", "HSTN", "LOSA", 1e6,
                    "{\"metric\":\"max-link-utilization\",\"op\":\">=\",\"target\":0.7}")).join().record().id();
            IntentRecord r = settle(e, b);
            assertThat(r.state()).isEqualTo(IntentState.FAILED);
            assertThat(r.reason()).contains(a).contains("low");
        }
    }

    @Test
    void aBurstLargerThanOneBatchIsPlannedInSubmissionOrderAndAllInstalled() {
        try (IntentEngine e = engine("t-" + UUID.randomUUID())) {
            int n = 2 * IntentEngine.BATCH + 88;
            List<java.util.concurrent.CompletableFuture<Submission>> accepted = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                accepted.add(e.submit(connectivity("burst-" + i, "STTL", "NYCM", 1e6, "")));
            }
            List<String> ids = accepted.stream().map(f -> f.join().record().id()).toList();
            e.drain();
            assertThat(e.queued()).isZero();
            List<IntentRecord> records = ids.stream().map(id -> e.get(id).orElseThrow()).toList();
            assertThat(records).allSatisfy(r -> assertThat(r.history()).extracting(ev -> ev.state())
                    .containsExactly(IntentState.SUBMITTED, IntentState.COMPILING, IntentState.INSTALLING, IntentState.INSTALLED));
            // planned in the order the log accepted them: installation times never go backwards
            for (int i = 1; i < n; i++) {
                assertThat(records.get(i).history().get(3).time()).isAfterOrEqualTo(records.get(i - 1).history().get(3).time());
            }
            // n flows of 1 Mbit/s on the same shortest path: n Mbit/s on its 10 Gbit/s first link
            String firstLink = records.get(0).paths().get(0).get("links").get(0).asText();
            assertThat(e.twin().evaluate().linkUtilization().get(firstLink))
                    .isCloseTo(n * 1e6 / 10e9, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void duplicateKeyReturnsTheSameIntent() {
        try (IntentEngine e = engine("t-" + UUID.randomUUID())) {
            Submission a = e.submit(connectivity("same", "ATLA", "HSTN", 1e6, "")).join();
            Submission b = e.submit(connectivity("same", "ATLA", "HSTN", 1e6, "")).join();
            assertThat(a.created()).isTrue();
            assertThat(b.created()).isFalse();
            assertThat(b.record().id()).isEqualTo(a.record().id());
            e.drain();
            assertThat(e.store().size()).isEqualTo(1);
        }
    }

    @Test
    void restartRebuildsEveryIntentAndItsRoutesFromTheLog() {
        String topic = "t-" + UUID.randomUUID();
        String ok;
        String failed;
        String withdrawn;
        try (IntentEngine e = engine(topic)) {
            ok = e.submit(connectivity("keep", "LOSA", "ATLA", 2e9, "")).join().record().id();
            failed = e.submit(connectivity("fail", "DNVR", "KSCY", 9e9,
                    "{\"metric\":\"max-link-utilization\",\"op\":\"<=\",\"target\":0.8}")).join().record().id();
            withdrawn = e.submit(connectivity("gone", "CHIN", "NYCM", 1e9, "")).join().record().id();
            e.drain();
            assertThat(e.withdraw(withdrawn).join().state()).isEqualTo(IntentState.WITHDRAWN);
        }
        try (IntentEngine e = engine(topic)) {
            assertThat(e.get(ok).orElseThrow().state()).isEqualTo(IntentState.INSTALLED);
            assertThat(e.get(failed).orElseThrow().state()).isEqualTo(IntentState.FAILED);
            assertThat(e.get(withdrawn).orElseThrow().state()).isEqualTo(IntentState.WITHDRAWN);
            assertThat(e.get(ok).orElseThrow().history()).hasSize(4);
            // the installed route is back in the twin: 2 Gbit/s on a 10 Gbit/s link
            assertThat(e.twin().evaluate().maxLinkUtilization()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.store().byKey("keep").orElseThrow().id()).isEqualTo(ok);
        }
    }

    @Test
    void assuranceRecompilesWhenALinkOnThePathFails() {
        try (IntentEngine e = engine("t-" + UUID.randomUUID())) {
            String id = e.submit("{\"key\":\"a1\",\"type\":\"connectivity\",\"spec\":{\"source\":\"STTL\","
                    + "\"destination\":\"SNVA\",\"bandwidthBps\":1e9}}").join().record().id();
            IntentRecord before = settle(e, id);
            List<String> links = new java.util.ArrayList<>();
            before.paths().get(0).get("links").forEach(l -> links.add(l.asText()));
            String physical = ABILENE.link(links.get(0)).physicalId();
            e.telemetryListener().onLinkStatus(physical, false, java.time.Instant.now());
            e.assureNow();
            IntentRecord after = settle(e, id);
            assertThat(after.history()).extracting(ev -> ev.state()).contains(IntentState.RECOMPILING);
            assertThat(after.state()).isEqualTo(IntentState.INSTALLED);
            List<String> newLinks = new java.util.ArrayList<>();
            after.paths().get(0).get("links").forEach(l -> newLinks.add(l.asText()));
            assertThat(newLinks).doesNotContain(links.get(0));
        }
    }
}
