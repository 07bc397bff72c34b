package io.thalamus.network.format;

import io.thalamus.network.data.SharedData;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;

/** Locates the shared real-data folder for tests, skipping with a message when it is absent. */
final class SharedDataSupport {

    private SharedDataSupport() {
    }

    static Path data(String relative) {
        Assumptions.assumeTrue(SharedData.root().isPresent(),
                "shared data folder not found (set THALAMUS_DATA); skipping tests on real files");
        return SharedData.resolve(relative);
    }
}
