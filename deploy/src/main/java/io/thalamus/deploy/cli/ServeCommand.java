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

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() throws Exception {
        ThalamusConfig config = ThalamusConfig.defaults()
                .withPort(port)
                .withTopologyFile(topology)
                .withStateDir(stateDir != null ? stateDir : ThalamusConfig.defaults().stateDir());
        Thalamus app = Thalamus.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "thalamus-shutdown"));
        serving = true;
        System.out.println("Thalamus is up.");
        System.out.println("  dashboard : http://127.0.0.1:" + app.port() + "/");
        System.out.println("  health    : http://127.0.0.1:" + app.port() + "/health");
        System.out.println("  topology  : http://127.0.0.1:" + app.port() + "/api/topology  (" + app.topology().name()
                + ", " + app.topology().nodeCount() + " nodes, " + app.topology().physicalLinkCount() + " links)");
        System.out.println("  state dir : " + config.stateDir());
        System.out.println("Press Ctrl+C to stop.");
        return 0;
    }
}
