package io.thalamus.models.qos;

import io.thalamus.models.card.ModelCard;
import io.thalamus.models.registry.Model;
import io.thalamus.models.registry.ModelProvider;
import io.thalamus.network.flow.ZoneOfTolerance;

import java.util.List;

/**
 * The zone-of-tolerance satisfaction model (Alkurd, Abualhaol, Yanikomeroglu), linear across the zone, as a
 * registered model; the arithmetic is network-model's {@link ZoneOfTolerance}. Also its own provider.
 */
public final class ZoneOfToleranceModel implements SatisfactionModel, ModelProvider {

    @Override
    public double satisfaction(ZoneOfTolerance zone, double q) {
        if (!Double.isFinite(q)) {
            throw new IllegalArgumentException("level: must be finite, got " + q);
        }
        return zone.satisfaction(q);
    }

    @Override
    public double levelFor(ZoneOfTolerance zone, double target) {
        return zone.levelFor(target);
    }

    @Override
    public List<String> cardResources() {
        return List.of("/META-INF/thalamus/models/qos.zone-of-tolerance.json");
    }

    @Override
    public Model create(ModelCard card) {
        return new ZoneOfToleranceModel();
    }
}
