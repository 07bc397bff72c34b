package io.thalamus.intent.execution;

/** What the twin predicts for one routed flow: end-to-end delay, throughput and loss. */
public record FlowKpi(String flowId, double delayMs, double throughputBps, double loss) {
}
