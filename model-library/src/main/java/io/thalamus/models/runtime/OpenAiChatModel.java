package io.thalamus.models.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.models.card.ModelCard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An {@code http:} model: an OpenAI-compatible {@code chat/completions} endpoint run by an operator. Card
 * parameters: {@code model} (name sent to the endpoint), {@code apiKeyEnv} (environment variable holding a bearer
 * token, optional), {@code timeoutSeconds}. Nothing is contacted until the first call.
 */
public final class OpenAiChatModel implements ChatModel {

    private final ObjectMapper mapper = new ObjectMapper();
    private final URI endpoint;
    private final String modelName;
    private final String apiKeyEnv;
    private final Duration timeout;
    private final HttpClient client;

    /** A client for {@code endpoint} configured by the card's parameters. */
    public OpenAiChatModel(URI endpoint, ModelCard card) {
        this.endpoint = endpoint;
        this.modelName = card.stringParameter("model").orElse(card.id());
        this.apiKeyEnv = card.stringParameter("apiKeyEnv").orElse(null);
        this.timeout = Duration.ofSeconds((long) card.numberParameter("timeoutSeconds", 30));
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String complete(String userMessage) {
        ObjectNode body = mapper.createObjectNode().put("model", modelName);
        body.putArray("messages").addObject().put("role", "user").put("content", userMessage);
        HttpRequest.Builder req = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (apiKeyEnv != null && System.getenv(apiKeyEnv) != null) {
            req.header("Authorization", "Bearer " + System.getenv(apiKeyEnv));
        }
        try {
            HttpResponse<String> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() / 100 != 2) {
                throw new IllegalStateException("chat endpoint " + endpoint + " answered HTTP " + resp.statusCode());
            }
            JsonNode content = mapper.readTree(resp.body()).path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw new IllegalStateException("chat endpoint " + endpoint + " answer lacks choices[0].message.content");
            }
            return content.asText();
        } catch (IOException e) {
            throw new IllegalStateException("chat endpoint " + endpoint + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + endpoint, e);
        }
    }
}
