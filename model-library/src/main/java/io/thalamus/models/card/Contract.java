package io.thalamus.models.card;

import java.util.List;

/**
 * One side of a model's input/output contract.
 *
 * @param type        a type name, e.g. {@code series}, {@code text}, {@code flags}
 * @param unit        unit of the values, or empty
 * @param shape       tensor shape (-1 = any), empty when not a tensor
 * @param description one sentence for humans
 */
public record Contract(String type, String unit, List<Integer> shape, String description) {
    public Contract {
        shape = List.copyOf(shape);
    }
}
