package io.thalamus.network.spi;

import java.time.Duration;
import java.util.List;

/** Confirmation that a flow's rules are in the network: which rules, and how long it took. */
public record InstallReceipt(String flowId, String controller, List<String> ruleIds, Duration elapsed) {

    public InstallReceipt {
        ruleIds = List.copyOf(ruleIds);
    }
}
