package io.thalamus.intent.execution;

import io.thalamus.intent.planning.ModelDecision;
import io.thalamus.intent.planning.Task;
import io.thalamus.network.spi.SdnController;

import java.util.function.Consumer;

/**
 * Install task: pushes every planned route through the {@link SdnController}. When the controller is not
 * the twin's own driver, {@code mirror} also records the route in the twin. A failure part-way removes what
 * was pushed and reports it; the engine turns that into FAILED, or CORRUPT when the removal failed too.
 */
public final class InstallTask implements TaskExecutor {

    private final SdnController controller;
    private final Consumer<RoutedFlow> mirror;

    public InstallTask(SdnController controller, Consumer<RoutedFlow> mirror) {
        this.controller = controller;
        this.mirror = mirror;
    }

    /** The controller routes go through. */
    public SdnController controller() {
        return controller;
    }

    @Override
    public void run(Task task, ModelDecision decision, ExecutionContext ctx) throws TaskFailure {
        for (RoutedFlow r : ctx.routed) {
            try {
                controller.install(r.flow(), r.path());
                mirror.accept(r);
                ctx.installed.add(r);
            } catch (RuntimeException e) {
                throw new InstallFailure("controller " + controller.name() + " refused flow " + r.flow().id() + ": "
                        + e.getMessage());
            }
        }
    }

    /** Removes every route of {@code ctx} that was installed; returns false when the controller failed to remove one. */
    public boolean rollback(ExecutionContext ctx, Consumer<String> unmirror) {
        boolean clean = true;
        for (RoutedFlow r : ctx.installed) {
            try {
                controller.remove(r.flow().id());
                unmirror.accept(r.flow().id());
            } catch (RuntimeException e) {
                clean = false;
            }
        }
        return clean;
    }

    /** The controller failed while installing. */
    public static final class InstallFailure extends TaskFailure {
        private static final long serialVersionUID = 1L;

        InstallFailure(String reason) {
            super(reason);
        }
    }
}
