package io.thalamus.intent.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.engine.IntentViews;
import io.thalamus.intent.lifecycle.IntentEvent;
import io.thalamus.intent.lifecycle.IntentRecord;
import io.thalamus.intent.lifecycle.IntentState;
import io.thalamus.intent.model.Intent;
import io.thalamus.intent.model.IntentType;
import io.thalamus.intent.validation.IntentJson;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store's numbered table (id and key lookups in primitive tables, state sets, submission order) and its compact
 * records: what a record renders is exactly what its events carried, and a store rebuilt from the log renders the same.
 */
class IntentStoreTest {

    private static final ObjectMapper M = new ObjectMapper();
    private static final String[] NODES = {"ATLA", "CHIN", "DNVR", "HSTN", "IPLS", "KSCY", "LOSA", "NYCM", "SNVA", "STTL", "WASH"};

    /** The log in memory: each event encoded as the Kafka log writes it, and decoded again on replay. */
    private static final class FakeIntentLog implements IntentLog {
        final List<byte[]> events = new ArrayList<>();

        @Override
        public synchronized CompletableFuture<Void> append(IntentEvent event) {
            events.add(IntentEventCodec.encode(event));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public synchronized long replay(Consumer<IntentEvent> sink) {
            events.forEach(b -> sink.accept(IntentEventCodec.decode(b)));
            return events.size();
        }

        @Override
        public void close() {
        }
    }

    /** A clock that moves 1,234,567 ns per reading, so every event time has a nano part of its own. */
    private static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusNanos(1_234_567);
            return now;
        }
    }

    private static Intent intent(String key, Random rnd) throws Exception {
        int a = rnd.nextInt(NODES.length);
        int b = (a + 1 + rnd.nextInt(NODES.length - 1)) % NODES.length;
        return IntentJson.fromTree(M.readTree("{\"key\":\"" + key + "\",\"type\":\"connectivity\",\"priority\":1,"
                + "\"spec\":{\"source\":\"" + NODES[a] + "\",\"destination\":\"" + NODES[b] + "\",\"bandwidthBps\":1000},"
                + "\"expectations\":[{\"metric\":\"max-link-utilization\",\"op\":\"<=\",\"target\":0.95}]}"));
    }

    private static ObjectNode details(String field, String json) throws Exception {
        ObjectNode d = M.createObjectNode();
        d.set(field, M.readTree(json));
        return d;
    }

    @Test
    void everyIntentIsFoundByIdKeyStateAndOrderAcrossManyTableGrowths() throws Exception {
        Random rnd = new Random(7);
        IntentStore store = new IntentStore(new FakeIntentLog(), new TickingClock());
        int n = 5_000;
        List<String> ids = new ArrayList<>();
        Map<IntentState, List<String>> expected = new EnumMap<>(IntentState.class);
        for (int i = 0; i < n; i++) {
            String id = new UUID(rnd.nextLong(), rnd.nextLong()).toString();
            ids.add(id);
            Submission s = store.submit(id, intent("k-" + i, rnd)).join();
            assertThat(s.created()).isTrue();
        }
        for (int i = 0; i < n; i++) {
            String id = ids.get(i);
            IntentState end = switch (i % 3) {
                case 0 -> IntentState.INSTALLED;
                case 1 -> IntentState.FAILED;
                default -> IntentState.SUBMITTED;
            };
            if (end != IntentState.SUBMITTED) {
                store.transition(id, IntentState.COMPILING, "planning", null).join();
            }
            if (end == IntentState.INSTALLED) {
                store.transition(id, IntentState.INSTALLING, "installing", null).join();
            }
            if (end != IntentState.SUBMITTED) {
                store.transition(id, end, "done " + i, null).join();
            }
            expected.computeIfAbsent(end, k -> new ArrayList<>()).add(id);
        }

        assertThat(store.size()).isEqualTo(n);
        for (int i = 0; i < n; i += 7) {
            assertThat(store.get(ids.get(i)).orElseThrow().key()).isEqualTo("k-" + i);
            assertThat(store.byKey("k-" + i).orElseThrow().id()).isEqualTo(ids.get(i));
        }
        assertThat(store.get("no-such-id")).isEmpty();
        assertThat(store.byKey("no-such-key")).isEmpty();
        assertThat(store.all()).extracting(IntentRecord::id).containsExactlyElementsOf(ids);
        for (IntentState st : List.of(IntentState.INSTALLED, IntentState.FAILED, IntentState.SUBMITTED)) {
            List<String> want = expected.get(st);
            assertThat(store.count(st)).isEqualTo(want.size());
            assertThat(store.inState(st)).extracting(IntentRecord::id).containsExactlyElementsOf(want);
            IntentPage count = store.list(st, null, 0, 1);
            assertThat(count.total()).isEqualTo(want.size());
            assertThat(count.items()).extracting(IntentRecord::id).containsExactly(want.get(0));
            IntentPage page = store.list(st, IntentType.CONNECTIVITY, 100, 25);
            assertThat(page.total()).isEqualTo(want.size());
            assertThat(page.items()).extracting(IntentRecord::id).containsExactlyElementsOf(want.subList(100, 125));
        }
        assertThat(store.count(IntentState.COMPILING)).isZero();
        assertThat(store.list(null, IntentType.ROUTING_POLICY, 0, 10).total()).isZero();

        // a second submit of a known key returns the first intent and stores nothing
        Submission again = store.submit("another-id", intent("k-42", rnd)).join();
        assertThat(again.created()).isFalse();
        assertThat(again.record().id()).isEqualTo(ids.get(42));
        assertThat(store.size()).isEqualTo(n);
        assertThat(store.get("another-id")).isEmpty();
        // a transition the lifecycle does not allow leaves the record as it was
        assertThatThrownBy(() -> store.transition(ids.get(0), IntentState.COMPILING, "again", null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.get(ids.get(0)).orElseThrow().state()).isEqualTo(IntentState.INSTALLED);
        assertThatThrownBy(() -> store.transition("no-such-id", IntentState.COMPILING, "x", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredRecordRendersExactlyWhatItsEventsCarriedAndARebuiltStoreRendersTheSame() throws Exception {
        FakeIntentLog log = new FakeIntentLog();
        TickingClock clock = new TickingClock();
        IntentStore store = new IntentStore(log, clock);
        Random rnd = new Random(11);
        String blueprint = "[{\"index\":0,\"type\":\"forecast\",\"purpose\":\"demand \\\"quoted\\\" \\u2192 arrow\",\"inputs\":{}}]";
        String decisions = "[{\"taskIndex\":0,\"taskType\":\"forecast\",\"model\":\"forecast.ewma\",\"router\":\"default\","
                + "\"reasons\":[\"only one\"],\"score\":0.125,\"paretoFront\":[]}]";
        String evidence = "[{\"metric\":\"max-link-utilization\",\"op\":\"<=\",\"target\":0.95,\"measured\":0.0001,\"holds\":true}]";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = "intent-" + i;
            ids.add(id);
            store.submit(id, intent("key-" + i, rnd)).join();
            store.transition(id, IntentState.COMPILING, "planning a blueprint", null).join();
            ObjectNode planned = details("blueprint", blueprint);
            planned.set("decisions", M.readTree(decisions));
            planned.set("evidence", M.readTree(evidence));
            planned.set("paths", M.readTree("[{\"flowId\":\"" + id + "/flow\",\"links\":[\"L" + i + ":a-b\"],\"propagationDelayMs\":" + (i + 0.5) + "}]"));
            if (i % 2 == 0) {
                store.transition(id, IntentState.INSTALLING, "every expectation held; installing", planned).join();
                store.transition(id, IntentState.INSTALLED, "installed " + i, details("paths", "[]")).join();
            } else {
                store.transition(id, IntentState.FAILED, "max-link-utilization 1.2 > 0.95 (by 0.25)", planned).join();
            }
        }

        // what each record renders, against what was given to the store (read back from the log's own bytes)
        Map<String, List<IntentEvent>> given = new java.util.HashMap<>();
        log.replay(e -> given.computeIfAbsent(e.intentId(), k -> new ArrayList<>()).add(e));
        for (String id : ids) {
            IntentRecord r = store.get(id).orElseThrow();
            ObjectNode view = IntentViews.record(r, true);
            List<IntentEvent> events = given.get(id);
            ArrayNode history = M.createArrayNode();
            for (IntentEvent e : events) {
                history.addObject().put("seq", e.seq()).put("time", e.time().toString()).put("state", e.state().name())
                        .put("reason", e.reason());
            }
            assertThat(view.get("history")).isEqualTo(history);
            assertThat(view.get("intent")).isEqualTo(events.get(0).detail("intent"));
            assertThat(view.get("submitted").asText()).isEqualTo(events.get(0).time().toString());
            assertThat(view.get("updated").asText()).isEqualTo(events.get(events.size() - 1).time().toString());
            assertThat(view.get("reason").asText()).isEqualTo(events.get(events.size() - 1).reason());
            assertThat(view.get("blueprint")).isEqualTo(M.readTree(blueprint));
            assertThat(view.get("decisions")).isEqualTo(M.readTree(decisions));
            assertThat(view.get("evidence")).isEqualTo(M.readTree(evidence));
            // the latest paths win: INSTALLED carried an empty list, FAILED kept the planned ones
            assertThat(view.get("paths")).isEqualTo(events.get(events.size() - 1).detail("paths") != null
                    ? events.get(events.size() - 1).detail("paths") : events.get(2).detail("paths"));
            assertThat(r.lastSeq()).isEqualTo(events.size());
        }
        // nano-of-second survives the compact history (the clock ticks 1,234,567 ns per reading)
        assertThat(store.get("intent-0").orElseThrow().event(1).time().getNano() % 1_000_000).isNotZero();

        IntentStore rebuilt = new IntentStore(log, new TickingClock());
        assertThat(rebuilt.rebuild()).isEqualTo(log.events.size());
        assertThat(rebuilt.all()).extracting(IntentRecord::id).containsExactlyElementsOf(ids);
        for (String id : ids) {
            assertThat(IntentViews.record(rebuilt.get(id).orElseThrow(), true))
                    .isEqualTo(IntentViews.record(store.get(id).orElseThrow(), true));
            assertThat(rebuilt.get(id).orElseThrow().intent()).isEqualTo(store.get(id).orElseThrow().intent());
        }
        assertThat(rebuilt.count(IntentState.INSTALLED)).isEqualTo(15);
        assertThat(rebuilt.count(IntentState.FAILED)).isEqualTo(15);
        assertThat(rebuilt.byKey("key-3").orElseThrow().id()).isEqualTo("intent-3");
        // the rebuilt store goes on from where the log ended
        rebuilt.transition("intent-0", IntentState.WITHDRAWING, "operator", null).join();
        assertThat(rebuilt.get("intent-0").orElseThrow().lastSeq()).isEqualTo(5);
    }

    @Test
    void intentsAlikeShareTheirSpecAndExpectationsButKeepTheirOwnKeys() throws Exception {
        IntentStore store = new IntentStore(new FakeIntentLog(), new TickingClock());
        Intent a = intent("a", new Random(3));
        Intent b = intent("b", new Random(3));
        assertThat(a.spec()).isNotSameAs(b.spec());
        IntentRecord ra = store.submit("id-a", a).join().record();
        IntentRecord rb = store.submit("id-b", b).join().record();
        assertThat(rb.intent().spec()).isSameAs(ra.intent().spec());
        assertThat(rb.intent().expectations()).isSameAs(ra.intent().expectations());
        assertThat(ra.intent()).isEqualTo(a);
        assertThat(rb.intent()).isEqualTo(b);
        JsonNode view = IntentViews.record(rb, true).get("intent");
        assertThat(view.get("key").asText()).isEqualTo("b");
    }
}
