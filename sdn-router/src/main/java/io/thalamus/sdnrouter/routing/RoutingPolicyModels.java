package io.thalamus.sdnrouter.routing;

import io.thalamus.models.card.ModelCard;
import io.thalamus.models.registry.Model;
import io.thalamus.models.registry.ModelProvider;

import java.util.List;

/**
 * Registers the routing policies as models: each card names its policy ({@code parameters.policy}:
 * {@code shortest}, {@code greedy} or {@code learned}, the shipped default policy file).
 */
public final class RoutingPolicyModels implements ModelProvider {

    @Override
    public List<String> cardResources() {
        return List.of("/META-INF/thalamus/models/routing.shortest.json", "/META-INF/thalamus/models/routing.greedy.json",
                "/META-INF/thalamus/models/routing.learned.json");
    }

    @Override
    public Model create(ModelCard card) {
        String policy = card.stringParameter("policy").orElseThrow(
                () -> new IllegalArgumentException("/parameters/policy: expected shortest, greedy or learned"));
        RoutingPolicy p = switch (policy) {
            case "shortest" -> new ShortestPathPolicy();
            case "greedy" -> new GreedyForwardingPolicy();
            case "learned" -> PolicyFile.defaultPolicy();
            default -> throw new IllegalArgumentException("/parameters/policy: expected shortest, greedy or learned, got '" + policy + "'");
        };
        return new RoutingPolicyModel(p);
    }
}
