package io.thalamus.sdnrouter.models;

import io.thalamus.models.card.ModelCard;
import io.thalamus.models.card.TaskType;
import io.thalamus.models.registry.ModelRegistry;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.generate.UnitDiskGraphGenerator;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.admission.AdmissionChecker;
import io.thalamus.sdnrouter.admission.AdmissionSolverModel;
import io.thalamus.sdnrouter.admission.AdmissionProblem;
import io.thalamus.sdnrouter.admission.AdmissionResult;
import io.thalamus.sdnrouter.admission.GreedyAdmissionSolver;
import io.thalamus.sdnrouter.admission.GeneticAdmissionSolver;
import io.thalamus.sdnrouter.admission.IlpAdmissionSolver;
import io.thalamus.network.generate.PfarFlowGenerator;
import io.thalamus.sdnrouter.routing.GreedyForwardingPolicy;
import io.thalamus.sdnrouter.routing.LearnedLocalPolicy;
import io.thalamus.sdnrouter.routing.RoutingPolicyModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The admission solvers and routing policies join the model library through its ServiceLoader SPI. */
class SdnModelsRegistryTest {

    @Test
    void registryListsTheSolversAndPoliciesUnderTheirTasks() {
        ModelRegistry registry = ModelRegistry.fromClasspath();
        assertThat(registry.cardsFor(TaskType.ADMIT_FLOWS)).extracting(ModelCard::id)
                .contains("admission.ilp", "admission.ilp-arc", "admission.ga", "admission.greedy");
        assertThat(registry.cardsFor(TaskType.ROUTE)).extracting(ModelCard::id)
                .contains("routing.shortest", "routing.greedy", "routing.learned");
        assertThat(registry.model("admission.ilp", AdmissionSolverModel.class).solver()).isInstanceOf(IlpAdmissionSolver.class);
        assertThat(registry.model("admission.ga", AdmissionSolverModel.class).solver()).isInstanceOf(GeneticAdmissionSolver.class);
        assertThat(registry.model("routing.greedy", RoutingPolicyModel.class).policy()).isInstanceOf(GreedyForwardingPolicy.class);
        assertThat(registry.model("routing.learned", RoutingPolicyModel.class).policy()).isInstanceOf(LearnedLocalPolicy.class);
    }

    @Test
    void registeredSolversGiveCheckedAnswersAndTheIlpIsNeverWorseThanGreedy() {
        ModelRegistry registry = ModelRegistry.fromClasspath();
        Topology t = UnitDiskGraphGenerator.of(12, 4).generateConnected(3, 1000);
        List<Flow> flows = PfarFlowGenerator.generate(t, 40, 5, 2.0, 3);
        AdmissionProblem problem = AdmissionProblem.of(t, flows);
        AdmissionResult ilp = registry.model("admission.ilp", AdmissionSolverModel.class).solver().solve(problem);
        AdmissionResult greedy = registry.model("admission.greedy", AdmissionSolverModel.class).solver().solve(problem);
        assertThat(AdmissionChecker.check(problem, ilp).violations()).isEmpty();
        assertThat(AdmissionChecker.check(problem, greedy).violations()).isEmpty();
        assertThat(greedy.admitted()).isEqualTo(new GreedyAdmissionSolver().solve(problem).admitted());
        // strict mode: compare class by class, highest first
        List<Double> a = ilp.objective();
        List<Double> b = greedy.objective();
        int i = 0;
        while (i < a.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        assertThat(i == a.size() || a.get(i) > b.get(i)).as("ilp %s vs greedy %s", a, b).isTrue();
    }
}
