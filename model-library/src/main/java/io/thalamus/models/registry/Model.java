package io.thalamus.models.registry;

/** A runnable model handed out by the {@link ModelRegistry}; typed sub-interfaces say what it does. */
public interface Model {
}
