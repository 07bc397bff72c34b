package io.thalamus.intent.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.models.card.TaskType;
import io.thalamus.network.format.InputJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a trained predictor as {@code router.json}: per task type the model ids, feature names, the
 * feature scaling, the prior weight and loss aggregation ({@code geometric} or {@code arithmetic}; both optional, so
 * files of earlier runs still load) and every remembered task (standardised features, log loss, log latency and log CPU per model;
 * null where a model did not run). Loading checks the format and names the offending field.
 */
public final class RouterJson {

    /** Format version written to and expected in {@code router.json}. */
    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = InputJson.mapper();

    private RouterJson() {
    }

    /** The predictor as a JSON tree, with the default feature names of each task type. */
    public static ObjectNode toJson(KnnPerformancePredictor p) {
        return toJson(p, t -> null);
    }

    /**
     * The predictor as a JSON tree; {@code names} gives each task type's feature names in vector order (null = the
     * defaults: series statistics, admission or routing features).
     */
    public static ObjectNode toJson(KnnPerformancePredictor p, java.util.function.Function<TaskType, List<String>> names) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("kind", "knn-performance-predictor");
        root.put("epsilon", KnnPerformancePredictor.EPSILON);
        root.put("version", p.version());
        root.put("priorWeight", p.priorWeight());
        ObjectNode tasks = root.putObject("tasks");
        for (Map.Entry<TaskType, KnnPerformancePredictor.Memory> e : p.memories().entrySet()) {
            KnnPerformancePredictor.Memory m = e.getValue();
            KnnPerformancePredictor.Rows rows = m.rows;
            ObjectNode t = tasks.putObject(e.getKey().wire());
            t.put("k", m.k);
            if (!Double.isNaN(m.priorWeight)) {
                t.put("priorWeight", m.priorWeight);
            }
            t.put("aggregation", m.aggregation.wire());
            ArrayNode models = t.putArray("models");
            m.models.forEach(models::add);
            ArrayNode featureNames = t.putArray("featureNames");
            List<String> given = names.apply(e.getKey());
            if (given != null) {
                given.forEach(featureNames::add);
            } else if (e.getKey() == TaskType.FORECAST || e.getKey() == TaskType.DETECT_ANOMALY) {
                SeriesFeatures.NAMES.forEach(featureNames::add);
            } else if (e.getKey() == TaskType.ADMIT_FLOWS) {
                NetworkTasks.ADMISSION_FEATURES.forEach(featureNames::add);
            } else if (e.getKey() == TaskType.ROUTE) {
                NetworkTasks.ROUTING_FEATURES.forEach(featureNames::add);
            }
            array(t.putArray("mean"), m.mean);
            array(t.putArray("scale"), m.scale);
            array(t.putArray("weight"), m.weight);
            ArrayNode rs = t.putArray("rows");
            for (int r = 0; r < rows.z().length; r++) {
                ObjectNode row = rs.addObject();
                array(row.putArray("z"), rows.z()[r]);
                array(row.putArray("logLoss"), rows.logLoss()[r]);
                array(row.putArray("logLatency"), rows.logLatency()[r]);
                array(row.putArray("logCpu"), rows.logCpu()[r]);
            }
        }
        return root;
    }

    private static void array(ArrayNode a, double[] v) {
        for (double x : v) {
            if (Double.isNaN(x)) {
                a.addNull();
            } else {
                a.add(x);
            }
        }
    }

    /** Writes {@code router.json}. */
    public static void write(KnnPerformancePredictor p, Path file) {
        write(p, file, t -> null);
    }

    /** Writes {@code router.json} with each task type's feature names (null = the defaults). */
    public static void write(KnnPerformancePredictor p, Path file, java.util.function.Function<TaskType, List<String>> names) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            MAPPER.writeValue(file.toFile(), toJson(p, names));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads {@code router.json}. @throws IllegalArgumentException naming the JSON pointer of a bad field */
    public static KnnPerformancePredictor read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a router file: " + e.getMessage());
        }
    }

    /** Reads a router file from a stream; {@code source} names it in errors. @throws IllegalArgumentException as above */
    public static KnnPerformancePredictor read(String source, InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not a router file: " + e.getMessage());
        }
        return fromJson(source, root);
    }

    /** Rebuilds a predictor from its JSON tree. */
    public static KnnPerformancePredictor fromJson(String source, JsonNode root) {
        if (root.path("format").asInt(-1) != FORMAT) {
            throw bad(source, "/format", "must be " + FORMAT);
        }
        if (!"knn-performance-predictor".equals(root.path("kind").asText())) {
            throw bad(source, "/kind", "must be knn-performance-predictor");
        }
        Map<TaskType, KnnPerformancePredictor.Memory> memories = new EnumMap<>(TaskType.class);
        JsonNode tasks = root.path("tasks");
        if (!tasks.isObject()) {
            throw bad(source, "/tasks", "must be an object keyed by task type");
        }
        for (var it = tasks.fields(); it.hasNext(); ) {
            var f = it.next();
            String ptr = "/tasks/" + f.getKey();
            TaskType task;
            try {
                task = TaskType.fromWire(f.getKey());
            } catch (IllegalArgumentException e) {
                throw bad(source, ptr, e.getMessage());
            }
            JsonNode t = f.getValue();
            List<String> models = new ArrayList<>();
            t.path("models").forEach(m -> models.add(m.asText()));
            if (models.isEmpty()) {
                throw bad(source, ptr + "/models", "must list at least one model id");
            }
            int k = t.path("k").asInt(0);
            if (k < 1) {
                throw bad(source, ptr + "/k", "must be an integer >= 1");
            }
            double taskPrior = Double.NaN;
            if (t.has("priorWeight")) {
                taskPrior = t.path("priorWeight").isNumber() ? t.path("priorWeight").asDouble() : -1;
                if (!(taskPrior >= 0) || !Double.isFinite(taskPrior)) {
                    throw bad(source, ptr + "/priorWeight", "must be a finite number >= 0");
                }
            }
            KnnPerformancePredictor.Aggregation aggregation = KnnPerformancePredictor.Aggregation.GEOMETRIC;
            if (t.has("aggregation")) {
                try {
                    aggregation = KnnPerformancePredictor.Aggregation.fromWire(t.path("aggregation").asText());
                } catch (IllegalArgumentException e) {
                    throw bad(source, ptr + "/aggregation", e.getMessage());
                }
            }
            double[] mean = doubles(source, ptr + "/mean", t.path("mean"), -1);
            double[] scale = doubles(source, ptr + "/scale", t.path("scale"), mean.length);
            double[] weight = doubles(source, ptr + "/weight", t.path("weight"), mean.length);
            JsonNode rows = t.path("rows");
            int n = rows.size();
            double[][] z = new double[n][];
            double[][] ll = new double[n][];
            double[][] lat = new double[n][];
            double[][] cpu = new double[n][];
            for (int r = 0; r < n; r++) {
                String rp = ptr + "/rows/" + r;
                JsonNode row = rows.get(r);
                z[r] = doubles(source, rp + "/z", row.path("z"), mean.length);
                ll[r] = doubles(source, rp + "/logLoss", row.path("logLoss"), models.size());
                lat[r] = doubles(source, rp + "/logLatency", row.path("logLatency"), models.size());
                cpu[r] = doubles(source, rp + "/logCpu", row.path("logCpu"), models.size());
            }
            memories.put(task, new KnnPerformancePredictor.Memory(models, k, mean, scale, weight,
                    new KnnPerformancePredictor.Rows(z, ll, lat, cpu), taskPrior, aggregation));
        }
        double priorWeight = root.path("priorWeight").asDouble(0);
        if (!(priorWeight >= 0) || !Double.isFinite(priorWeight)) {
            throw bad(source, "/priorWeight", "must be a finite number >= 0");
        }
        return new KnnPerformancePredictor(memories, root.path("version").asLong(0), priorWeight);
    }

    private static double[] doubles(String source, String ptr, JsonNode a, int expected) {
        if (!a.isArray() || (expected >= 0 && a.size() != expected)) {
            throw bad(source, ptr, "must be an array" + (expected >= 0 ? " of " + expected + " numbers" : " of numbers"));
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = a.get(i);
            if (v.isNull()) {
                out[i] = Double.NaN;
            } else if (v.isNumber()) {
                out[i] = v.asDouble();
            } else {
                throw bad(source, ptr + "/" + i, "must be a number or null");
            }
        }
        return out;
    }

    private static IllegalArgumentException bad(String source, String pointer, String reason) {
        return new IllegalArgumentException(source + ": " + pointer + ": " + reason);
    }
}
