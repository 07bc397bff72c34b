package io.thalamus.models.runtime;

import io.thalamus.models.registry.Model;

/** A text-in, text-out language model (the shape of {@code http:} cards). */
public interface ChatModel extends Model {

    /** The model's answer to one user message. */
    String complete(String userMessage);
}
