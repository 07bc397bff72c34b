package io.thalamus.sdnrouter.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.format.InputJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes learned policies as small JSON documents: format name and version, the feature
 * list and count, the network (one hidden layer: {@code w1[hidden][inputs]}, {@code b1}, {@code w2},
 * {@code b2}) and the model card. Doubles are written in shortest round-trip form, so a reloaded
 * policy makes exactly the same decisions. See docs/routing.md for the layout.
 */
public final class PolicyFile {

    /** Value of the {@code format} field. */
    public static final String FORMAT = "thalamus-routing-policy";
    /** The only version this build reads and writes. */
    public static final int VERSION = 1;
    /** Classpath location of the shipped default policy. */
    public static final String DEFAULT_RESOURCE = "/io/thalamus/sdnrouter/routing/default-policy.json";

    private static final ObjectMapper MAPPER = InputJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PolicyFile() {
    }

    /** The policy shipped with Thalamus (trained by {@link PolicyTrainer} with {@link TrainingConfig#defaults()}). */
    public static LearnedLocalPolicy defaultPolicy() {
        try (InputStream in = PolicyFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default policy resource " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a policy file. @throws PolicyFormatException naming the field when the content is wrong */
    public static LearnedLocalPolicy read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a policy file (parent folders are created). */
    public static void write(LearnedLocalPolicy policy, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, toJson(policy));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write policy file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The JSON text of a policy, ending with a newline. */
    public static String toJson(LearnedLocalPolicy policy) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        root.put("policy", "learned-local");
        root.put("featureCount", policy.features().count());
        ArrayNode features = root.putArray("features");
        policy.features().names().forEach(features::add);
        root.put("candidates", policy.candidates().fileName());
        Mlp net = policy.network();
        ObjectNode network = root.putObject("network");
        network.put("inputs", net.inputs());
        network.put("hidden", net.hidden());
        network.put("activation", "leaky-relu");
        network.put("leakySlope", net.leakySlope());
        network.put("output", "linear score: estimated remaining path length via the candidate, in units of R; lowest wins");
        double[] p = net.parameters();
        ArrayNode w1 = network.putArray("w1");
        int k = 0;
        for (int h = 0; h < net.hidden(); h++) {
            ArrayNode row = w1.addArray();
            for (int i = 0; i < net.inputs(); i++) {
                row.add(p[k++]);
            }
        }
        ArrayNode b1 = network.putArray("b1");
        for (int h = 0; h < net.hidden(); h++) {
            b1.add(p[k++]);
        }
        ArrayNode w2 = network.putArray("w2");
        for (int h = 0; h < net.hidden(); h++) {
            w2.add(p[k++]);
        }
        network.put("b2", p[k]);
        if (policy.card() != null) {
            root.set("modelCard", card(policy.card()));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode card(ModelCard card) {
        ObjectNode c = MAPPER.createObjectNode();
        TrainingConfig cfg = card.config();
        ObjectNode graph = c.putObject("trainingGraph");
        graph.put("model", "unit-disk");
        graph.put("nodes", cfg.nodes());
        graph.put("density", cfg.density());
        graph.put("range", cfg.range());
        graph.put("seed", cfg.seed());
        graph.put("destination", card.destination());
        ArrayNode sources = graph.putArray("sources");
        card.sources().forEach(sources::add);
        c.put("seed", cfg.seed());
        ArrayNode features = c.putArray("features");
        cfg.features().names().forEach(features::add);
        ObjectNode training = c.putObject("training");
        training.put("featureSet", cfg.features().name());
        training.put("hidden", cfg.hidden());
        training.put("leakySlope", cfg.leakySlope());
        training.put("optimizer", "adam");
        training.put("epochs", cfg.epochs());
        training.put("batchSize", cfg.batchSize());
        training.put("learningRate", cfg.learningRate());
        training.put("refinementRounds", cfg.refinementRounds());
        training.put("refinementPairs", cfg.refinementPairs());
        training.put("refinementEpochs", cfg.refinementEpochs());
        training.put("listwiseWeight", cfg.listwiseWeight());
        training.put("listwiseTemperature", cfg.temperature());
        training.put("samples", card.trainingSamples());
        training.put("finalMse", card.trainingLoss());
        if (card.validation() != null) {
            ModelCard.Validation v = card.validation();
            ObjectNode m = c.putObject("measured");
            m.put("on", v.setting());
            m.put("validationGraphs", cfg.validationGraphs());
            m.put("pairs", v.pairs());
            m.put("accuracy", v.accuracy());
            m.put("missRate", v.missRate());
            m.put("greedyAccuracy", v.greedyAccuracy());
            m.put("greedyMissRate", v.greedyMissRate());
            m.put("accuracyDefinition", "path length <= 1.05 x shortest; no fallback");
        }
        return c;
    }

    /** Parses policy JSON; {@code source} names the file in errors. */
    public static LearnedLocalPolicy parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PolicyFormatException(source, "", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PolicyFormatException(source, "", "expected a JSON object");
        }
        String format = text(root, "format", source);
        if (!FORMAT.equals(format)) {
            throw new PolicyFormatException(source, "/format", "expected \"" + FORMAT + "\", got \"" + format + "\"");
        }
        int version = integer(root, "formatVersion", "/formatVersion", source);
        if (version != VERSION) {
            throw new PolicyFormatException(source, "/formatVersion", "version " + version
                    + " is not supported; this build reads version " + VERSION);
        }
        JsonNode featureNode = root.get("features");
        if (featureNode == null || !featureNode.isArray()) {
            throw new PolicyFormatException(source, "/features", "expected an array of feature names");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < featureNode.size(); i++) {
            if (!featureNode.get(i).isTextual()) {
                throw new PolicyFormatException(source, "/features/" + i, "expected a feature name (string)");
            }
            names.add(featureNode.get(i).asText());
        }
        int featureCount = integer(root, "featureCount", "/featureCount", source);
        if (featureCount != names.size()) {
            throw new PolicyFormatException(source, "/featureCount", "says " + featureCount + " but /features lists "
                    + names.size() + " names");
        }
        FeatureSet features;
        try {
            features = FeatureSet.byNames(names);
        } catch (IllegalArgumentException e) {
            throw new PolicyFormatException(source, "/features", e.getMessage());
        }
        CandidateRule candidates;
        try {
            candidates = CandidateRule.ofFileName(text(root, "candidates", source));
        } catch (IllegalArgumentException e) {
            if (e instanceof PolicyFormatException) {
                throw e;
            }
            throw new PolicyFormatException(source, "/candidates", e.getMessage());
        }
        if (candidates.usesFrontier3() && features != FeatureSet.THREE_HOP) {
            throw new PolicyFormatException(source, "/candidates", "\"" + candidates.fileName()
                    + "\" reads the three-hop look-ahead, so /features must be the THREE_HOP set, not " + features);
        }
        JsonNode network = root.get("network");
        if (network == null || !network.isObject()) {
            throw new PolicyFormatException(source, "/network", "expected an object");
        }
        int inputs = integer(network, "inputs", "/network/inputs", source);
        if (inputs != featureCount) {
            throw new PolicyFormatException(source, "/network/inputs", "the network takes " + inputs
                    + " inputs but the file lists " + featureCount + " features");
        }
        int hidden = integer(network, "hidden", "/network/hidden", source);
        if (hidden < 1) {
            throw new PolicyFormatException(source, "/network/hidden", "expected >= 1, got " + hidden);
        }
        String activation = text(network, "activation", source);
        if (!"leaky-relu".equals(activation)) {
            throw new PolicyFormatException(source, "/network/activation", "expected \"leaky-relu\", got \"" + activation + "\"");
        }
        double slope = number(network.get("leakySlope"), "/network/leakySlope", source);
        double[] p = new double[Mlp.parameterCount(inputs, hidden)];
        JsonNode w1 = array(network, "w1", hidden, "/network/w1", source);
        int k = 0;
        for (int h = 0; h < hidden; h++) {
            JsonNode row = w1.get(h);
            if (!row.isArray() || row.size() != inputs) {
                throw new PolicyFormatException(source, "/network/w1/" + h, "expected an array of " + inputs + " numbers (one per feature)");
            }
            for (int i = 0; i < inputs; i++) {
                p[k++] = number(row.get(i), "/network/w1/" + h + "/" + i, source);
            }
        }
        JsonNode b1 = array(network, "b1", hidden, "/network/b1", source);
        for (int h = 0; h < hidden; h++) {
            p[k++] = number(b1.get(h), "/network/b1/" + h, source);
        }
        JsonNode w2 = array(network, "w2", hidden, "/network/w2", source);
        for (int h = 0; h < hidden; h++) {
            p[k++] = number(w2.get(h), "/network/w2/" + h, source);
        }
        p[k] = number(network.get("b2"), "/network/b2", source);
        Mlp mlp;
        try {
            mlp = Mlp.of(inputs, hidden, slope, p);
        } catch (IllegalArgumentException e) {
            throw new PolicyFormatException(source, "/network", e.getMessage());
        }
        return new LearnedLocalPolicy(features, mlp, candidates,
                readCard(root.get("modelCard"), features, hidden, slope, candidates, source));
    }

    private static ModelCard readCard(JsonNode c, FeatureSet features, int hidden, double slope, CandidateRule candidates,
                                      String source) {
        if (c == null || c.isNull()) {
            return null;
        }
        try {
            JsonNode g = c.path("trainingGraph");
            JsonNode t = c.path("training");
            TrainingConfig cfg = new TrainingConfig(g.path("seed").asLong(), g.path("nodes").asInt(), g.path("density").asDouble(),
                    g.path("range").asDouble(), g.path("sources").size(), features, hidden, slope,
                    t.path("epochs").asInt(), t.path("batchSize").asInt(), t.path("learningRate").asDouble(),
                    t.path("refinementRounds").asInt(), t.path("refinementPairs").asInt(), t.path("refinementEpochs").asInt(),
                    c.path("measured").path("validationGraphs").asInt(0), candidates,
                    t.path("listwiseWeight").asDouble(0), t.path("listwiseTemperature").asDouble(0.1));
            List<String> sources = new ArrayList<>();
            g.path("sources").forEach(s -> sources.add(s.asText()));
            ModelCard.Validation validation = null;
            JsonNode m = c.get("measured");
            if (m != null && m.isObject()) {
                validation = new ModelCard.Validation(m.path("on").asText(), m.path("pairs").asLong(),
                        m.path("accuracy").asDouble(), m.path("missRate").asDouble(),
                        m.path("greedyAccuracy").asDouble(), m.path("greedyMissRate").asDouble());
            }
            return new ModelCard(cfg, g.path("destination").asText(), sources, t.path("samples").asInt(),
                    t.path("finalMse").asDouble(), validation);
        } catch (IllegalArgumentException e) {
            throw new PolicyFormatException(source, "/modelCard", e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String source) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new PolicyFormatException(source, "/" + field, "expected a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode node, String field, String pointer, String source) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new PolicyFormatException(source, pointer, "expected an integer");
        }
        return v.asInt();
    }

    private static double number(JsonNode v, String pointer, String source) {
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new PolicyFormatException(source, pointer, "expected a finite number");
        }
        return v.asDouble();
    }

    private static JsonNode array(JsonNode node, String field, int size, String pointer, String source) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray() || v.size() != size) {
            throw new PolicyFormatException(source, pointer, "expected an array of " + size + " entries (one per hidden unit)");
        }
        return v;
    }
}
