package io.thalamus.intent.planning;

import io.thalamus.intent.model.Intent;

/** Picks the model that runs a blueprint task, honouring the intent's flags, and says why. */
@FunctionalInterface
public interface ModelChooser {

    /** The decision for {@code task} of {@code intent}. */
    ModelDecision choose(Intent intent, Task task);
}
