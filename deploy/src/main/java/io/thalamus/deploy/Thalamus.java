package io.thalamus.deploy;

import io.thalamus.deploy.api.ApiBackend;
import io.thalamus.deploy.api.ApiServer;
import io.thalamus.deploy.api.RegistryModelCatalog;
import io.thalamus.deploy.telemetry.ModelLibraryAnomalyScorer;
import io.thalamus.intent.engine.IntentEngine;
import io.thalamus.intent.execution.RegistrySeriesModels;
import io.thalamus.intent.execution.SolverAdmission;
import io.thalamus.intent.language.EnglishIntents;
import io.thalamus.intent.language.LabelledSentence;
import io.thalamus.intent.language.RasaNluCorpus;
import io.thalamus.intent.planning.Planner;
import io.thalamus.intent.planning.RouterModelChooser;
import io.thalamus.intent.routing.KnnPerformancePredictor;
import io.thalamus.intent.routing.LoadShifter;
import io.thalamus.intent.routing.ModelRouter;
import io.thalamus.intent.routing.ProbeFeatures;
import io.thalamus.intent.routing.RouterJson;
import io.thalamus.intent.store.KafkaIntentLog;
import io.thalamus.models.card.ModelCard;
import io.thalamus.models.card.TaskType;
import io.thalamus.models.registry.ModelRegistry;
import io.thalamus.sdnrouter.admission.AdmissionSolverModel;
import io.thalamus.models.text.MiniLmEmbedder;
import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.data.SharedData;
import io.thalamus.network.spi.LinkStatistics;
import io.thalamus.network.spi.TelemetryListener;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.routing.GreedyForwardingPolicy;
import io.thalamus.sdnrouter.routing.PolicyFile;
import io.thalamus.sdnrouter.routing.PolicyRoutingFunction;
import io.thalamus.sdnrouter.routing.ThreeHopViewPolicy;
import io.thalamus.telemetry.TelemetryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The composition root: wires every module from one {@link ThalamusConfig} and owns their lifecycles. */
public final class Thalamus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Thalamus.class);

    /** Confidence below which English intents ask for confirmation. */
    public static final double ENGLISH_THRESHOLD = 0.6;

    private final ThalamusConfig config;
    private final Topology topology;
    private final List<AutoCloseable> closeables;
    /**
     * Nice value added to the planning thread: intake (HTTP, the log's producer and broker) gets the CPU first when
     * the cores are busy (system property {@code thalamus.planningNice} overrides it; 0 turns it off).
     */
    static final int PLANNING_NICE = 5;

    private final IntentEngine engine;
    private final ApiServer api;
    private final EnglishIntents english;
    private final TelemetryService telemetry;
    private final String bootstrapServers;
    private final long eventsReplayed;
    private final RegistryModelCatalog models;

    private Thalamus(ThalamusConfig config, Topology topology, List<AutoCloseable> closeables, IntentEngine engine,
                     ApiServer api, EnglishIntents english, TelemetryService telemetry, String bootstrapServers,
                     long eventsReplayed, RegistryModelCatalog models) {
        this.models = models;
        this.config = config;
        this.topology = topology;
        this.closeables = closeables;
        this.engine = engine;
        this.api = api;
        this.english = english;
        this.telemetry = telemetry;
        this.bootstrapServers = bootstrapServers;
        this.eventsReplayed = eventsReplayed;
    }

    /**
     * Loads the topology, starts the embedded broker (unless a cluster is configured) with the telemetry
     * pipeline, rebuilds the intent store from its log, starts the engine and the HTTP API; returns once
     * everything listens. The English model trains in the background (a few seconds with its cache).
     */
    public static Thalamus start(ThalamusConfig config) throws IOException {
        Files.createDirectories(config.stateDir());
        Topology topology = config.topologyFile() == null
                ? BuiltinTopologies.abilene()
                : TopologyFiles.read(config.topologyFile());
        List<AutoCloseable> closeables = new ArrayList<>();
        try {
            AtomicReference<TelemetryListener> sink = new AtomicReference<>();
            TelemetryService.Options options = TelemetryService.Options.defaults(topology, config.stateDir())
                    .withBootstrapServers(config.bootstrapServers());
            if (!config.telemetryReplay()) {
                options = new TelemetryService.Options(options.topology(), null, options.stateDir(),
                        options.bootstrapServers(), false, options.stepInterval(), 0, List.of(), options.pipeline(),
                        options.collector(), options.samplePartitions());
            }
            TelemetryService telemetry = TelemetryService.start(options, forwardingTo(sink), ModelLibraryAnomalyScorer.fromEnvironment());
            closeables.add(0, telemetry);
            String bootstrap = telemetry.bootstrapServers();

            ModelRegistry registry = ModelRegistry.fromClasspath();
            closeables.add(0, registry);
            RegistrySeriesModels seriesModels = new RegistrySeriesModels(registry);
            KnnPerformancePredictor predictor = predictor(config.stateDir().resolve("router.json"));
            ModelRouter router = new ModelRouter(predictor, registry.cards(), LoadShifter.standard());
            ProbeFeatures probes = new ProbeFeatures(registry);
            AtomicReference<RouterModelChooser> chooser = new AtomicReference<>();
            KafkaIntentLog log = new KafkaIntentLog(bootstrap, KafkaIntentLog.DEFAULT_TOPIC);
            closeables.add(0, log);
            IntentEngine.Builder builder = IntentEngine.builder(log, topology);
            // Every admission solver with a model card (admission.greedy, admission.ilp, ...) can run an admit task:
            // the router's pick, or the default table's when the router has nothing to choose.
            for (ModelCard card : registry.cardsFor(TaskType.ADMIT_FLOWS)) {
                builder.admission(card.id(), new SolverAdmission(
                        registry.model(card.id(), AdmissionSolverModel.class).solver(), Planner.CANDIDATE_PATHS));
            }
            IntentEngine engine = builder
                    .planningNice(Integer.getInteger("thalamus.planningNice", PLANNING_NICE))
                    .policy("greedy", new PolicyRoutingFunction(new GreedyForwardingPolicy()))
                    .policy("learned", new PolicyRoutingFunction(PolicyFile.defaultPolicy()))
                    .policy("three-hop", new PolicyRoutingFunction(new ThreeHopViewPolicy()))
                    .forecasters(seriesModels::forecaster)
                    .detectors(seriesModels::detector)
                    .chooserFactory((history, topo) -> {
                        RouterModelChooser c = new RouterModelChooser(router, history, topo, probes);
                        chooser.set(c);
                        return c;
                    })
                    .build();
            closeables.add(0, engine);
            long replayed = engine.start();
            sink.set(engine.telemetryListener());

            EnglishIntents english = null;
            if (config.english()) {
                MiniLmEmbedder embedder = new MiniLmEmbedder();
                english = new EnglishIntents(embedder::embed, engine.twin()::topology, ENGLISH_THRESHOLD,
                        config.stateDir().resolve("nlu-embeddings.bin"));
                trainInBackground(english);
            }
            RegistryModelCatalog models = new RegistryModelCatalog(registry, chooser.get());
            ApiServer api = ApiServer.start(config.port(), new ApiBackend(engine, topology, models, english,
                    telemetry::prometheusText));
            closeables.add(0, api);
            return new Thalamus(config, topology, closeables, engine, api, english, telemetry, bootstrap, replayed, models);
        } catch (RuntimeException e) {
            closeAll(closeables);
            throw e;
        }
    }

    /** Classpath copy of the router trained by {@code thalamus router bench} (bench/results/router/router.json). */
    static final String BUILT_IN_ROUTER = "/io/thalamus/deploy/router.json";

    /**
     * The router's predictor: {@code <state-dir>/router.json} when there is one, else the built-in router trained by
     * {@code router bench}, else (neither readable) an empty memory that routes on the card figures alone.
     */
    static KnnPerformancePredictor predictor(Path file) {
        if (Files.isRegularFile(file)) {
            try {
                KnnPerformancePredictor p = RouterJson.read(file);
                LOG.info("router predictor: {}", file);
                return p;
            } catch (RuntimeException e) {
                LOG.warn("router predictor {} unreadable ({}); using the built-in one", file, e.getMessage());
            }
        }
        try (java.io.InputStream in = Thalamus.class.getResourceAsStream(BUILT_IN_ROUTER)) {
            if (in != null) {
                KnnPerformancePredictor p = RouterJson.read("built-in router.json", in);
                LOG.info("router predictor: built-in (trained by 'thalamus router bench')");
                return p;
            }
            LOG.warn("no built-in router predictor on the classpath; routing on card figures alone");
        } catch (IOException | RuntimeException e) {
            LOG.warn("built-in router predictor unreadable ({}); routing on card figures alone", e.getMessage());
        }
        return KnnPerformancePredictor.train(List.of(), 5);
    }

    private static void trainInBackground(EnglishIntents english) {
        Thread t = new Thread(() -> {
            try {
                Path corpus = SharedData.root().map(r -> r.resolve("intents/ibn-nlu/nlu.md")).orElse(null);
                List<LabelledSentence> sentences = new ArrayList<>(EnglishIntents.supplement());
                if (corpus != null && Files.isRegularFile(corpus)) {
                    sentences.addAll(RasaNluCorpus.read(corpus));
                } else {
                    LOG.warn("ibn-nlu corpus not found (set THALAMUS_DATA): English intents train on the built-in sentences only");
                }
                english.train(sentences, 7);
            } catch (RuntimeException e) {
                english.failed(e.getMessage());
                LOG.warn("English intents unavailable: {}", e.toString());
            }
        }, "english-intents-training");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static TelemetryListener forwardingTo(AtomicReference<TelemetryListener> sink) {
        return new TelemetryListener() {
            @Override
            public void onLinkStatistics(LinkStatistics s) {
                TelemetryListener l = sink.get();
                if (l != null) {
                    l.onLinkStatistics(s);
                }
            }

            @Override
            public void onLinkStatus(String linkId, boolean up, Instant time) {
                TelemetryListener l = sink.get();
                if (l != null) {
                    l.onLinkStatus(linkId, up, time);
                }
            }
        };
    }

    public int port() {
        return api.port();
    }

    public Topology topology() {
        return topology;
    }

    public ThalamusConfig config() {
        return config;
    }

    /** The intent engine. */
    public IntentEngine engine() {
        return engine;
    }

    /** The English pipeline, or null when disabled. */
    public EnglishIntents english() {
        return english;
    }

    /** The Kafka cluster in use (the embedded broker's address by default). */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Intent events read back from the log at start. */
    public long eventsReplayed() {
        return eventsReplayed;
    }

    /** The telemetry pipeline. */
    public TelemetryService telemetry() {
        return telemetry;
    }

    /** The model library and router as the API shows them. */
    public RegistryModelCatalog models() {
        return models;
    }

    /** The API server (its routes). */
    public ApiServer api() {
        return api;
    }

    @Override
    public void close() {
        closeAll(closeables);
    }

    private static void closeAll(List<AutoCloseable> cs) {
        for (AutoCloseable c : cs) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
