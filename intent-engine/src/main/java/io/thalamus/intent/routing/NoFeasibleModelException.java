package io.thalamus.intent.routing;

import java.util.List;

/** No candidate model satisfies the hard limits (or none serves the task); lists every candidate's reason. */
public final class NoFeasibleModelException extends IllegalArgumentException {

    /** A failure with one reason per candidate. */
    public NoFeasibleModelException(String task, List<String> reasons) {
        super("no model can serve task '" + task + "' within the limits: "
                + (reasons.isEmpty() ? "no candidate serves this task type" : String.join("; ", reasons)));
    }
}
