package io.thalamus.intent.execution;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.ControllerEvent;
import io.thalamus.network.spi.ControllerView;
import io.thalamus.network.spi.InstallReceipt;
import io.thalamus.network.spi.InstalledRule;
import io.thalamus.network.spi.SdnController;
import io.thalamus.network.topology.Link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The controller driver that installs routes into the engine's {@link FlowLevelTwin} (the default install
 * target when no real network is attached). Flow ids are {@code <intentId>/<flow>} so the twin knows
 * which intent owns each route.
 */
public final class TwinController implements SdnController {

    private final FlowLevelTwin twin;
    private final List<Consumer<ControllerEvent>> listeners = new CopyOnWriteArrayList<>();

    public TwinController(FlowLevelTwin twin) {
        this.twin = twin;
    }

    @Override
    public String name() {
        return "twin";
    }

    @Override
    public ControllerView discover() {
        return new ControllerView(twin.topology(), List.of());
    }

    @Override
    public InstallReceipt install(Flow flow, Path path) {
        long t0 = System.nanoTime();
        int slash = flow.id().indexOf('/');
        String intentId = slash > 0 ? flow.id().substring(0, slash) : flow.id();
        twin.install(new RoutedFlow(intentId, flow, path));
        List<String> rules = new ArrayList<>();
        for (Link l : path.links()) {
            rules.add(flow.id() + "@" + l.source());
        }
        return new InstallReceipt(flow.id(), name(), rules, Duration.ofNanos(System.nanoTime() - t0));
    }

    @Override
    public void remove(String flowId) {
        twin.remove(flowId);
    }

    @Override
    public List<InstalledRule> rules() {
        List<InstalledRule> out = new ArrayList<>();
        for (RoutedFlow r : twin.installed()) {
            for (Link l : r.path().links()) {
                out.add(new InstalledRule(r.flow().id() + "@" + l.source(), r.flow().id(), l.source(),
                        r.flow().source() + "->" + r.flow().destination(), "link:" + l.id(), -1, -1));
            }
        }
        return out;
    }

    @Override
    public void addListener(Consumer<ControllerEvent> listener) {
        listeners.add(listener);
    }
}
