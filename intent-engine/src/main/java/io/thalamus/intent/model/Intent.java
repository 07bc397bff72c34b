package io.thalamus.intent.model;

import java.util.List;
import java.util.Objects;

/**
 * A validated intent: what the operator wants ({@link IntentSpec}), how much it matters, what must hold
 * ({@link Expectation}s), the router's {@link Flags} and whether to act ({@link Mode}).
 */
public record Intent(String key, IntentType type, int priority, IntentSpec spec, List<Expectation> expectations,
                     Flags flags, Mode mode) {

    public Intent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(spec, "spec");
        if (spec.type() != type) {
            throw new IllegalArgumentException("spec of type " + spec.type().wire() + " in a " + type.wire() + " intent");
        }
        expectations = List.copyOf(expectations);
        flags = flags == null ? Flags.NONE : flags;
        mode = mode == null ? Mode.APPLY : mode;
    }
}
