package io.thalamus.intent.execution;

import io.thalamus.intent.model.IntentSpec;
import io.thalamus.intent.planning.ModelDecision;
import io.thalamus.intent.planning.Task;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.RoutingFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Routing-policy task: recomputes the path of every installed flow with the named policy. The moved flows
 * keep their owner intents; the routing-policy intent records how many moved.
 */
public final class RouteTask implements TaskExecutor {

    private final Function<String, RoutingFunction> policies;

    /** {@code policies} maps a policy name (shortest, greedy, learned, three-hop) to a routing function, or null when absent. */
    public RouteTask(Function<String, RoutingFunction> policies) {
        this.policies = policies;
    }

    @Override
    public void run(Task task, ModelDecision decision, ExecutionContext ctx) throws TaskFailure {
        String policy = ((IntentSpec.RoutingPolicy) ctx.intent().spec()).policy();
        RoutingFunction f = policies.apply(policy);
        if (f == null) {
            throw new TaskFailure("routing policy '" + policy + "' is not available in this build");
        }
        Map<String, RoutedFlow> current = ctx.fork().routes();
        Map<String, Path> paths = f.route(ctx.fork().topology(), current.values().stream().map(RoutedFlow::flow).toList());
        List<RoutedFlow> moved = new ArrayList<>();
        int unroutable = 0;
        for (RoutedFlow r : current.values()) {
            Path p = paths.get(r.flow().id());
            if (p == null) {
                unroutable++;
            } else if (!p.linkIds().equals(r.path().linkIds())) {
                moved.add(new RoutedFlow(r.intentId(), r.flow(), p));
            }
        }
        ctx.fork().addRoutes(moved);
        ctx.result().put("policy", policy).put("flowsConsidered", current.size()).put("flowsMoved", moved.size())
                .put("flowsUnroutable", unroutable);
        ctx.routed.addAll(moved);
    }
}
