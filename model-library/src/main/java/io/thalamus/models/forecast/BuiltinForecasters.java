package io.thalamus.models.forecast;

import io.thalamus.models.card.ModelCard;
import io.thalamus.models.registry.Model;
import io.thalamus.models.registry.ModelProvider;

import java.util.List;

/**
 * Provider of the built-in forecasters; the card parameter {@code algorithm} picks one of
 * {@code seasonal-naive}, {@code holt-winters}, {@code ar}, {@code ewma}, {@code ridge-lags}.
 */
public final class BuiltinForecasters implements ModelProvider {

    @Override
    public List<String> cardResources() {
        return List.of("/META-INF/thalamus/models/forecast.seasonal-naive.json",
                "/META-INF/thalamus/models/forecast.holt-winters.json",
                "/META-INF/thalamus/models/forecast.ar.json",
                "/META-INF/thalamus/models/forecast.ewma.json",
                "/META-INF/thalamus/models/forecast.ridge-lags.json");
    }

    @Override
    public Model create(ModelCard card) {
        String algorithm = card.stringParameter("algorithm").orElseThrow(() ->
                new IllegalArgumentException("/parameters/algorithm is required"));
        return switch (algorithm) {
            case "seasonal-naive" -> new SeasonalNaiveForecaster();
            case "holt-winters" -> card.parameters().containsKey("alpha")
                    ? new HoltWintersForecaster(card.numberParameter("alpha", 0.3), card.numberParameter("beta", 0.1),
                            card.numberParameter("gamma", 0.2))
                    : HoltWintersForecaster.optimised();
            case "ar" -> new AutoRegressiveForecaster((int) card.numberParameter("order", 8));
            case "ewma" -> new EwmaForecaster(card.numberParameter("alpha", 0.3));
            case "ridge-lags" -> new RidgeLagForecaster((int) card.numberParameter("lags", 6),
                    card.numberParameter("lambda", 1.0));
            default -> throw new IllegalArgumentException("/parameters/algorithm: unknown forecaster '" + algorithm
                    + "', expected seasonal-naive, holt-winters, ar, ewma or ridge-lags");
        };
    }
}
