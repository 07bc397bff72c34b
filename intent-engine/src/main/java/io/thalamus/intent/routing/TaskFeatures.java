package io.thalamus.intent.routing;

import io.thalamus.models.card.TaskType;

import java.util.Arrays;

/**
 * What the router knows about a task before running any model: its type and a feature vector (series statistics
 * from {@link SeriesFeatures}, or a sentence embedding for text tasks).
 *
 * @param task   task type
 * @param values feature values, in the order of the extractor's names
 */
public record TaskFeatures(TaskType task, double[] values) {

    public TaskFeatures {
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("features[" + i + "]: must be finite, got " + values[i]);
            }
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Read-only access without copying (for the predictor's inner loop). */
    double value(int i) {
        return values[i];
    }

    /** Number of features. */
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskFeatures f && f.task == task && Arrays.equals(f.values, values);
    }

    @Override
    public int hashCode() {
        return task.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return task.wire() + Arrays.toString(values);
    }
}
