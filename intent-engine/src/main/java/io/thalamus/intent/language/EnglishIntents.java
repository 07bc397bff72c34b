package io.thalamus.intent.language;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.topology.Topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in English intent pipeline: a sentence embedding (all-MiniLM-L6-v2) plus hashed words feed an
 * intent classifier, an averaged-perceptron tagger finds endpoints, rates and operators, and rules read
 * delays, links, horizons and policies; the result is the same JSON envelope a client would send, with a
 * confidence. Trained on the ibn-nlu corpus (Saha et al.) plus a small hand-written set for the intent types
 * that corpus lacks. Thread-safe once trained.
 */
public final class EnglishIntents {

    /** Corpus label → Thalamus intent type (null: not something Thalamus does). */
    public static String typeOf(String label) {
        return switch (label) {
            case "create_flow", "create_flow+apply_filter" -> "connectivity";
            case "allocate_batch", "allocate_batch+apply_filter" -> "admit-flows";
            case "what_if" -> "what-if";
            case "forecast" -> "forecast";
            case "detect_anomaly" -> "detect-anomaly";
            case "routing_policy" -> "routing-policy";
            case "assure_qos" -> "assure-qos";
            default -> null;
        };
    }

    /** Classpath resource of the hand-written supplementary sentences. */
    public static final String SUPPLEMENT = "/io/thalamus/intent/language/thalamus-intents.md";

    private static final Pattern NUMBER = Pattern.compile("(\\d+)");
    private static final Pattern PRIORITY = Pattern.compile("priority\\s+(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%|percent)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FACTOR = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*x\\b", Pattern.CASE_INSENSITIVE);

    private final TextEncoder encoder;
    private final Supplier<Topology> topology;
    private final double threshold;
    private final EmbeddingCache cache;
    private volatile IntentClassifier classifier;
    private volatile EntityTagger tagger;
    private volatile String status = "not trained";

    /**
     * @param threshold confidence below which the reply asks for confirmation instead of acting
     * @param cacheFile where sentence embeddings are kept across restarts (null: memory only)
     */
    public EnglishIntents(TextEncoder encoder, Supplier<Topology> topology, double threshold, Path cacheFile) {
        this.encoder = encoder;
        this.topology = topology;
        this.threshold = threshold;
        this.cache = new EmbeddingCache(cacheFile);
    }

    /** The hand-written supplementary sentences. */
    public static List<LabelledSentence> supplement() {
        try (InputStream in = EnglishIntents.class.getResourceAsStream(SUPPLEMENT)) {
            return RasaNluCorpus.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains the classifier and tagger on {@code sentences} (seeded). */
    public void train(List<LabelledSentence> sentences, long seed) {
        status = "training on " + sentences.size() + " sentences";
        List<float[]> embeddings = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (LabelledSentence s : sentences) {
            embeddings.add(embed(s.text()));
            labels.add(s.label());
            texts.add(s.text());
        }
        cache.save();
        IntentClassifier c = IntentClassifier.train(labels, embeddings, texts, 12, seed);
        EntityTagger t = new EntityTagger.Trainer(8, seed).train(sentences);
        classifier = c;
        tagger = t;
        status = "ready (" + sentences.size() + " training sentences, " + c.labels().size() + " labels)";
    }

    /** The embedding of a sentence (cached). */
    float[] embed(String text) {
        return cache.get(text, encoder);
    }

    /** Whether {@link #understand} can be called. */
    public boolean ready() {
        return classifier != null;
    }

    /** A sentence about the pipeline's state, for the API. */
    public String status() {
        return status;
    }

    /** Marks training as failed with a reason (shown by {@link #status()}). */
    public void failed(String reason) {
        status = "unavailable: " + reason;
    }

    /** Confidence below which replies ask for confirmation. */
    public double threshold() {
        return threshold;
    }

    /** The classifier's label for a sentence, and its probability. */
    public Classified classify(String text) {
        IntentClassifier c = requireReady();
        double[] p = c.probabilities(embed(text), text);
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return new Classified(c.labels().get(best), p[best]);
    }

    /** A label and its probability. */
    public record Classified(String label, double probability) {
    }

    /** The tagger's entity spans for a sentence. */
    public List<LabelledSentence.Span> entities(String text) {
        requireReady();
        return tagger.tag(text);
    }

    private IntentClassifier requireReady() {
        IntentClassifier c = classifier;
        if (c == null) {
            throw new IllegalStateException("the English intent model is not ready: " + status);
        }
        return c;
    }

    /** Understands one sentence: the envelope it means, a confidence, and what stands in the way of acting. */
    public Understanding understand(String text) {
        Classified cls = classify(text);
        List<LabelledSentence.Span> spans = tagger.tag(text);
        List<Understanding.Entity> entities = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        NodeGazetteer gaz = new NodeGazetteer(topology.get());
        String type = typeOf(cls.label());
        ObjectNode env = JsonNodeFactory.instance.objectNode();
        env.put("key", "en-" + Integer.toHexString(text.strip().toLowerCase(Locale.ROOT).hashCode()));
        env.put("type", type == null ? cls.label() : type);
        Matcher pm = PRIORITY.matcher(text);
        env.put("priority", pm.find() ? Integer.parseInt(pm.group(1)) : 0);
        ObjectNode spec = env.putObject("spec");
        env.putArray("expectations");
        String lower = text.toLowerCase(Locale.ROOT);
        env.put("mode", lower.contains("dry run") || lower.contains("dry-run") || lower.contains("simulate only")
                ? "dry-run" : "apply");
        double slots = 1.0;
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        String operator = null;
        for (LabelledSentence.Span s : spans) {
            String phrase = text.substring(s.start(), s.end());
            String value = phrase;
            switch (s.kind()) {
                case "source", "target" -> {
                    Optional<String> id = gaz.resolve(phrase);
                    value = id.orElse(phrase);
                    (s.kind().equals("source") ? sources : targets).add(value);
                }
                case "qos" -> {
                    if (BARE_NUMBER.matcher(phrase.strip()).matches() && Quantities.startsWithTimeUnit(text.substring(s.end()))) {
                        value = "a duration, not a rate";
                        break;
                    }
                    phrase = withUnit(text, s, phrase);
                    OptionalDouble bps = Quantities.bandwidthBps(phrase);
                    if (bps.isPresent()) {
                        rates.add(bps.getAsDouble());
                        value = String.valueOf(bps.getAsDouble());
                    }
                }
                case "operator" -> {
                    String l = phrase.toLowerCase(Locale.ROOT);
                    operator = l.contains("most") || l.contains("max") || l.contains("not more") || l.contains("below")
                            || l.contains("up to") ? "<=" : ">=";
                    value = operator;
                }
                default -> {
                }
            }
            entities.add(new Understanding.Entity(s.kind(), phrase, value));
        }
        OptionalDouble delay = Quantities.delayMs(text);
        delay.ifPresent(d -> entities.add(new Understanding.Entity("delay", d + " ms", String.valueOf(d))));
        if (type == null) {
            problems.add(switch (cls.label()) {
                case "remove_flow" -> "this reads as a request to remove a flow: withdraw its intent with DELETE /api/intents/{id}";
                case "apply_filter" -> "this reads as a traffic filter (allow/block ports), which is not an intent type Thalamus has";
                default -> "not an intent type Thalamus has: " + cls.label();
            });
            slots = 0;
        } else {
            switch (type) {
                case "connectivity" -> slots = connectivity(text, gaz, spec, sources, targets, rates, operator, delay, env, problems);
                case "admit-flows" -> slots = admitFlows(spec, sources, targets, rates, problems);
                case "what-if" -> slots = whatIf(text, lower, gaz, spec, problems);
                case "forecast" -> slots = forecast(text, gaz, spec, problems);
                case "detect-anomaly" -> slots = detect(text, gaz, spec, problems);
                case "routing-policy" -> slots = policy(lower, spec, problems);
                case "assure-qos" -> {
                    problems.add("zones of tolerance per class (adequate and desired rates, and the flows of each class) "
                            + "cannot be read from one sentence: send the assure-qos JSON");
                    slots = 0;
                }
                default -> throw new IllegalStateException(type);
            }
        }
        double confidence = cls.probability() * slots;
        return new Understanding(env, cls.label(), cls.probability(), confidence, entities, problems);
    }

    private static final Pattern RATE_IN_TEXT = Pattern.compile(
            "(\\d+(?:\\.\\d+)?\\s*[kKmMgGtT]?(?:bps|Bps|bit/s|b/s|B/s|bits/s|bits per second))");

    /** A number written without a unit ("30", "2.5", "2,5"). */
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

    private static final Pattern UNIT_AFTER = Pattern.compile(
            "^\\s*([kKmMgGtT]?(?:bps|Bps|bit/s|b/s|B/s|bits/s|bit|bytes/s)|[kKmMgGtT](?:ilo|ega|iga|era)?(?:bits?|bytes?)(?:/s| per second)?)\\b");

    /** A bare number the tagger marked as a rate takes the unit written right after it ("1" + " Gbps"). */
    private static String withUnit(String text, LabelledSentence.Span s, String phrase) {
        if (!BARE_NUMBER.matcher(phrase.strip()).matches()) {
            return phrase;
        }
        Matcher m = UNIT_AFTER.matcher(text.substring(s.end()));
        return m.find() ? phrase + " " + m.group(1) : phrase;
    }

    private static double connectivity(String text, NodeGazetteer gaz, ObjectNode spec, List<String> sources,
                                       List<String> targets, List<Double> rates, String operator, OptionalDouble delay,
                                       ObjectNode env, List<String> problems) {
        List<String> mentioned = gaz.mentions(text);
        String src = sources.isEmpty() ? (mentioned.size() > 0 ? mentioned.get(0) : null) : sources.get(0);
        String dst = targets.isEmpty() ? (mentioned.size() > 1 ? mentioned.get(1) : null) : targets.get(0);
        double filled = 0;
        if (src != null) {
            spec.put("source", src);
            if (gaz.resolve(src).isPresent()) {
                filled++;
            } else {
                problems.add("source '" + src + "' is not a node of the topology");
            }
        } else {
            problems.add("no source found");
        }
        if (dst != null) {
            spec.put("destination", dst);
            if (gaz.resolve(dst).isPresent()) {
                filled++;
            } else {
                problems.add("destination '" + dst + "' is not a node of the topology");
            }
        } else {
            problems.add("no destination found");
        }
        double share = filled / 2.0;
        if (rates.isEmpty()) {
            // the tagger missed it: a number with a rate unit anywhere in the sentence
            Matcher m = RATE_IN_TEXT.matcher(text);
            if (m.find()) {
                Quantities.bandwidthBps(m.group(1)).ifPresent(rates::add);
            }
        }
        if (!rates.isEmpty()) {
            spec.put("bandwidthBps", rates.get(0));
            if ("<=".equals(operator)) {
                // "at most X": reserve X, and say the flow must not exceed it
                ArrayNode ex = (ArrayNode) env.get("expectations");
                ex.addObject().put("metric", "throughput-bps").put("op", "<=").put("target", rates.get(0));
            }
        } else {
            spec.put("bandwidthBps", 1e6);
            problems.add("no bandwidth given: assumed 1 Mbit/s");
            share *= 0.5;
        }
        delay.ifPresent(d -> spec.put("maxDelayMs", d));
        return share;
    }

    private static double admitFlows(ObjectNode spec, List<String> sources, List<String> targets, List<Double> rates,
                                     List<String> problems) {
        ArrayNode flows = spec.putArray("flows");
        int n = Math.min(sources.size(), targets.size());
        if (n == 0) {
            problems.add("no source/destination pairs found");
            return 0;
        }
        for (int i = 0; i < n; i++) {
            ObjectNode f = flows.addObject().put("id", "f" + i).put("source", sources.get(i))
                    .put("destination", targets.get(i)).put("bandwidthBps", i < rates.size() ? rates.get(i) : 1e6);
            if (i >= rates.size()) {
                problems.add("flow " + i + ": no rate given, assumed 1 Mbit/s");
            }
        }
        spec.put("solver", "auto");
        return problems.isEmpty() ? 1.0 : 0.5;
    }

    private static double whatIf(String text, String lower, NodeGazetteer gaz, ObjectNode spec, List<String> problems) {
        ObjectNode sc = spec.putObject("scenario");
        Matcher pct = PERCENT.matcher(text);
        Matcher fx = FACTOR.matcher(text);
        if (lower.contains("surge") || lower.contains("grow") || lower.contains("double") || lower.contains("traffic increase")) {
            double factor = lower.contains("double") ? 2.0 : fx.find() ? Double.parseDouble(fx.group(1))
                    : pct.find() ? 1.0 + Double.parseDouble(pct.group(1)) / 100.0 : 1.5;
            sc.put("kind", "traffic-surge").put("factor", factor);
            return 1.0;
        }
        Optional<String> link = gaz.link(text);
        boolean linkWord = lower.contains("link") || lower.contains("fibre") || lower.contains("fiber") || lower.contains("cable");
        if (link.isPresent() && (linkWord || gaz.mentions(text).size() != 1)) {
            Optional<Double> cap = capacity(text, lower);
            if (cap.isPresent()) {
                sc.put("kind", "capacity-change").put("link", link.get()).put("capacityBps", cap.get());
            } else {
                sc.put("kind", "link-failure").put("link", link.get());
            }
            return 1.0;
        }
        List<String> nodes = gaz.mentions(text);
        if (!nodes.isEmpty()) {
            sc.put("kind", "node-failure").put("node", nodes.get(0));
            return 1.0;
        }
        sc.put("kind", "link-failure");
        problems.add("which link or node the scenario is about was not found");
        return 0.3;
    }

    private static Optional<Double> capacity(String text, String lower) {
        if (!lower.contains("capacity")) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?\\s*[kmgt]?(?:bit/s|bps|b/s))", Pattern.CASE_INSENSITIVE).matcher(text);
        if (m.find()) {
            OptionalDouble v = Quantities.bandwidthBps(m.group(1));
            if (v.isPresent()) {
                return Optional.of(v.getAsDouble());
            }
        }
        return Optional.empty();
    }

    private static double forecast(String text, NodeGazetteer gaz, ObjectNode spec, List<String> problems) {
        Optional<String> link = gaz.link(text);
        List<String> nodes = gaz.mentions(text);
        String lower = text.toLowerCase(Locale.ROOT);
        double filled = 1.0;
        if (link.isPresent() && (lower.contains("link") || nodes.size() < 2)) {
            spec.put("link", link.get());
        } else if (nodes.size() >= 2) {
            spec.put("origin", nodes.get(0)).put("destination", nodes.get(1));
        } else {
            problems.add("no link or origin-destination pair found");
            filled = 0.3;
        }
        spec.put("horizonSteps", steps(text, 12));
        return filled;
    }

    private static double detect(String text, NodeGazetteer gaz, ObjectNode spec, List<String> problems) {
        Optional<String> link = gaz.link(text);
        if (link.isPresent()) {
            spec.put("link", link.get());
        } else {
            problems.add("no link found to watch");
        }
        spec.put("windowSteps", Math.max(2, steps(text, 12)));
        return link.isPresent() ? 1.0 : 0.3;
    }

    private static int steps(String text, int dflt) {
        String withoutIds = text.replaceAll("[A-Z]{4}-[A-Z]{4}", " ");
        Matcher m = NUMBER.matcher(withoutIds);
        return m.find() ? Math.max(1, Integer.parseInt(m.group(1))) : dflt;
    }

    /** "three-hop", "three hop", "3-hop" or "3 hop" names the three-hop view policy. */
    private static final Pattern THREE_HOP = Pattern.compile("\\b(three|3)[- ]hop\\b");

    /** Fills {@code spec.policy} from a lower-cased routing-policy sentence; returns the slot confidence. */
    static double policy(String lower, ObjectNode spec, List<String> problems) {
        String p = lower.contains("learn") ? "learned" : THREE_HOP.matcher(lower).find() ? "three-hop"
                : lower.contains("greedy") || lower.contains("geographic") ? "greedy" : lower.contains("shortest") ? "shortest" : null;
        if (p == null) {
            problems.add("which policy (shortest, greedy, learned or three-hop) was not found");
            spec.put("policy", "shortest");
            return 0.3;
        }
        spec.put("policy", p);
        return 1.0;
    }
}
