package io.thalamus.intent.execution;

import io.thalamus.intent.planning.ModelDecision;
import io.thalamus.intent.planning.Task;

/** Runs one type of blueprint task with the model the router chose. */
@FunctionalInterface
public interface TaskExecutor {

    /** Runs {@code task}; throws {@link TaskFailure} when the intent cannot be satisfied. */
    void run(Task task, ModelDecision decision, ExecutionContext ctx) throws TaskFailure;
}
