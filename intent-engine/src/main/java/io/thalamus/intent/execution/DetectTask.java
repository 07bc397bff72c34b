package io.thalamus.intent.execution;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.model.IntentSpec;
import io.thalamus.intent.planning.ModelDecision;
import io.thalamus.intent.planning.Task;

import java.util.function.Function;

/** Anomaly-detection task: scores the series (given, or the link's telemetry history) and lists anomalies. */
public final class DetectTask implements TaskExecutor {

    private final LinkHistory history;
    private final Function<String, SeriesDetector> models;

    public DetectTask(LinkHistory history, Function<String, SeriesDetector> models) {
        this.history = history;
        this.models = models;
    }

    @Override
    public void run(Task task, ModelDecision decision, ExecutionContext ctx) throws TaskFailure {
        IntentSpec.DetectAnomaly d = (IntentSpec.DetectAnomaly) ctx.intent().spec();
        double[] x = d.series() != null ? d.series().stream().mapToDouble(Double::doubleValue).toArray() : history.of(d.link());
        if (x.length <= d.windowSteps()) {
            throw new TaskFailure("need more than " + d.windowSteps() + " samples to score a window, have " + x.length
                    + (d.link() != null ? " for link " + d.link() : ""));
        }
        SeriesDetector chosen = models.apply(decision.modelId());
        SeriesDetector detector = chosen != null ? chosen : SeriesDetector.robustZ();
        double[] s = detector.scores(x, d.windowSteps());
        ObjectNode r = ctx.result();
        r.put("samples", x.length).put("threshold", SeriesDetector.THRESHOLD);
        ArrayNode anomalies = r.putArray("anomalies");
        for (int i = 0; i < s.length; i++) {
            if (s[i] > SeriesDetector.THRESHOLD) {
                anomalies.addObject().put("index", i).put("value", x[i])
                        .put("score", Double.isInfinite(s[i]) ? 1e9 : s[i]);
            }
        }
        r.put("anomalyCount", anomalies.size());
    }
}
