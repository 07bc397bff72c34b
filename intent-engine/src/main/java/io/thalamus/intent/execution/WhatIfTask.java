package io.thalamus.intent.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.model.IntentSpec;
import io.thalamus.intent.planning.ModelDecision;
import io.thalamus.intent.planning.Task;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What-if task. For a network-changing intent: add the planned routes to the fork and check every
 * expectation there (failing with the evidence when one does not hold). For a what-if intent: apply the
 * scenario to the fork and report KPI differences; its expectations are checked on the scenario's outcome.
 */
public final class WhatIfTask implements TaskExecutor {

    private final DigitalTwinWhatIf digital;

    /** @param digital the digital-twin module's what-if for what-if intents, or null to use the engine's fork */
    public WhatIfTask(DigitalTwinWhatIf digital) {
        this.digital = digital;
    }

    @Override
    public void run(Task task, ModelDecision decision, ExecutionContext ctx) throws TaskFailure {
        TwinFork fork = ctx.fork();
        if (ctx.intent().spec() instanceof IntentSpec.WhatIf w) {
            if (digital != null) {
                onDigitalTwin(w, ctx);
            } else {
                scenario(w, ctx);
            }
            return;
        }
        fork.addRoutes(ctx.routed);
        TwinKpis kpis = fork.evaluateIntent(ctx.intentId());
        List<ExpectationCheck> checks = Expectations.check(ctx.intent(), kpis, ctx.routed,
                ctx.routed.size() + ctx.rejected.size(), ctx.zones);
        ctx.evidence.addAll(checks);
        List<ExpectationCheck> failed = checks.stream().filter(c -> !c.holds()).toList();
        if (!failed.isEmpty()) {
            List<Conflict> blockers = List.of();
            ExpectationCheck first = failed.get(0);
            if ("max-link-utilization".equals(first.metric()) && first.where() != null) {
                blockers = holdersOf(fork, first.where(), ctx.intentId());
            }
            throw new TaskFailure("expectation failed on the twin: " + failed.stream().map(ExpectationCheck::describe)
                    .collect(Collectors.joining("; ")), checks, blockers);
        }
    }

    private static List<Conflict> holdersOf(TwinFork fork, String linkId, String self) {
        Map<String, Double> byIntent = new java.util.HashMap<>();
        for (RoutedFlow r : fork.routes().values()) {
            if (!r.intentId().equals(self) && r.path().usesLink(linkId)) {
                byIntent.merge(r.intentId(), r.flow().bandwidthBps(), Double::sum);
            }
        }
        return byIntent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(2)
                .map(e -> new Conflict(e.getKey(), null, "capacity", "holds "
                        + String.format(java.util.Locale.ROOT, "%.3g", e.getValue()) + " bit/s on " + linkId)).toList();
    }

    private void onDigitalTwin(IntentSpec.WhatIf w, ExecutionContext ctx) throws TaskFailure {
        io.thalamus.twin.scenario.WhatIfResult r;
        try {
            r = digital.run(DigitalTwinWhatIf.step(w));
        } catch (RuntimeException e) {
            throw new TaskFailure("scenario cannot be applied on the twin: " + e.getMessage());
        }
        ctx.result().put("scenario", w.kind());
        ctx.result().setAll(DigitalTwinWhatIf.toJson(r, 20));
        List<ExpectationCheck> checks = Expectations.check(ctx.intent(), DigitalTwinWhatIf.kpisAfter(r), List.of(), 0, Map.of());
        ctx.evidence.addAll(checks);
        List<ExpectationCheck> failed = checks.stream().filter(c -> !c.holds()).toList();
        if (!failed.isEmpty()) {
            throw new TaskFailure("under scenario " + w.kind() + ": " + failed.stream().map(ExpectationCheck::describe)
                    .collect(Collectors.joining("; ")), checks, List.of());
        }
    }

    private static void scenario(IntentSpec.WhatIf w, ExecutionContext ctx) throws TaskFailure {
        TwinFork fork = ctx.fork();
        TwinKpis before = fork.evaluate();
        Map<String, RoutedFlow> routesBefore = fork.routes();
        try {
            switch (w.kind()) {
                case "link-failure" -> fork.failLink(w.link());
                case "node-failure" -> fork.failNode(w.node());
                case "srlg-failure" -> fork.failSrlg(w.srlg());
                case "capacity-change" -> fork.setCapacity(w.link(), w.capacityBps());
                case "traffic-surge" -> fork.scaleTraffic(w.factor());
                default -> throw new TaskFailure("unknown scenario kind " + w.kind());
            }
        } catch (IllegalArgumentException e) {
            throw new TaskFailure("scenario cannot be applied: " + e.getMessage());
        }
        TwinKpis after = fork.evaluate();
        Map<String, RoutedFlow> routesAfter = fork.routes();
        ObjectNode r = ctx.result();
        r.put("scenario", w.kind());
        r.put("maxLinkUtilizationBefore", before.maxLinkUtilization());
        r.put("maxLinkUtilizationAfter", after.maxLinkUtilization());
        r.put("busiestLinkAfter", after.busiestLink());
        r.put("linksOverCapacityAfter", after.linkUtilization().values().stream().filter(u -> u > 1.0).count());
        long lost = routesBefore.keySet().stream().filter(id -> !routesAfter.containsKey(id)).count();
        long moved = routesBefore.entrySet().stream().filter(e -> routesAfter.containsKey(e.getKey())
                && !routesAfter.get(e.getKey()).path().equals(e.getValue().path())).count();
        r.put("flowsUnroutable", lost);
        r.put("flowsRerouted", moved);
        long delayViolations = after.flows().entrySet().stream().filter(e -> {
            RoutedFlow rf = routesAfter.get(e.getKey());
            return rf != null && rf.flow().maxDelayMs() != null && e.getValue().delayMs() > rf.flow().maxDelayMs();
        }).count();
        r.put("slaViolations", delayViolations + lost);
        ObjectNode diff = r.putObject("linkUtilizationChange");
        after.linkUtilization().forEach((id, u) -> {
            double d = u - before.linkUtilization().getOrDefault(id, 0.0);
            if (Math.abs(d) > 1e-9) {
                diff.put(id, d);
            }
        });
        List<ExpectationCheck> checks = Expectations.check(ctx.intent(), after, List.of(), 0, Map.of());
        ctx.evidence.addAll(checks);
        List<ExpectationCheck> failed = checks.stream().filter(c -> !c.holds()).toList();
        if (!failed.isEmpty()) {
            throw new TaskFailure("under scenario " + w.kind() + ": " + failed.stream().map(ExpectationCheck::describe)
                    .collect(Collectors.joining("; ")), checks, List.of());
        }
    }
}
