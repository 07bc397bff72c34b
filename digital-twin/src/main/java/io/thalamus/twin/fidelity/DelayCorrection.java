package io.thalamus.twin.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The learned correction of the twin's analytical path delay and loss: calibrated delay = analytic delay ×
 * exp(f(features)) and calibrated loss = clamp(analytic loss + g(features), 0, 1), with f and g
 * {@link BoostedStumps} ensembles trained on the RouteNet train split (NSFNET, GEANT2). The shipped weights
 * live in {@code routenet-correction.json} next to this class, with their model card in
 * {@code routenet-correction.card.json}.
 *
 * @param features  feature names the models were trained on (a prefix of {@link PathFeatures#NAMES})
 * @param model     the ensemble predicting ln(measured delay / analytic delay)
 * @param lossModel the ensemble predicting measured loss − analytic loss, or null (loss stays analytic)
 */
public record DelayCorrection(List<String> features, BoostedStumps model, BoostedStumps lossModel) {

    /** Resource name of the shipped weights. */
    public static final String RESOURCE = "routenet-correction.json";
    /** Resource name of the shipped model card. */
    public static final String CARD_RESOURCE = "routenet-correction.card.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public DelayCorrection {
        features = List.copyOf(features);
        if (features.size() > PathFeatures.NAMES.size() || !features.equals(PathFeatures.NAMES.subList(0, features.size()))) {
            throw new IllegalArgumentException("correction was trained on features " + features + ", which are not a prefix of "
                    + "the features this twin computes " + PathFeatures.NAMES);
        }
    }

    /** Calibrated loss ratios of every path of a sample (the analytic ones when there is no loss model). */
    public double[] calibrateLoss(PathFeatures.Result r) {
        double[] out = r.analyticLoss().clone();
        if (lossModel != null) {
            for (int p = 0; p < out.length; p++) {
                out[p] = Math.min(1, Math.max(0, out[p] + lossModel.predict(r.features()[p])));
            }
        }
        return out;
    }

    /** Calibrated delays (s) of every path of a sample. */
    public double[] calibrate(PathFeatures.Result r) {
        double[] out = new double[r.analyticDelay().length];
        for (int p = 0; p < out.length; p++) {
            out[p] = r.analyticDelay()[p] * Math.exp(model.predict(r.features()[p]));
        }
        return out;
    }

    /** The weights shipped with the project. */
    public static DelayCorrection shipped() {
        try (InputStream in = DelayCorrection.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped correction " + RESOURCE + " is missing from the classpath");
            }
            return fromJson(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The shipped model card, as JSON. */
    public static JsonNode shippedCard() {
        try (InputStream in = DelayCorrection.class.getResourceAsStream(CARD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the model card " + CARD_RESOURCE + " is missing from the classpath");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CARD_RESOURCE, e);
        }
    }

    /** Reads weights from a file. */
    public static DelayCorrection read(Path file) {
        try {
            return fromJson(MAPPER.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The JSON form. */
    public ObjectNode toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", "thalamus-boosted-trees");
        o.put("target", "ln(measured path delay / analytic M/M/1/K path delay)");
        features.forEach(o.putArray("features")::add);
        o.set("model", model.toJson(MAPPER));
        if (lossModel != null) {
            o.put("lossTarget", "measured path loss ratio - analytic M/M/1/K path loss ratio");
            o.set("lossModel", lossModel.toJson(MAPPER));
        }
        return o;
    }

    private static DelayCorrection fromJson(JsonNode o) {
        List<String> f = new ArrayList<>();
        o.get("features").forEach(n -> f.add(n.asText()));
        return new DelayCorrection(f, BoostedStumps.fromJson(o.get("model")),
                o.hasNonNull("lossModel") ? BoostedStumps.fromJson(o.get("lossModel")) : null);
    }
}
