package io.thalamus.deploy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.engine.IntentViews;
import io.thalamus.intent.execution.FlowLevelTwin;
import io.thalamus.intent.language.Understanding;
import io.thalamus.intent.lifecycle.IntentState;
import io.thalamus.intent.model.Comparison;
import io.thalamus.intent.model.Expectation;
import io.thalamus.intent.model.IntentType;
import io.thalamus.intent.model.Metric;
import io.thalamus.intent.store.IntentPage;
import io.thalamus.intent.store.Submission;
import io.thalamus.intent.validation.FieldError;
import io.thalamus.intent.validation.InvalidIntentException;
import io.thalamus.network.format.InputJson;
import io.thalamus.network.format.TopologyJson;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Vert.x HTTP server: REST API and dashboard on 127.0.0.1. Handlers stay thin (parse, call the domain,
 * map to HTTP); anything that can take long (English parsing, listing, what-ifs, router decisions) runs on
 * worker threads or the engine thread, never on the event loop. Every error is RFC 9457 problem+json.
 */
public final class ApiServer implements AutoCloseable {

    /** Largest accepted request body. */
    public static final long BODY_LIMIT_BYTES = 1 << 20;
    /** Largest page of GET /api/intents. */
    public static final int MAX_PAGE = 500;

    /**
     * Bodies up to this size are parsed and validated on the event loop (a connectivity intent is ~300 bytes and
     * takes tens of microseconds); larger ones go to a worker thread so a big admit-flows batch cannot stall it.
     */
    static final int INLINE_BODY_BYTES = 16 * 1024;
    /** HTTP servers (each on its own event loop) sharing the port: one per core. */
    static final int EVENT_LOOPS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static final ObjectMapper MAPPER = InputJson.mapper();

    private final Vertx vertx;
    private final HttpServer server;
    private final List<String> routes;

    private ApiServer(Vertx vertx, HttpServer server, List<String> routes) {
        this.vertx = vertx;
        this.server = server;
        this.routes = routes;
    }

    /** Starts listening on 127.0.0.1:{@code port} (0 for a free port) and returns once bound. */
    public static ApiServer start(int port, ApiBackend backend) {
        Vertx vertx = Vertx.vertx();
        Handlers h = new Handlers(backend);
        Router router = Router.router(vertx);
        List<String> routes = new ArrayList<>();
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT_BYTES).setHandleFileUploads(false));
        add(router, routes, HttpMethod.GET, "/health", h::health);
        add(router, routes, HttpMethod.GET, "/metrics", h::metrics);
        add(router, routes, HttpMethod.GET, "/api/openapi.json", h::openApi);
        add(router, routes, HttpMethod.GET, "/api/intent.schema.json", h::schema);
        add(router, routes, HttpMethod.POST, "/api/intents", h::submit);
        add(router, routes, HttpMethod.GET, "/api/intents", h::list);
        add(router, routes, HttpMethod.GET, "/api/intents/:id", h::get);
        add(router, routes, HttpMethod.DELETE, "/api/intents/:id", h::withdraw);
        add(router, routes, HttpMethod.GET, "/api/models", h::models);
        add(router, routes, HttpMethod.GET, "/api/models/:id", h::model);
        add(router, routes, HttpMethod.POST, "/api/router/decide", h::decide);
        add(router, routes, HttpMethod.POST, "/api/whatif", h::whatIf);
        add(router, routes, HttpMethod.GET, "/api/topology", h::topology);
        add(router, routes, HttpMethod.GET, "/api/twin/links", h::twinLinks);
        new SdnRoutes(backend.engine(), backend.topology()).register((m, p, x) -> add(router, routes, m, p, x));
        router.route("/api/*").handler(ctx -> Problem.of(404, "not-found", "Not Found",
                "no API resource " + ctx.request().method() + " " + ctx.request().path()).send(ctx));
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
        router.route().failureHandler(ApiServer::failure);
        try {
            // one server per event loop sharing the port (verticle instances of one deployment, which share even a
            // random port): Vert.x spreads connections over them round-robin, so parsing and validation use every core
            HttpServer server = listen(vertx, router, port, EVENT_LOOPS);
            return new ApiServer(vertx, server, Collections.unmodifiableList(routes));
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** Deploys {@code instances} HTTP servers on 127.0.0.1:{@code port}, each on its own event loop; returns one. */
    private static HttpServer listen(Vertx vertx, Router router, int port, int instances) throws Exception {
        java.util.concurrent.atomic.AtomicReference<HttpServer> bound = new java.util.concurrent.atomic.AtomicReference<>();
        vertx.deployVerticle(() -> new io.vertx.core.VerticleBase() {
            @Override
            public Future<?> start() {
                return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
                        .onSuccess(s -> bound.compareAndSet(null, s));
            }
        }, new io.vertx.core.DeploymentOptions().setInstances(instances))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return bound.get();
    }

    private static void add(Router router, List<String> routes, HttpMethod method, String path,
                            io.vertx.core.Handler<RoutingContext> handler) {
        router.route(method, path).handler(handler);
        routes.add(method.name() + " " + path.replaceAll(":([a-zA-Z]+)", "{$1}"));
    }

    /** Every route as {@code METHOD /path/{param}}, in registration order (the OpenAPI test compares them). */
    public List<String> routes() {
        return routes;
    }

    public int port() {
        return server.actualPort();
    }

    private static void failure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        Throwable t = ctx.failure();
        if (status == 413) {
            Problem.of(413, "body-too-large", "Request body too large",
                    "request bodies are limited to " + BODY_LIMIT_BYTES + " bytes").send(ctx);
        } else if (status == 404) {
            Problem.of(404, "not-found", "Not Found", "no resource " + ctx.request().path()).send(ctx);
        } else if (status == 405) {
            Problem.of(405, "method-not-allowed", "Method Not Allowed", ctx.request().method() + " is not allowed on "
                    + ctx.request().path()).send(ctx);
        } else {
            Problem.of(status, "internal", status >= 500 ? "Internal Server Error" : "Error",
                    t == null ? "" : String.valueOf(t.getMessage())).send(ctx);
        }
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // shutting down anyway
        }
    }

    /** The route handlers; thin, each mapping one domain call to HTTP. */
    private static final class Handlers {
        private final ApiBackend b;
        private final String topologyJson;
        private final String openApi;
        private static final String EMPTY_INTENT = "empty body: expected an intent object or {\"text\": ...}";
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();

        Handlers(ApiBackend backend) {
            this.b = backend;
            this.topologyJson = TopologyJson.write(backend.topology());
            this.openApi = resource("/openapi.json");
        }

        void health(RoutingContext ctx) {
            ObjectNode o = MAPPER.createObjectNode().put("status", "UP");
            o.put("intents", b.engine().store().size());
            o.put("english", b.english() == null ? "disabled" : b.english().status());
            json(ctx, 200, o);
        }

        void metrics(RoutingContext ctx) {
            // the twin's evaluation takes the engine's twin lock and the telemetry figures ask Kafka clients:
            // neither belongs on the event loop
            ctx.vertx().executeBlocking(this::metricsText, false).onFailure(ctx::fail).onSuccess(text ->
                    ctx.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(text));
        }

        private String metricsText() {
            StringBuilder sb = new StringBuilder();
            sb.append("# HELP thalamus_intents Intents by lifecycle state.\n# TYPE thalamus_intents gauge\n");
            Map<IntentState, Integer> byState = new EnumMap<>(IntentState.class);
            for (IntentState s : IntentState.values()) {
                byState.put(s, b.engine().store().count(s));
            }
            byState.forEach((s, n) -> sb.append("thalamus_intents{state=\"").append(s.name()).append("\"} ").append(n).append('\n'));
            sb.append("# HELP thalamus_intents_accepted_total Intents accepted by POST /api/intents.\n")
                    .append("# TYPE thalamus_intents_accepted_total counter\nthalamus_intents_accepted_total ")
                    .append(accepted.get()).append('\n');
            sb.append("# HELP thalamus_intents_rejected_total Intent submissions rejected as invalid.\n")
                    .append("# TYPE thalamus_intents_rejected_total counter\nthalamus_intents_rejected_total ")
                    .append(rejected.get()).append('\n');
            sb.append("# HELP thalamus_intents_queued Accepted intents waiting for the engine to plan them.\n")
                    .append("# TYPE thalamus_intents_queued gauge\nthalamus_intents_queued ")
                    .append(b.engine().queued()).append('\n');
            sb.append("# HELP thalamus_twin_max_link_utilization Largest link utilisation on the twin.\n")
                    .append("# TYPE thalamus_twin_max_link_utilization gauge\nthalamus_twin_max_link_utilization ")
                    .append(b.engine().twin().evaluate().maxLinkUtilization()).append('\n');
            jvmMetrics(sb);
            if (b.metrics() != null) {
                String extra = b.metrics().get();
                if (extra != null && !extra.isEmpty()) {
                    sb.append(extra);
                }
            }
            return sb.toString();
        }

        /** The server JVM's own costs: garbage collections, heap, allocation (what intake performance is judged by). */
        private static void jvmMetrics(StringBuilder sb) {
            sb.append("# HELP thalamus_jvm_gc_collections_total Garbage collections by collector.\n")
                    .append("# TYPE thalamus_jvm_gc_collections_total counter\n");
            StringBuilder time = new StringBuilder("# HELP thalamus_jvm_gc_collection_seconds_total Time in garbage "
                    + "collections by collector (for G1's young and mixed collections, their pauses).\n"
                    + "# TYPE thalamus_jvm_gc_collection_seconds_total counter\n");
            for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                sb.append("thalamus_jvm_gc_collections_total{gc=\"").append(gc.getName()).append("\"} ")
                        .append(gc.getCollectionCount()).append('\n');
                time.append("thalamus_jvm_gc_collection_seconds_total{gc=\"").append(gc.getName()).append("\"} ")
                        .append(gc.getCollectionTime() / 1000.0).append('\n');
            }
            sb.append(time);
            sb.append("# HELP thalamus_jvm_heap_used_bytes Heap in use now.\n# TYPE thalamus_jvm_heap_used_bytes gauge\n")
                    .append("thalamus_jvm_heap_used_bytes ")
                    .append(java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()).append('\n');
            if (java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
                sb.append("# HELP thalamus_jvm_allocated_bytes_total Heap allocated by every thread since the start.\n")
                        .append("# TYPE thalamus_jvm_allocated_bytes_total counter\nthalamus_jvm_allocated_bytes_total ")
                        .append(t.getTotalThreadAllocatedBytes()).append('\n');
            }
        }

        void openApi(RoutingContext ctx) {
            ctx.response().putHeader("content-type", "application/json").end(openApi);
        }

        void schema(RoutingContext ctx) {
            ctx.response().putHeader("content-type", "application/schema+json").end(b.engine().schema().text());
        }

        void topology(RoutingContext ctx) {
            ctx.response().putHeader("content-type", "application/json").end(topologyJson);
        }

        void twinLinks(RoutingContext ctx) {
            ArrayNode a = MAPPER.createArrayNode();
            for (FlowLevelTwin.LinkState l : b.engine().flowTwin().links()) {
                a.addObject().put("id", l.id()).put("physicalId", l.physicalId()).put("source", l.source())
                        .put("target", l.target()).put("capacityBps", l.capacityBps()).put("loadBps", l.loadBps())
                        .put("backgroundBps", l.backgroundBps()).put("utilization", l.utilization()).put("up", l.up());
            }
            json(ctx, 200, a);
        }

        void submit(RoutingContext ctx) {
            io.vertx.core.buffer.Buffer raw = ctx.body().buffer();
            if (raw == null || raw.length() == 0) {
                invalid(ctx, List.of(new FieldError("", EMPTY_INTENT)));
                return;
            }
            if (raw.length() <= INLINE_BODY_BYTES) {
                accept(ctx, raw.getBytes());
            } else {
                byte[] bytes = raw.getBytes();
                ctx.vertx().executeBlocking(() -> {
                    accept(ctx, bytes);
                    return null;
                }, false).onFailure(ctx::fail);
            }
        }

        /** Parses, validates and submits one body; replies 400 naming each bad field, or 202 once durable. */
        private void accept(RoutingContext ctx, byte[] bytes) {
            JsonNode body;
            try {
                body = MAPPER.readTree(bytes);
            } catch (IOException e) {
                String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException jp && jp.getLocation() != null
                        ? " at line " + jp.getLocation().getLineNr() + ", column " + jp.getLocation().getColumnNr() : "";
                String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException jp ? ": " + jp.getOriginalMessage() : "";
                invalid(ctx, List.of(new FieldError("", "malformed JSON" + where + why)));
                return;
            }
            if (body == null || body.isMissingNode()) {
                invalid(ctx, List.of(new FieldError("", EMPTY_INTENT)));
                return;
            }
            if (body.isObject() && body.has("text") && !body.has("type")) {
                english(ctx, body);
                return;
            }
            try {
                reply(ctx, b.engine().submit(body), null);
            } catch (InvalidIntentException e) {
                invalid(ctx, e.errors());
            }
        }

        private void english(RoutingContext ctx, JsonNode body) {
            JsonNode text = body.get("text");
            if (!text.isTextual() || text.asText().isBlank()) {
                invalid(ctx, List.of(new FieldError("/text", "must be a non-empty string")));
                return;
            }
            if (b.english() == null || !b.english().ready()) {
                Problem.of(503, "english-unavailable", "English intents not available yet",
                        b.english() == null ? "no language model configured" : b.english().status())
                        .send(ctx);
                return;
            }
            boolean confirm = body.path("confirm").asBoolean(false);
            Future<Understanding> work = ctx.vertx().executeBlocking(() -> b.english().understand(text.asText()), false);
            work.onFailure(ctx::fail).onSuccess(u -> {
                ObjectNode reply = MAPPER.createObjectNode();
                reply.put("text", text.asText());
                reply.set("understood", u.intent());
                reply.put("confidence", u.confidence()).put("typeConfidence", u.typeConfidence())
                        .put("label", u.corpusLabel()).put("threshold", b.english().threshold());
                ArrayNode ents = reply.putArray("entities");
                u.entities().forEach(e -> ents.addObject().put("kind", e.kind()).put("text", e.text()).put("value", e.value()));
                ArrayNode probs = reply.putArray("problems");
                u.problems().forEach(probs::add);
                if (u.confidence() < b.english().threshold() && !confirm) {
                    reply.put("status", "needs-confirmation").put("hint", "POST the 'understood' JSON (edited if needed), "
                            + "or repeat this request with \"confirm\": true to act on it as understood");
                    json(ctx, 200, reply);
                    return;
                }
                try {
                    reply(ctx, b.engine().submit(u.intent()), reply);
                } catch (InvalidIntentException e) {
                    Problem p = Problem.of(422, "not-understood", "English intent not actionable",
                            "the intent understood from the text does not validate: " + e.getMessage());
                    e.errors().forEach(fe -> p.error(fe.pointer(), fe.message()));
                    p.with("understood", new io.vertx.core.json.JsonObject(u.intent().toString()));
                    p.with("confidence", u.confidence());
                    rejected.incrementAndGet();
                    p.send(ctx);
                }
            });
        }

        private void reply(RoutingContext ctx, CompletionStage<Submission> submission, ObjectNode extra) {
            Future.fromCompletionStage(submission, ctx.vertx().getOrCreateContext()).onComplete(ar -> {
                if (ar.failed()) {
                    Problem.of(503, "log-unavailable", "Intent not accepted",
                            "the durable intent log did not acknowledge the intent: " + ar.cause().getMessage()).send(ctx);
                    return;
                }
                Submission s = ar.result();
                accepted.incrementAndGet();
                String location = "/api/intents/" + s.record().id();
                if (extra == null && !ctx.response().ended()) {
                    // the hot path of intake: the few fields written straight out, without a tree (ids are UUIDs;
                    // the client's key is escaped)
                    ctx.response().putHeader("Location", location).setStatusCode(s.created() ? 202 : 200)
                            .putHeader("content-type", "application/json")
                            .end("{\"id\":\"" + s.record().id() + "\",\"key\":\""
                                    + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance()
                                    .quoteAsString(s.record().key())) + "\",\"state\":\"" + s.record().state().name()
                                    + "\",\"created\":" + s.created() + ",\"location\":\"" + location + "\"}");
                    return;
                }
                ObjectNode o = extra != null ? extra : MAPPER.createObjectNode();
                o.put("id", s.record().id()).put("key", s.record().key()).put("state", s.record().state().name())
                        .put("created", s.created()).put("location", location);
                if (extra != null) {
                    o.put("status", "accepted");
                }
                ctx.response().putHeader("Location", location);
                json(ctx, s.created() ? 202 : 200, o);
            });
        }

        private void invalid(RoutingContext ctx, List<FieldError> errors) {
            rejected.incrementAndGet();
            Problem p = Problem.of(400, "invalid-intent", "Invalid intent", errors.size() + " problem(s) with the intent: "
                    + errors.stream().map(e -> (e.pointer().isEmpty() ? "/" : e.pointer()) + " " + e.message())
                    .reduce((x, y) -> x + "; " + y).orElse(""));
            errors.forEach(e -> p.error(e.pointer(), e.message()));
            p.send(ctx);
        }

        void list(RoutingContext ctx) {
            IntentState state = null;
            IntentType type = null;
            Problem bad = Problem.of(400, "invalid-query", "Invalid query", "bad query parameters");
            boolean isBad = false;
            String s = ctx.request().getParam("state");
            if (s != null) {
                try {
                    state = IntentState.valueOf(s.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    bad.parameter("state", "expected one of " + java.util.Arrays.toString(IntentState.values()) + ", got '" + s + "'");
                    isBad = true;
                }
            }
            String t = ctx.request().getParam("type");
            if (t != null) {
                try {
                    type = IntentType.fromWire(t);
                } catch (IllegalArgumentException e) {
                    bad.parameter("type", e.getMessage());
                    isBad = true;
                }
            }
            int offset = intParam(ctx, "offset", 0, bad);
            int limit = intParam(ctx, "limit", 50, bad);
            if (offset < 0) {
                bad.parameter("offset", "must be >= 0");
            }
            if (limit < 1 || limit > MAX_PAGE) {
                bad.parameter("limit", "must be in 1.." + MAX_PAGE);
            }
            if (isBad || bad.json().containsKey("errors")) {
                bad.send(ctx);
                return;
            }
            IntentState fs = state;
            IntentType ft = type;
            ctx.vertx().executeBlocking(() -> {
                IntentPage page = b.engine().store().list(fs, ft, offset, limit);
                ObjectNode o = MAPPER.createObjectNode();
                o.put("total", page.total()).put("offset", offset).put("limit", limit);
                ArrayNode items = o.putArray("items");
                page.items().forEach(r -> items.add(IntentViews.record(r, false)));
                return o;
            }, false).onFailure(ctx::fail).onSuccess(o -> json(ctx, 200, o));
        }

        private static int intParam(RoutingContext ctx, String name, int dflt, Problem bad) {
            String v = ctx.request().getParam(name);
            if (v == null) {
                return dflt;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                bad.parameter(name, "expected an integer, got '" + v + "'");
                return dflt;
            }
        }

        void get(RoutingContext ctx) {
            String id = ctx.pathParam("id");
            b.engine().get(id).ifPresentOrElse(r -> json(ctx, 200, IntentViews.record(r, true)),
                    () -> Problem.of(404, "no-such-intent", "No such intent", "no intent with id '" + id + "'").send(ctx));
        }

        void withdraw(RoutingContext ctx) {
            String id = ctx.pathParam("id");
            if (b.engine().get(id).isEmpty()) {
                Problem.of(404, "no-such-intent", "No such intent", "no intent with id '" + id + "'").send(ctx);
                return;
            }
            Future.fromCompletionStage(b.engine().withdraw(id), ctx.vertx().getOrCreateContext())
                    .onFailure(ctx::fail)
                    .onSuccess(r -> json(ctx, 200, IntentViews.record(r, false)));
        }

        void models(RoutingContext ctx) {
            ArrayNode a = MAPPER.createArrayNode();
            b.models().cards().forEach(a::add);
            json(ctx, 200, a);
        }

        void model(RoutingContext ctx) {
            String id = ctx.pathParam("id");
            b.models().card(id).ifPresentOrElse(c -> json(ctx, 200, c),
                    () -> Problem.of(404, "no-such-model", "No such model", "no model card with id '" + id + "'").send(ctx));
        }

        void decide(RoutingContext ctx) {
            JsonNode body = parseBody(ctx);
            if (body == null) {
                return;
            }
            ctx.vertx().executeBlocking(() -> b.models().decide(body), false).onComplete(ar -> {
                if (ar.succeeded()) {
                    json(ctx, 200, ar.result());
                } else if (ar.cause() instanceof IllegalArgumentException e) {
                    String msg = e.getMessage() == null ? "bad request" : e.getMessage();
                    String pointer = msg.startsWith("/") ? msg.substring(0, Math.max(1, msg.indexOf(':'))) : "";
                    Problem.of(400, "invalid-decision-request", "Invalid decision request", msg).error(pointer, msg).send(ctx);
                } else {
                    ctx.fail(ar.cause());
                }
            });
        }

        void whatIf(RoutingContext ctx) {
            JsonNode body = parseBody(ctx);
            if (body == null) {
                return;
            }
            if (!body.isObject() || !body.has("scenario")) {
                invalid(ctx, List.of(new FieldError("/scenario", "is required")));
                return;
            }
            List<Expectation> expectations = new ArrayList<>();
            JsonNode ex = body.get("expectations");
            if (ex != null && ex.isArray()) {
                for (int i = 0; i < ex.size(); i++) {
                    JsonNode e = ex.get(i);
                    try {
                        expectations.add(new Expectation(Metric.fromWire(e.path("metric").asText()),
                                Comparison.fromSymbol(e.path("op").asText()), e.path("target").asDouble()));
                    } catch (IllegalArgumentException iae) {
                        invalid(ctx, List.of(new FieldError("/expectations/" + i, iae.getMessage())));
                        return;
                    }
                }
            }
            Future.fromCompletionStage(b.engine().whatIf(body.get("scenario"), expectations), ctx.vertx().getOrCreateContext())
                    .onComplete(ar -> {
                        Throwable t = ar.cause() instanceof java.util.concurrent.CompletionException ce ? ce.getCause() : ar.cause();
                        if (ar.succeeded()) {
                            json(ctx, 200, ar.result());
                        } else if (t instanceof io.thalamus.twin.scenario.ScenarioException se) {
                            invalid(ctx, List.of(new FieldError("/scenario" + se.pointer(), se.getMessage())));
                        } else if (t instanceof IllegalArgumentException iae) {
                            invalid(ctx, List.of(new FieldError("/scenario", iae.getMessage())));
                        } else {
                            ctx.fail(t);
                        }
                    });
        }

        private JsonNode parseBody(RoutingContext ctx) {
            try {
                String text = ctx.body().asString();
                if (text == null || text.isBlank()) {
                    invalid(ctx, List.of(new FieldError("", "empty body: expected a JSON object")));
                    return null;
                }
                return MAPPER.readTree(text);
            } catch (IOException e) {
                String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException jp ? ": " + jp.getOriginalMessage() : "";
                invalid(ctx, List.of(new FieldError("", "malformed JSON" + why)));
                return null;
            }
        }

        private static void json(RoutingContext ctx, int status, JsonNode body) {
            if (ctx.response().ended()) {
                return;
            }
            ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.toString());
        }

        private static String resource(String name) {
            try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
