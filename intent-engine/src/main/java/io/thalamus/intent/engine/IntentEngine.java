package io.thalamus.intent.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.execution.AdmissionStrategy;
import io.thalamus.intent.execution.AdmitTask;
import io.thalamus.intent.execution.AssureTask;
import io.thalamus.intent.execution.Conflict;
import io.thalamus.intent.execution.DetectTask;
import io.thalamus.intent.execution.ExecutionContext;
import io.thalamus.intent.execution.ExpectationCheck;
import io.thalamus.intent.execution.Expectations;
import io.thalamus.intent.execution.FlowLevelTwin;
import io.thalamus.intent.execution.ForecastTask;
import io.thalamus.intent.execution.InstallTask;
import io.thalamus.intent.execution.LinkHistory;
import io.thalamus.intent.execution.NetworkTwinPort;
import io.thalamus.intent.execution.RouteTask;
import io.thalamus.intent.execution.RoutedFlow;
import io.thalamus.intent.execution.SeriesDetector;
import io.thalamus.intent.execution.SeriesForecaster;
import io.thalamus.intent.execution.TaskExecutor;
import io.thalamus.intent.execution.TaskFailure;
import io.thalamus.intent.execution.TwinController;
import io.thalamus.intent.execution.TwinKpis;
import io.thalamus.intent.execution.WhatIfTask;
import io.thalamus.intent.lifecycle.CompactJson;
import io.thalamus.intent.lifecycle.IntentRecord;
import io.thalamus.intent.lifecycle.IntentState;
import io.thalamus.intent.model.FlowSpec;
import io.thalamus.intent.model.Intent;
import io.thalamus.intent.model.IntentSpec;
import io.thalamus.intent.planning.Blueprint;
import io.thalamus.intent.planning.DefaultModelChooser;
import io.thalamus.intent.planning.ModelChooser;
import io.thalamus.intent.planning.ModelDecision;
import io.thalamus.intent.planning.Planner;
import io.thalamus.intent.planning.Task;
import io.thalamus.intent.planning.TaskType;
import io.thalamus.intent.store.IntentLog;
import io.thalamus.intent.store.IntentStore;
import io.thalamus.intent.store.Submission;
import io.thalamus.intent.validation.IntentSchema;
import io.thalamus.intent.validation.IntentValidator;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.LinkStatistics;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.spi.SdnController;
import io.thalamus.network.spi.TelemetryListener;
import io.thalamus.network.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The intent engine: validates and durably accepts intents, plans each into a blueprint, routes every
 * task to a model, runs the blueprint on a fork of the twin, installs through the controller only when
 * every expectation holds (and mode is apply), and keeps checking installed intents (the assurance loop).
 * Intake is decoupled from planning: a submit completes as soon as SUBMITTED is durable, and only queues
 * the intent; planning and state changes run on one engine thread, which takes the queue in batches, in
 * submission order.
 */
public final class IntentEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntentEngine.class);

    private final IntentStore store;
    private final IntentValidator validator;
    private final IntentSchema schema;
    private final Planner planner = new Planner();
    private final ModelChooser chooser;
    private final ConflictDetector conflicts = new ConflictDetector();
    private final Map<TaskType, TaskExecutor> executors;
    private final InstallTask install;
    private final NetworkTwinPort twin;
    private final FlowLevelTwin ownTwin;
    private final boolean controllerIsTwin;
    private final LinkHistory history;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final long assurancePeriodMs;
    private volatile long assuredVersion = -1;
    /** Most intents planned per batch. */
    static final int BATCH = 256;
    private final java.util.concurrent.ConcurrentLinkedQueue<String> intake = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();
    /** Most blueprint and decision renderings remembered (engine thread only). */
    static final int VIEW_CACHE = 1024;
    private final Map<List<Task>, CompactJson> blueprints = lru(VIEW_CACHE);
    private final Map<List<ModelDecision>, CompactJson> decisionViews = lru(VIEW_CACHE);

    private IntentEngine(Builder b) {
        this.clock = b.clock;
        this.store = new IntentStore(b.log, clock);
        store.listen((now, before) -> {
            if (now.state() == IntentState.INSTALLED) {
                conflicts.activated(now.id(), now.key(), now.intent());
            } else if (before == IntentState.INSTALLED) {
                conflicts.deactivated(now.id());
            }
        });
        this.ownTwin = new FlowLevelTwin(b.topology, b.reconverge);
        this.twin = ownTwin;
        this.schema = new IntentSchema();
        this.validator = new IntentValidator(schema, twin::topology);
        this.history = new LinkHistory(b.historyWindows);
        this.chooser = b.chooserFactory != null ? b.chooserFactory.apply(history, twin::topology) : b.chooser;
        SdnController controller = b.controller != null ? b.controller : new TwinController(ownTwin);
        this.controllerIsTwin = controller instanceof TwinController;
        this.install = new InstallTask(controller, controllerIsTwin ? r -> { } : ownTwin::install);
        executors = new EnumMap<>(TaskType.class);
        executors.put(TaskType.FORECAST, new ForecastTask(history, id -> b.forecasters.containsKey(id)
                ? b.forecasters.get(id) : b.forecasterLookup.apply(id)));
        executors.put(TaskType.ADMIT, new AdmitTask(b.admission::get));
        executors.put(TaskType.ROUTE, new RouteTask(b.policies::get));
        executors.put(TaskType.WHAT_IF, new WhatIfTask(b.digitalTwinWhatIf ? new io.thalamus.intent.execution.DigitalTwinWhatIf(ownTwin) : null));
        executors.put(TaskType.DETECT, new DetectTask(history, id -> b.detectors.containsKey(id)
                ? b.detectors.get(id) : b.detectorLookup.apply(id)));
        executors.put(TaskType.ASSURE, new AssureTask());
        executors.put(TaskType.INSTALL, install);
        this.assurancePeriodMs = b.assurancePeriodMs;
        int nice = b.planningNice;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(() -> {
                PlanningPriority.lowerCurrentThread(nice);
                r.run();
            }, "intent-engine");
            t.setDaemon(true);
            return t;
        });
    }

    /** A builder over a durable log and a topology; every other part has a documented default. */
    public static Builder builder(IntentLog log, Topology topology) {
        return new Builder(log, topology);
    }

    /**
     * Rebuilds every intent from the log, restores installed routes into the twin, resumes intents that
     * were in flight, and starts the assurance loop. Returns the number of events replayed.
     */
    public long start() {
        long events = store.rebuild();
        List<IntentRecord> all = store.all();
        for (IntentRecord r : all) {
            if (r.state() == IntentState.INSTALLED && r.paths() != null && r.intent().type().installs()) {
                for (RoutedFlow f : routedFrom(r)) {
                    install.controller().install(f.flow(), f.path());
                    if (!controllerIsTwin) {
                        ownTwin.install(f);
                    }
                }
            }
        }
        for (IntentRecord r : all) {
            if (r.state().isInFlight()) {
                String id = r.id();
                thread.execute(() -> resume(id));
            }
        }
        if (assurancePeriodMs > 0) {
            thread.scheduleWithFixedDelay(this::assureSafely, assurancePeriodMs, assurancePeriodMs, TimeUnit.MILLISECONDS);
        }
        return events;
    }

    /** Validates JSON and submits it. @throws io.thalamus.intent.validation.InvalidIntentException naming every bad field */
    public CompletableFuture<Submission> submit(String json) {
        return submit(validator.parse(json));
    }

    /** Validates a JSON tree and submits it. */
    public CompletableFuture<Submission> submit(JsonNode json) {
        return submit(validator.parse(json));
    }

    /** Submits a validated intent: completes once SUBMITTED is durable (or with the existing intent of that key). */
    public CompletableFuture<Submission> submit(Intent intent) {
        String id = UUID.randomUUID().toString();
        return store.submit(id, intent).thenApply(s -> {
            if (s.created()) {
                enqueue(s.record().id());
            }
            return s;
        });
    }

    /**
     * Queues an accepted intent for planning. Intake never waits for the engine: it only appends to this
     * queue, and the engine thread takes the queue in batches (see {@link #planQueued}).
     */
    private void enqueue(String id) {
        intake.add(id);
        if (draining.compareAndSet(false, true)) {
            thread.execute(this::planQueued);
        }
    }

    /** How many accepted intents wait for the engine thread. */
    public int queued() {
        return intake.size();
    }

    /** Withdraws an intent (removing its routes); completes with its record once WITHDRAWN, FAILED or CORRUPT. */
    public CompletableFuture<IntentRecord> withdraw(String id) {
        if (store.get(id).isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no intent " + id));
        }
        return CompletableFuture.supplyAsync(() -> {
            doWithdraw(id);
            return store.get(id).orElseThrow();
        }, thread);
    }

    /** The intent with this id. */
    public Optional<IntentRecord> get(String id) {
        return store.get(id);
    }

    /** The store (queries). */
    public IntentStore store() {
        return store;
    }

    /** The validator (for parsing without submitting, e.g. English intents). */
    public IntentValidator validator() {
        return validator;
    }

    /** The published JSON Schema. */
    public IntentSchema schema() {
        return schema;
    }

    /** The twin the engine plans on. */
    public NetworkTwinPort twin() {
        return twin;
    }

    /** The engine's own flow-level twin (link states for the API). */
    public FlowLevelTwin flowTwin() {
        return ownTwin;
    }

    /** The controller routes are installed through. */
    public SdnController controller() {
        return install.controller();
    }

    /** Telemetry goes here: it updates the twin and the link history, and the assurance loop reacts. */
    public TelemetryListener telemetryListener() {
        return new TelemetryListener() {
            @Override
            public void onLinkStatistics(LinkStatistics s) {
                ownTwin.onLinkStatistics(s);
                history.onLinkStatistics(s);
            }

            @Override
            public void onLinkStatus(String linkId, boolean up, Instant time) {
                ownTwin.onLinkStatus(linkId, up, time);
            }
        };
    }

    /** The link utilisation history fed by telemetry. */
    public LinkHistory history() {
        return history;
    }

    /**
     * Runs a scenario (the digital-twin module's scenario JSON: one step, an array of steps or
     * {@code {"name","steps"}}) on a twin holding every installed route, and checks {@code expectations} on the
     * outcome. Runs on the engine thread so it sees a consistent set of routes.
     */
    public CompletableFuture<ObjectNode> whatIf(JsonNode scenario, List<io.thalamus.intent.model.Expectation> expectations) {
        return CompletableFuture.supplyAsync(() -> {
            io.thalamus.twin.scenario.WhatIfResult r = new io.thalamus.intent.execution.DigitalTwinWhatIf(ownTwin).run(scenario);
            ObjectNode out = io.thalamus.intent.execution.DigitalTwinWhatIf.toJson(r, 50);
            Intent probe = new Intent("adhoc", io.thalamus.intent.model.IntentType.WHAT_IF, 0,
                    new IntentSpec.WhatIf("link-failure", null, null, null, null, null), expectations, null, null);
            List<ExpectationCheck> checks = Expectations.check(probe,
                    io.thalamus.intent.execution.DigitalTwinWhatIf.kpisAfter(r), List.of(), 0, Map.of());
            out.put("holds", checks.stream().allMatch(ExpectationCheck::holds));
            out.set("evidence", IntentViews.evidence(checks));
            return out;
        }, thread);
    }

    /** Runs the assurance check now (on the engine thread) and waits for it. */
    public void assureNow() {
        CompletableFuture.runAsync(() -> assure(true), thread).join();
    }

    /** Waits until every task queued before this call has run, and the intake queue is empty. */
    public void drain() {
        do {
            CompletableFuture.runAsync(() -> { }, thread).join();
        } while (draining.get());
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- engine thread ----

    /**
     * Takes up to {@link #BATCH} queued intents, logs COMPILING for all of them (one producer batch instead
     * of one round per intent), then plans and runs each in submission order. Between batches it yields the
     * engine thread to whatever else is queued there (withdrawals, what-ifs, the assurance loop).
     */
    private void planQueued() {
        List<String> batch = new ArrayList<>(BATCH);
        String next;
        while (batch.size() < BATCH && (next = intake.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            draining.set(false);
            // an intent queued between the poll and the flag: take it now
            if (!intake.isEmpty() && draining.compareAndSet(false, true)) {
                thread.execute(this::planQueued);
            }
            return;
        }
        List<String> compiling = new ArrayList<>(batch.size());
        for (String id : batch) {
            try {
                if (store.get(id).map(r -> r.state() == IntentState.SUBMITTED).orElse(false)) {
                    store.transition(id, IntentState.COMPILING, "planning a blueprint", null);
                    compiling.add(id);
                }
            } catch (RuntimeException e) {
                LOG.error("intent {}: cannot start compiling", id, e);
            }
        }
        for (String id : compiling) {
            compileSafely(id, true);
        }
        thread.execute(this::planQueued);
    }

    private void resume(String id) {
        IntentRecord r = store.get(id).orElseThrow();
        switch (r.state()) {
            case SUBMITTED -> compileSafely(id, false);
            case COMPILING, RECOMPILING -> compileSafely(id, true);
            case INSTALLING -> {
                // the plan was approved before the restart: push it again (installs are idempotent)
                try {
                    List<RoutedFlow> flows = routedFrom(r);
                    for (RoutedFlow f : flows) {
                        install.controller().install(f.flow(), f.path());
                        if (!controllerIsTwin) {
                            ownTwin.install(f);
                        }
                    }
                    ObjectNode d = JsonNodeFactory.instance.objectNode();
                    d.set("paths", IntentViews.paths(flows));
                    store.transition(id, IntentState.INSTALLED, "installed after restart (" + flows.size() + " flows)", d);
                } catch (RuntimeException e) {
                    store.transition(id, IntentState.CORRUPT, "install interrupted by a restart and could not be "
                            + "completed: " + e.getMessage(), null);
                }
            }
            case WITHDRAWING -> doWithdraw(id);
            default -> {
            }
        }
    }

    private void compileSafely(String id, boolean resumed) {
        try {
            compile(id, resumed);
        } catch (RuntimeException e) {
            LOG.error("intent {}: unexpected failure while compiling", id, e);
            try {
                store.transition(id, IntentState.FAILED, "internal error: " + e, null);
            } catch (RuntimeException ignored) {
                // the record is in a state FAILED cannot follow; it stays visible as it is
            }
        }
    }

    /**
     * Plans and runs an intent. {@code resumed}: the COMPILING (or RECOMPILING) event is already logged.
     */
    private void compile(String id, boolean resumed) {
        IntentRecord rec = store.get(id).orElseThrow();
        boolean recompiling = rec.state() == IntentState.RECOMPILING;
        if (!resumed) {
            store.transition(id, IntentState.COMPILING, "planning a blueprint", null);
        }
        Intent intent = rec.intent();
        Blueprint bp = planner.plan(id, intent);
        List<ModelDecision> decisions = new ArrayList<>();
        for (Task t : bp.tasks()) {
            decisions.add(chooser.choose(intent, t));
        }
        ObjectNode planned = JsonNodeFactory.instance.objectNode();
        // intents alike (same endpoints, rate, expectations and flags) get equal blueprints and decisions: their JSON
        // is made once and the store shares it
        planned.set("blueprint", blueprints.computeIfAbsent(bp.tasks(), k -> CompactJson.of(IntentViews.blueprint(bp))).raw());
        planned.set("decisions", decisionViews.computeIfAbsent(decisions, k -> CompactJson.of(IntentViews.decisions(decisions))).raw());

        List<Conflict> found = conflicts.check(id, intent);
        if (!found.isEmpty()) {
            planned.set("conflicts", IntentViews.conflicts(found, keys(found)));
            fail(id, recompiling, "conflict with " + found.stream().map(c -> "intent " + c.intentId()
                    + " (" + keyOf(c.intentId()) + "): " + c.detail()).collect(Collectors.joining("; ")), planned, null);
            return;
        }
        ExecutionContext ctx = new ExecutionContext(id, intent, twin.fork(), recompiling);
        if (recompiling) {
            ctx.fork().removeIntent(id);
        }
        requested(id, intent).forEach(ctx::request);
        Task installTask = null;
        try {
            for (int i = 0; i < bp.tasks().size(); i++) {
                Task t = bp.tasks().get(i);
                if (t.type() == TaskType.INSTALL) {
                    installTask = t;
                    continue;
                }
                executors.get(t.type()).run(t, decisions.get(i), ctx);
            }
        } catch (TaskFailure f) {
            planned.set("evidence", IntentViews.evidence(f.evidence().isEmpty() ? ctx.evidence() : f.evidence()));
            if (!f.conflicts().isEmpty()) {
                planned.set("conflicts", IntentViews.conflicts(f.conflicts(), keys(f.conflicts())));
            }
            fail(id, recompiling, f.getMessage(), planned, ctx);
            return;
        }
        planned.set("evidence", IntentViews.evidence(ctx.evidence()));
        List<RoutedFlow> routed = List.copyOf(ctx.routed());
        CompactJson plannedPaths = CompactJson.of(IntentViews.paths(routed));
        planned.set("paths", plannedPaths.raw());
        if (!ctx.result().isEmpty()) {
            planned.set("result", ctx.result());
        }
        String held = ctx.evidence().isEmpty() ? "no expectations to check"
                : "every expectation held on the twin (" + ctx.evidence().size() + " checked)";
        if (!intent.type().installs()) {
            store.transition(id, IntentState.INSTALLED, "result recorded; " + held, planned);
            return;
        }
        if (intent.mode() == io.thalamus.intent.model.Mode.DRY_RUN) {
            store.transition(id, IntentState.WITHDRAWN, "dry run: " + held + "; nothing installed", planned);
            return;
        }
        store.transition(id, IntentState.INSTALLING, held + "; installing " + ctx.routed().size() + " route(s) through "
                + install.controller().name(), planned);
        List<RoutedFlow> old = recompiling ? installedOf(id) : List.of();
        try {
            for (RoutedFlow r : old) {
                install.controller().remove(r.flow().id());
                if (!controllerIsTwin) {
                    ownTwin.remove(r.flow().id());
                }
            }
            executors.get(TaskType.INSTALL).run(installTask, decisions.get(installTask.index()), ctx);
        } catch (TaskFailure | RuntimeException e) {
            boolean clean = install.rollback(ctx, controllerIsTwin ? fid -> { } : ownTwin::remove);
            store.transition(id, clean ? IntentState.FAILED : IntentState.CORRUPT, e.getMessage()
                    + (clean ? "; rolled back" : "; rollback failed, resources may still be held"), null);
            return;
        }
        ObjectNode done = JsonNodeFactory.instance.objectNode();
        // usually the very routes that were planned: then the same JSON, kept once
        done.set("paths", (routed.equals(ctx.installed()) ? plannedPaths : CompactJson.of(IntentViews.paths(ctx.installed()))).raw());
        store.transition(id, IntentState.INSTALLED, "installed " + ctx.installed().size() + " route(s) through "
                + install.controller().name(), done);
    }

    private void fail(String id, boolean recompiling, String reason, ObjectNode details, ExecutionContext ctx) {
        if (recompiling) {
            // a re-plan that fails releases what the intent held, so it cannot keep hurting others
            for (RoutedFlow r : installedOf(id)) {
                install.controller().remove(r.flow().id());
                if (!controllerIsTwin) {
                    ownTwin.remove(r.flow().id());
                }
            }
            details.set("paths", JsonNodeFactory.instance.arrayNode());
        }
        store.transition(id, IntentState.FAILED, reason, details);
    }

    private void doWithdraw(String id) {
        IntentRecord r = store.get(id).orElseThrow();
        if (r.state() == IntentState.WITHDRAWN) {
            return;
        }
        if (r.state() != IntentState.WITHDRAWING) {
            store.transition(id, IntentState.WITHDRAWING, "withdraw requested", null);
        }
        try {
            for (RoutedFlow f : installedOf(id)) {
                install.controller().remove(f.flow().id());
                if (!controllerIsTwin) {
                    ownTwin.remove(f.flow().id());
                }
            }
            ObjectNode d = JsonNodeFactory.instance.objectNode();
            d.set("paths", JsonNodeFactory.instance.arrayNode());
            store.transition(id, IntentState.WITHDRAWN, "withdrawn; routes removed", d);
        } catch (RuntimeException e) {
            store.transition(id, IntentState.CORRUPT, "withdraw failed: " + e.getMessage(), null);
        }
    }

    private void assureSafely() {
        try {
            assure(false);
        } catch (RuntimeException e) {
            LOG.error("assurance check failed", e);
        }
    }

    /** Re-checks installed intents when the twin changed; the ones that stopped holding are re-planned. */
    private void assure(boolean force) {
        // the engine's own installs were checked against every expectation before they happened; what it
        // cannot foresee is the network changing under them (telemetry, link status)
        long v = ownTwin.measuredVersion();
        if (!force && v == assuredVersion) {
            return;
        }
        assuredVersion = v;
        io.thalamus.intent.execution.TwinFork snapshot = twin.fork();
        List<IntentRecord> installed = store.inState(IntentState.INSTALLED);
        installed.sort(java.util.Comparator.comparing(IntentRecord::id));
        for (IntentRecord r : installed) {
            if (r.state() != IntentState.INSTALLED || !r.intent().type().installs()) {
                continue;
            }
            List<RoutedFlow> flows = installedOf(r.id());
            int expected = r.paths() == null ? 0 : r.paths().size();
            TwinKpis kpis = snapshot.evaluateIntent(r.id());
            List<ExpectationCheck> checks = new ArrayList<>(Expectations.check(r.intent(), kpis, flows,
                    Math.max(expected, flows.size()), Map.of()));
            if (flows.size() < expected) {
                checks.add(new ExpectationCheck("routes-present", ">=", expected, flows.size(), false,
                        flows.size() - expected, "twin"));
            }
            int moved = movedByTopologyChange(r, flows);
            if (moved > 0) {
                checks.add(new ExpectationCheck("paths-as-installed", "==", 0, moved, false, moved,
                        "topology change moved " + moved + " flow(s) off their installed path"));
            }
            List<ExpectationCheck> failed = checks.stream().filter(c -> !c.holds()).toList();
            if (failed.isEmpty()) {
                continue;
            }
            ObjectNode d = JsonNodeFactory.instance.objectNode();
            d.set("evidence", IntentViews.evidence(checks));
            store.transition(r.id(), IntentState.RECOMPILING, "assurance: " + failed.stream()
                    .map(ExpectationCheck::describe).collect(Collectors.joining("; ")) + "; re-planning", d);
            compileSafely(r.id(), true);
        }
        assuredVersion = ownTwin.measuredVersion();
    }

    // ---- helpers ----

    private static <K, V> Map<K, V> lru(int max) {
        return new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    /** How many of the intent's flows the twin no longer carries on the path that was installed. */
    private static int movedByTopologyChange(IntentRecord r, List<RoutedFlow> now) {
        if (r.paths() == null) {
            return 0;
        }
        Map<String, List<String>> current = new HashMap<>();
        for (RoutedFlow f : now) {
            current.put(f.flow().id(), f.path().linkIds());
        }
        int moved = 0;
        for (JsonNode p : r.paths()) {
            List<String> links = new ArrayList<>();
            p.get("links").forEach(l -> links.add(l.asText()));
            List<String> c = current.get(p.get("flowId").asText());
            if (c != null && !c.equals(links)) {
                moved++;
            }
        }
        return moved;
    }

    private List<RoutedFlow> installedOf(String id) {
        return ownTwin.installedOf(id);
    }

    private List<Flow> requested(String id, Intent intent) {
        List<Flow> out = new ArrayList<>();
        IntentSpec spec = intent.spec();
        if (spec instanceof IntentSpec.Connectivity c) {
            out.add(new Flow(id + "/flow", c.source(), c.destination(), c.bandwidthBps(), intent.priority(),
                    c.maxDelayMs(), null, 1.0));
        } else if (spec instanceof IntentSpec.AdmitFlows a) {
            for (FlowSpec f : a.flows()) {
                out.add(new Flow(id + "/" + f.id(), f.source(), f.destination(), f.bandwidthBps(),
                        f.priority() != null ? f.priority() : intent.priority(), f.maxDelayMs(), null, 1.0));
            }
        }
        return out;
    }

    private List<RoutedFlow> routedFrom(IntentRecord r) {
        List<RoutedFlow> out = new ArrayList<>();
        Topology t = twin.baseTopology();
        for (JsonNode p : r.paths()) {
            List<String> links = new ArrayList<>();
            p.get("links").forEach(l -> links.add(l.asText()));
            Flow f = new Flow(p.get("flowId").asText(), p.get("source").asText(), p.get("destination").asText(),
                    p.get("bandwidthBps").asDouble(), p.path("priority").asInt(0),
                    p.has("maxDelayMs") ? p.get("maxDelayMs").asDouble() : null, null, 1.0);
            out.add(new RoutedFlow(r.id(), f, Path.ofLinkIds(t, links)));
        }
        return out;
    }

    private Map<String, String> keys(List<Conflict> cs) {
        Map<String, String> m = new HashMap<>();
        for (Conflict c : cs) {
            m.put(c.intentId(), keyOf(c.intentId()));
        }
        return m;
    }

    private String keyOf(String id) {
        return store.get(id).map(IntentRecord::key).orElse("?");
    }

    /** Wiring of the engine: a log and a topology, plus optional real implementations of each part. */
    public static final class Builder {
        private final IntentLog log;
        private final Topology topology;
        private ModelChooser chooser = new DefaultModelChooser();
        private java.util.function.BiFunction<LinkHistory, java.util.function.Supplier<Topology>, ModelChooser> chooserFactory;
        private SdnController controller;
        private RoutingFunction reconverge = RoutingFunction.shortestPath();
        private final Map<String, AdmissionStrategy> admission = new HashMap<>();
        private final Map<String, RoutingFunction> policies = new HashMap<>();
        private final Map<String, SeriesForecaster> forecasters = new HashMap<>();
        private final Map<String, SeriesDetector> detectors = new HashMap<>();
        private Function<String, SeriesForecaster> forecasterLookup = id -> null;
        private Function<String, SeriesDetector> detectorLookup = id -> null;
        private Clock clock = Clock.systemUTC();
        private long assurancePeriodMs = 1000;
        private boolean digitalTwinWhatIf = true;
        private int historyWindows = 288;
        private int planningNice;

        private Builder(IntentLog log, Topology topology) {
            this.log = log;
            this.topology = topology;
            admission.put("admission.greedy", AdmissionStrategy.greedy());
            policies.put("shortest", RoutingFunction.shortestPath());
            forecasters.put("forecast.ewma", SeriesForecaster.ewma());
            detectors.put("anomaly.robust-z", SeriesDetector.robustZ());
        }

        /** The model router (default: {@link DefaultModelChooser}). */
        public Builder chooser(ModelChooser c) {
            this.chooser = c;
            return this;
        }

        /** Where routes are installed (default: the twin's own driver). */
        public Builder controller(SdnController c) {
            this.controller = c;
            return this;
        }

        /** How the twin re-converges flows after a failure (default: shortest path). */
        public Builder reconverge(RoutingFunction f) {
            this.reconverge = f;
            return this;
        }

        /** Registers an admission strategy under a model id. */
        public Builder admission(String modelId, AdmissionStrategy s) {
            admission.put(modelId, s);
            return this;
        }

        /** Registers a routing policy under its name (shortest, greedy, learned, three-hop). */
        public Builder policy(String name, RoutingFunction f) {
            policies.put(name, f);
            return this;
        }

        /** Registers a forecaster under a model id. */
        public Builder forecaster(String modelId, SeriesForecaster f) {
            forecasters.put(modelId, f);
            return this;
        }

        /** Registers a detector under a model id. */
        public Builder detector(String modelId, SeriesDetector d) {
            detectors.put(modelId, d);
            return this;
        }

        /** Looks up forecasters by model id when none was registered under that id (e.g. from the model registry). */
        public Builder forecasters(Function<String, SeriesForecaster> lookup) {
            this.forecasterLookup = lookup;
            return this;
        }

        /** Looks up detectors by model id when none was registered under that id. */
        public Builder detectors(Function<String, SeriesDetector> lookup) {
            this.detectorLookup = lookup;
            return this;
        }

        /** The model router, given the engine's link history and topology once they exist. */
        public Builder chooserFactory(java.util.function.BiFunction<LinkHistory, java.util.function.Supplier<Topology>, ModelChooser> factory) {
            this.chooserFactory = factory;
            return this;
        }

        /** Whether what-if intents run on the digital-twin module (default) or on the engine's own fork. */
        public Builder digitalTwinWhatIf(boolean on) {
            this.digitalTwinWhatIf = on;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /**
         * Runs planning at a lower CPU priority than the rest of the process (Linux nice +{@code nice} for the engine
         * thread; 0, the default, leaves it alone), so intake keeps its CPU when the cores are busy.
         */
        public Builder planningNice(int nice) {
            this.planningNice = nice;
            return this;
        }

        /** How often the assurance loop looks for changes (0 disables the timer; {@link IntentEngine#assureNow} still works). */
        public Builder assurancePeriodMs(long ms) {
            this.assurancePeriodMs = ms;
            return this;
        }

        public IntentEngine build() {
            return new IntentEngine(this);
        }
    }
}
