package io.thalamus.intent.language;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What the language pipeline understood from one English sentence.
 *
 * @param intent         the intent envelope it built (may not validate: then {@code problems} say why)
 * @param corpusLabel    the classifier's label (the corpus intent, e.g. create_flow)
 * @param typeConfidence the classifier's probability for that label
 * @param confidence     overall confidence: type probability times the share of required slots filled and resolved
 * @param entities       the entities found
 * @param problems       why it cannot act on it as is (unknown endpoint, unsupported request, ...), empty if none
 */
public record Understanding(ObjectNode intent, String corpusLabel, double typeConfidence, double confidence,
                            List<Entity> entities, List<String> problems) {

    public Understanding {
        entities = List.copyOf(entities);
        problems = List.copyOf(problems);
    }

    /** One entity: its kind (source, target, qos, operator, delay, ...), the text, and a normalised value. */
    public record Entity(String kind, String text, String value) {
    }
}
