package io.thalamus.intent.execution;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.thalamus.intent.model.IntentSpec;
import io.thalamus.intent.model.QosClass;
import io.thalamus.intent.planning.ModelDecision;
import io.thalamus.intent.planning.Task;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.flow.ZoneOfTolerance;

/**
 * Assure-QoS task (zone of tolerance, Alkurd et al.): each class gets the throughput that reaches the
 * target satisfaction, {@code adequate + target · (desired - adequate)}, not more; the flows are then
 * admitted at that rate and the bandwidth saved against giving every flow its desired level is reported.
 */
public final class AssureTask implements TaskExecutor {

    @Override
    public void run(Task task, ModelDecision decision, ExecutionContext ctx) throws TaskFailure {
        IntentSpec.AssureQos q = (IntentSpec.AssureQos) ctx.intent().spec();
        ArrayNode classes = ctx.result().putArray("classes");
        double saved = 0;
        for (QosClass c : q.classes()) {
            ZoneOfTolerance z = new ZoneOfTolerance("throughputBps", c.adequateBps(), c.desiredBps());
            double level = z.levelFor(q.targetSatisfaction());
            for (int i = 0; i < c.flows().size(); i++) {
                QosClass.Endpoints e = c.flows().get(i);
                Flow f = new Flow(ctx.intentId() + "/" + c.name() + "-" + i, e.source(), e.destination(), level,
                        ctx.intent().priority(), null, z, 1.0);
                ctx.requested.add(f);
                ctx.zones.put(f.id(), new double[] {c.adequateBps(), c.desiredBps()});
            }
            saved += (c.desiredBps() - level) * c.flows().size();
            classes.addObject().put("name", c.name()).put("rateBps", level).put("flows", c.flows().size())
                    .put("satisfactionAtRate", z.satisfaction(level));
        }
        ctx.result().put("bandwidthSavedBps", saved);
    }
}
