package io.thalamus.intent.planning;

import java.util.List;

/** An explainable plan for one intent (after Hermes): ordered typed tasks, each saying why it is there. */
public record Blueprint(String intentId, List<Task> tasks) {

    public Blueprint {
        tasks = List.copyOf(tasks);
    }
}
