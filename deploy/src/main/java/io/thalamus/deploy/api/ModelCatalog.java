package io.thalamus.deploy.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/** What the API shows of the model library and the model router. */
public interface ModelCatalog {

    /** Every model card, as JSON. */
    List<JsonNode> cards();

    /** One card by id. */
    Optional<JsonNode> card(String id);

    /**
     * A router decision for a task described by {@code request} ({@code taskType}, optional {@code flags} and
     * {@code input}): the chosen model, its reasons and the Pareto front.
     *
     * @throws IllegalArgumentException naming the bad field of the request
     */
    JsonNode decide(JsonNode request);
}
