package io.thalamus.intent.model;

import java.util.List;

/** The per-type parameters of an intent; one record per {@link IntentType}. */
public sealed interface IntentSpec {

    /** The type this spec belongs to. */
    IntentType type();

    /** A point-to-point connection with a bandwidth and an optional delay bound. */
    record Connectivity(String source, String destination, double bandwidthBps, Double maxDelayMs)
            implements IntentSpec {
        @Override
        public IntentType type() {
            return IntentType.CONNECTIVITY;
        }
    }

    /** A batch of prioritised flows to admit together; {@code solver} is auto, ilp, greedy or genetic. */
    record AdmitFlows(List<FlowSpec> flows, String solver) implements IntentSpec {
        public AdmitFlows {
            flows = List.copyOf(flows);
        }

        @Override
        public IntentType type() {
            return IntentType.ADMIT_FLOWS;
        }
    }

    /** Re-route every installed flow with one policy: shortest, greedy, learned or three-hop. */
    record RoutingPolicy(String policy) implements IntentSpec {
        @Override
        public IntentType type() {
            return IntentType.ROUTING_POLICY;
        }
    }

    /** A twin scenario; fields not used by {@code kind} are null. */
    record WhatIf(String kind, String link, String node, String srlg, Double capacityBps, Double factor)
            implements IntentSpec {
        @Override
        public IntentType type() {
            return IntentType.WHAT_IF;
        }
    }

    /** Forecast a link (or an origin-destination pair) {@code horizonSteps} ahead. */
    record Forecast(String link, String origin, String destination, int horizonSteps) implements IntentSpec {
        @Override
        public IntentType type() {
            return IntentType.FORECAST;
        }
    }

    /** Detect anomalies in a link's history or in the given series, over a window. */
    record DetectAnomaly(String link, List<Double> series, int windowSteps) implements IntentSpec {
        public DetectAnomaly {
            series = series == null ? null : List.copyOf(series);
        }

        @Override
        public IntentType type() {
            return IntentType.DETECT_ANOMALY;
        }
    }

    /** Per-class zones of tolerance and the satisfaction to reach. */
    record AssureQos(List<QosClass> classes, double targetSatisfaction) implements IntentSpec {
        public AssureQos {
            classes = List.copyOf(classes);
        }

        @Override
        public IntentType type() {
            return IntentType.ASSURE_QOS;
        }
    }
}
