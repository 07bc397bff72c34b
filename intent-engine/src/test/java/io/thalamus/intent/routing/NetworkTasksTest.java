package io.thalamus.intent.routing;

import io.thalamus.models.card.TaskType;
import io.thalamus.models.evaluation.Outcome;
import io.thalamus.models.registry.ModelRegistry;
import io.thalamus.network.data.SharedData;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.routing.GeographicTopologies;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkTasksTest {

    private static List<Topology> someZoo() {
        Path root = SharedData.root().orElse(null);
        Assumptions.assumeTrue(root != null, "shared data folder not found: set THALAMUS_DATA");
        List<Topology> out = new ArrayList<>();
        for (String name : List.of("Abilene", "Aarnet", "Agis", "Bellcanada", "Cesnet200706", "Garr201201")) {
            Path f = root.resolve("topology-zoo/graphml/" + name + ".graphml");
            if (Files.isRegularFile(f)) {
                out.addAll(GeographicTopologies.loadGraphMl(f).topologies());
            }
        }
        Assumptions.assumeTrue(out.size() >= 4, "Topology Zoo files not found");
        return out;
    }

    @Test
    void admissionAndRoutingTasksAreMeasuredAgainstTheirOptimumAndSplitByTopology() {
        ModelRegistry registry = ModelRegistry.fromClasspath();
        List<NetworkTasks.Task> tasks = NetworkTasks.build(someZoo(), registry, 11, 0.5, 2, 1);
        List<NetworkTasks.Task> admission = tasks.stream().filter(t -> t.type() == TaskType.ADMIT_FLOWS).toList();
        List<NetworkTasks.Task> routing = tasks.stream().filter(t -> t.type() == TaskType.ROUTE).toList();
        assertThat(admission).hasSize(2);
        assertThat(routing).hasSizeGreaterThanOrEqualTo(3);
        int solvers = registry.cardsFor(TaskType.ADMIT_FLOWS).size();
        for (NetworkTasks.Task t : admission) {
            assertThat(t.outcomes()).hasSize(solvers);
            assertThat(t.features().size()).isEqualTo(NetworkTasks.ADMISSION_FEATURES.size());
            // the reference is the best answer found, so one solver reaches ratio 1 and none exceeds it
            assertThat(t.outcomes()).extracting(Outcome::quality).allSatisfy(q -> assertThat(q).isBetween(0.0, 1.0));
            assertThat(t.outcomes().stream().mapToDouble(Outcome::quality).max().orElseThrow()).isEqualTo(1.0);
            // every solver ran under the task's budget, which is also the router's last feature
            double budget = t.outcomes().get(0).metrics().get("budgetS");
            assertThat(budget).isIn(0.1, 0.25, 0.5);
            assertThat(t.outcomes()).allSatisfy(o -> assertThat(o.metrics().get("budgetS")).isEqualTo(budget));
            assertThat(t.features().value(NetworkTasks.ADMISSION_FEATURES.indexOf("logBudgetS"))).isEqualTo(Math.log(budget));
        }
        for (NetworkTasks.Task t : routing) {
            assertThat(t.features().size()).isEqualTo(NetworkTasks.ROUTING_FEATURES.size());
            for (Outcome o : t.outcomes()) {
                assertThat(o.quality()).isBetween(0.0, 1.0);
                assertThat(o.loss()).isEqualTo(1 - o.quality());
            }
            // the shortest-path policy walks the shortest paths: stretch 1 on every query
            assertThat(t.outcomes().stream().filter(o -> o.modelId().equals("routing.shortest")).findFirst().orElseThrow()
                    .quality()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        Set<String> train = new HashSet<>();
        Set<String> test = new HashSet<>();
        tasks.forEach(t -> (t.train() ? train : test).add(t.splitKey()));
        assertThat(train).isNotEmpty().doesNotContainAnyElementsOf(test);
        assertThat(test).isNotEmpty();
    }

    @Test
    void aSolverUnderATaskBudgetGetsTheBudgetButNeverMoreThanItsCard() {
        ModelRegistry registry = ModelRegistry.fromClasspath();
        Topology t = someZoo().get(0);
        io.thalamus.sdnrouter.admission.AdmissionProblem p = io.thalamus.sdnrouter.admission.AdmissionProblem.of(t,
                io.thalamus.network.generate.PfarFlowGenerator.generate(t, 6, 3, 1.0, 3));
        io.thalamus.sdnrouter.admission.CandidatePaths c = io.thalamus.sdnrouter.admission.CandidatePaths.of(p);
        var ilp = registry.card("admission.ilp").orElseThrow();
        var ga = registry.card("admission.ga").orElseThrow();
        var solver = (java.util.function.Function<io.thalamus.models.card.ModelCard, io.thalamus.sdnrouter.admission.AdmissionSolver>)
                card -> registry.model(card.id(), io.thalamus.sdnrouter.admission.AdmissionSolverModel.class).solver();
        // the ILP's card allows 30 s: the task's 0.25 s wins; the GA's card allows 1 s: a 5 s budget is cut to 1 s
        assertThat(NetworkTasks.underBudget(ilp, solver.apply(ilp), 0.25).solve(p, c).parameters())
                .containsEntry("timeLimitSeconds", "0.25");
        assertThat(NetworkTasks.underBudget(ga, solver.apply(ga), 0.1).solve(p, c).parameters())
                .containsEntry("budgetMs", "100");
        assertThat(NetworkTasks.underBudget(ga, solver.apply(ga), 5).solve(p, c).parameters())
                .containsEntry("budgetMs", "1000");
    }
}
