package io.thalamus.models.registry;

import io.thalamus.models.card.ModelCard;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A card with the means to build its model, resolved at load time.
 *
 * @param card    the validated card
 * @param source  where the card came from (file path or classpath resource)
 * @param baseDir folder of the card file (for {@code onnx:} paths), or null for classpath cards
 * @param factory builds the model (memoised by the registry)
 */
public record RegisteredModel(ModelCard card, String source, Path baseDir, Supplier<Model> factory) {
}
