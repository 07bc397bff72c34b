package io.thalamus.twin.core;

import io.thalamus.twin.sim.TwinState;

/** Told after every change of a live twin, with the freshly simulated state. */
@FunctionalInterface
public interface TwinChangeListener {

    /** Called on the thread that changed the twin; keep it short. */
    void onChange(TwinState state);
}
