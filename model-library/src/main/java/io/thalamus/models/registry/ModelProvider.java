package io.thalamus.models.registry;

import io.thalamus.models.card.ModelCard;

import java.util.List;

/**
 * Service-provider interface behind {@code java:} cards. Implementations are listed in
 * {@code META-INF/services/io.thalamus.models.registry.ModelProvider}; a card names one by its class name.
 */
public interface ModelProvider {

    /** Classpath resources (absolute, e.g. {@code /META-INF/thalamus/models/x.json}) of the cards this provider ships. */
    default List<String> cardResources() {
        return List.of();
    }

    /**
     * Checks at load time that this provider can build the card's model (known algorithm, sane parameters).
     * @throws IllegalArgumentException naming the parameter and what was expected
     */
    default void check(ModelCard card) {
        create(card);
    }

    /** Builds the model a card describes. */
    Model create(ModelCard card);
}
