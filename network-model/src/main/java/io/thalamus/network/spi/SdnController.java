package io.thalamus.network.spi;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;

import java.util.List;
import java.util.function.Consumer;

/**
 * A driver that pushes routes into a network: Open vSwitch over OpenFlow, ONOS over REST, or the
 * digital twin itself. Implementations must be thread-safe.
 */
public interface SdnController extends AutoCloseable {

    /** A short name for logs and the API, e.g. {@code openflow}, {@code onos}, {@code twin}. */
    String name();

    /** Devices, ports and links as the controller sees them now. */
    ControllerView discover();

    /** Installs one rule per hop of {@code path} for {@code flow} and waits until the network confirms. */
    InstallReceipt install(Flow flow, Path path);

    /** Removes every rule installed for the flow; removing an unknown flow is a no-op. */
    void remove(String flowId);

    /** Every rule this controller installed, with packet and byte counters where the network reports them. */
    List<InstalledRule> rules();

    /** Registers a listener for port and link events. */
    void addListener(Consumer<ControllerEvent> listener);

    @Override
    default void close() {
    }
}
