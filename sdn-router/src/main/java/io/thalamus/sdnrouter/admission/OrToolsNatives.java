package io.thalamus.sdnrouter.admission;

import com.google.ortools.Loader;

/** Loads the OR-Tools native libraries (the loader itself makes repeated calls cheap and thread-safe). */
final class OrToolsNatives {

    private OrToolsNatives() {
    }

    static void load() {
        Loader.loadNativeLibraries();
    }
}
