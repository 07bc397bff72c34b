package io.thalamus.intent.execution;

import java.util.Map;

/**
 * A twin evaluation: utilisation of every directed link (load / capacity, may exceed 1) and the KPIs of
 * every routed flow.
 */
public record TwinKpis(Map<String, Double> linkUtilization, Map<String, FlowKpi> flows) {

    public TwinKpis {
        linkUtilization = Map.copyOf(linkUtilization);
        flows = Map.copyOf(flows);
    }

    /** The largest link utilisation, 0 on an empty network. */
    public double maxLinkUtilization() {
        return linkUtilization.values().stream().mapToDouble(Double::doubleValue).max().orElse(0.0);
    }

    /** The link with the largest utilisation, or null. */
    public String busiestLink() {
        return linkUtilization.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
