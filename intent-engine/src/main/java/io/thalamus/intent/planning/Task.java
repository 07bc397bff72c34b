package io.thalamus.intent.planning;

import java.util.Map;

/**
 * One step of a blueprint.
 *
 * @param index   position in the blueprint, from 0
 * @param type    what kind of step
 * @param purpose why the step is there, in a sentence (the blueprint's explanation)
 * @param inputs  the step's parameters, readable
 */
public record Task(int index, TaskType type, String purpose, Map<String, Object> inputs) {

    public Task {
        inputs = Map.copyOf(inputs);
    }
}
