package io.thalamus.twin.scenario;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.topology.Link;
import io.thalamus.twin.core.TwinModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One change a what-if makes to the twin. Steps only change the model; re-convergence runs once after
 * all steps of a scenario. Link ids may be directed ids or physical ids (then both directions).
 */
public sealed interface ScenarioStep {

    /** The model after this step (routes not yet re-converged). */
    TwinModel apply(TwinModel model);

    /** The JSON {@code type} of this step. */
    String type();

    /** Links go down. */
    record LinkDown(List<String> links) implements ScenarioStep {
        public LinkDown {
            links = List.copyOf(links);
        }

        @Override
        public TwinModel apply(TwinModel model) {
            return model.withDown(directed(model, links), Set.of());
        }

        @Override
        public String type() {
            return "link-down";
        }
    }

    /** Nodes go down, with every link they terminate. */
    record NodeDown(List<String> nodes) implements ScenarioStep {
        public NodeDown {
            nodes = List.copyOf(nodes);
        }

        @Override
        public TwinModel apply(TwinModel model) {
            return model.withDown(Set.of(), Set.copyOf(nodes));
        }

        @Override
        public String type() {
            return "node-down";
        }
    }

    /** Every link of the shared-risk link groups goes down. */
    record SrlgDown(List<String> srlgs) implements ScenarioStep {
        public SrlgDown {
            srlgs = List.copyOf(srlgs);
        }

        @Override
        public TwinModel apply(TwinModel model) {
            Set<String> down = new HashSet<>();
            for (Link l : model.topology().links()) {
                for (String g : srlgs) {
                    if (l.srlgs().contains(g)) {
                        down.add(l.id());
                    }
                }
            }
            return model.withDown(down, Set.of());
        }

        @Override
        public String type() {
            return "srlg-down";
        }
    }

    /** A link's capacity becomes {@code capacityBps}, or is multiplied by {@code factor} (exactly one is set). */
    record CapacityChange(String link, Double capacityBps, Double factor) implements ScenarioStep {
        @Override
        public TwinModel apply(TwinModel model) {
            Set<String> ids = directed(model, List.of(link));
            return model.withTopology(model.topology().mapLinks(l -> !ids.contains(l.id()) ? l
                    : l.withCapacity(capacityBps != null ? capacityBps : l.capacityBps() * factor)));
        }

        @Override
        public String type() {
            return "capacity-change";
        }
    }

    /** Flows are scaled by {@code factor}: all of them, or those from {@code source} and/or to {@code destination}. */
    record TrafficScale(double factor, String source, String destination) implements ScenarioStep {
        @Override
        public TwinModel apply(TwinModel model) {
            List<Flow> out = new ArrayList<>(model.flows().size());
            for (Flow f : model.flows()) {
                boolean hit = (source == null || f.source().equals(source))
                        && (destination == null || f.destination().equals(destination));
                // A flow scaled to zero leaves the network (a Flow needs a positive rate).
                if (!hit) {
                    out.add(f);
                } else if (factor > 0) {
                    out.add(f.scaled(factor));
                }
            }
            return model.withFlows(out);
        }

        @Override
        public String type() {
            return "traffic-scale";
        }
    }

    /** New flows are offered (they are routed at re-convergence). */
    record AddFlows(List<Flow> flows) implements ScenarioStep {
        public AddFlows {
            flows = List.copyOf(flows);
        }

        @Override
        public TwinModel apply(TwinModel model) {
            List<Flow> out = new ArrayList<>(model.flows());
            out.addAll(flows);
            return model.withFlows(out);
        }

        @Override
        public String type() {
            return "add-flows";
        }
    }

    /** Flows leave. */
    record RemoveFlows(List<String> flowIds) implements ScenarioStep {
        public RemoveFlows {
            flowIds = List.copyOf(flowIds);
        }

        @Override
        public TwinModel apply(TwinModel model) {
            Set<String> gone = Set.copyOf(flowIds);
            return model.withFlows(model.flows().stream().filter(f -> !gone.contains(f.id())).toList());
        }

        @Override
        public String type() {
            return "remove-flows";
        }
    }

    /** Maintenance: traffic is moved off a node or a link (both directions for a physical id) where possible. */
    record Drain(String node, String link) implements ScenarioStep {
        @Override
        public TwinModel apply(TwinModel model) {
            return model.withDrained(link == null ? Set.of() : directed(model, List.of(link)),
                    node == null ? Set.of() : Set.of(node));
        }

        @Override
        public String type() {
            return "drain";
        }
    }

    /** Directed link ids for ids that are directed or physical. */
    static Set<String> directed(TwinModel model, List<String> ids) {
        Set<String> out = new HashSet<>();
        for (String id : ids) {
            if (model.topology().hasLink(id)) {
                out.add(id);
            } else {
                model.topology().linksOfPhysical(id).forEach(l -> out.add(l.id()));
            }
        }
        return out;
    }
}
