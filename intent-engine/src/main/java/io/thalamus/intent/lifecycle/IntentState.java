package io.thalamus.intent.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle states of an intent, as ONOS names them. */
public enum IntentState {
    /** Accepted and durably logged; waiting to be compiled. */
    SUBMITTED,
    /** Being planned into a blueprint and checked on a fork of the twin. */
    COMPILING,
    /** The twin approved it; rules are being pushed through the controller. */
    INSTALLING,
    /** In the network (or, for analysis intents, its result is recorded). */
    INSTALLED,
    /** An installed intent stopped holding on the twin; being re-planned. */
    RECOMPILING,
    /** Could not be satisfied; the reason and the twin's evidence are kept. */
    FAILED,
    /** Being removed from the network. */
    WITHDRAWING,
    /** Not in the network (withdrawn, or a dry run that finished). */
    WITHDRAWN,
    /** Resources may still be held after a failed install or withdraw; needs an operator. */
    CORRUPT;

    /** States from which this one may be entered. */
    public Set<IntentState> allowedFrom() {
        return switch (this) {
            case SUBMITTED -> EnumSet.noneOf(IntentState.class);
            case COMPILING -> EnumSet.of(SUBMITTED);
            case INSTALLING -> EnumSet.of(COMPILING, RECOMPILING);
            case INSTALLED -> EnumSet.of(INSTALLING, COMPILING, RECOMPILING);
            case RECOMPILING -> EnumSet.of(INSTALLED);
            case FAILED -> EnumSet.of(COMPILING, INSTALLING, RECOMPILING, SUBMITTED);
            case WITHDRAWING -> EnumSet.of(INSTALLED, FAILED, SUBMITTED, COMPILING, INSTALLING, RECOMPILING, CORRUPT);
            case WITHDRAWN -> EnumSet.of(WITHDRAWING, COMPILING);
            case CORRUPT -> EnumSet.of(INSTALLING, WITHDRAWING, RECOMPILING);
        };
    }

    /** Whether nothing more will happen to the intent without an operator. */
    public boolean isFinal() {
        return this == FAILED || this == WITHDRAWN || this == CORRUPT;
    }

    /** Whether the engine still owes work on it (to resume after a restart). */
    public boolean isInFlight() {
        return this == SUBMITTED || this == COMPILING || this == INSTALLING || this == RECOMPILING
                || this == WITHDRAWING;
    }
}
