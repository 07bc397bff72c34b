package io.thalamus.network.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How Thalamus reads JSON that comes from outside (API bodies, topology, flow, scenario, policy, router and model-card
 * files): an object that names the same field twice is malformed ("Duplicate field 'key'"), never silently reduced to
 * its last value.
 */
public final class InputJson {

    private InputJson() {
    }

    /** A new mapper that refuses duplicate fields; callers may enable output features on it for writing. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
