package io.thalamus.sdnrouter.controller;

import org.junit.jupiter.api.Assumptions;

/** Gate for tests that need root and Open vSwitch: required when THALAMUS_REQUIRE_OVS=1, else skipped with the reason. */
final class OvsLab {

    private OvsLab() {
    }

    static void require() {
        LabNetwork.testSkipReason().ifPresent(r -> Assumptions.abort("Open vSwitch lab unavailable: " + r));
    }
}
