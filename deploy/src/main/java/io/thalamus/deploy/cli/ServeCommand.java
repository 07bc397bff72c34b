package io.thalamus.deploy.cli;

import io.thalamus.deploy.Thalamus;
import io.thalamus.deploy.ThalamusConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code thalamus serve}: starts the platform with embedded defaults and keeps running. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the platform: REST API and dashboard on 127.0.0.1, the twin, and the embedded services.")
public final class ServeCommand implements Callable<Integer> {

    private static volatile boolean serving;

    @Option(names = "--port", description = "HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;

    @Option(names = "--topology", description = "Topology file (SNDlib, GraphML or Thalamus JSON); default: built-in Abilene.")
    Path topology;

    @Option(names = "--state-dir", description = "Folder for persistent state (default: ~/.thalamus).")
    Path stateDir;

    @Option(names = "--bootstrap-servers", description = "Kafka cluster to use instead of the embedded single-node KRaft broker.")
    String bootstrapServers;

    @Option(names = "--no-english", negatable = false, description = "Do not train the English intent pipeline.")
    boolean noEnglish;

    @Option(names = "--no-telemetry-replay", negatable = false,
            description = "Do not replay synthetic link loads through the OPC UA element simulator.")
    boolean noReplay;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() throws Exception {
        ThalamusConfig config = ThalamusConfig.defaults()
                .withPort(port)
                .withTopologyFile(topology)
                .withStateDir(stateDir != null ? stateDir : ThalamusConfig.defaults().stateDir())
                .withBootstrapServers(bootstrapServers)
                .withEnglish(!noEnglish)
                .withTelemetryReplay(!noReplay);
        long t0 = System.nanoTime();
        Thalamus app = Thalamus.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "thalamus-shutdown"));
        serving = true;
        String base = "http://127.0.0.1:" + app.port();
        System.out.println("Thalamus is up in " + (System.nanoTime() - t0) / 1_000_000 + " ms.");
        System.out.println("  dashboard : " + base + "/");
        System.out.println("  intents   : " + base + "/api/intents  (POST JSON or {\"text\": \"...\"}; "
                + app.engine().store().size() + " rebuilt from " + app.eventsReplayed() + " logged events)");
        System.out.println("  API docs  : " + base + "/api/openapi.json   schema: " + base + "/api/intent.schema.json");
        System.out.println("  twin      : " + base + "/api/twin/links   models: " + base + "/api/models");
        System.out.println("  health    : " + base + "/health   metrics: " + base + "/metrics");
        System.out.println("  kafka     : " + app.bootstrapServers() + (config.bootstrapServers() == null
                ? " (embedded KRaft broker)" : ""));
        System.out.println("  topology  : http://127.0.0.1:" + app.port() + "/api/topology  (" + app.topology().name()
                + ", " + app.topology().nodeCount() + " nodes, " + app.topology().physicalLinkCount() + " links)");
        System.out.println("  state dir : " + config.stateDir());
        System.out.println("Press Ctrl+C to stop.");
        return 0;
    }
}
