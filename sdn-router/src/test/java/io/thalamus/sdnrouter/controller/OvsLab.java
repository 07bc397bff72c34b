package io.thalamus.sdnrouter.controller;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/** Gate for tests that need root and Open vSwitch: required when THALAMUS_REQUIRE_OVS=1, else skipped with the reason. */
final class OvsLab {

    private OvsLab() {
    }

    static void require() {
        var reason = LabNetwork.unavailableReason();
        if (reason.isEmpty()) {
            return;
        }
        if ("1".equals(System.getenv("THALAMUS_REQUIRE_OVS"))) {
            fail("THALAMUS_REQUIRE_OVS=1 but the Open vSwitch lab cannot run: " + reason.get());
        }
        System.out.println("[skipped] Open vSwitch lab tests: " + reason.get());
        Assumptions.abort("Open vSwitch lab unavailable: " + reason.get());
    }
}
