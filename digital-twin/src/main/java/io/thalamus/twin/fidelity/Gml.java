package io.thalamus.twin.fidelity;

import io.thalamus.network.format.BracketTokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small reader for the GML graphs of the RouteNet data set: top-level {@code graph [ node [...] edge [...] ]}. */
final class Gml {

    private Gml() {
    }

    /** Fills {@code nodes} and {@code edges} with the scalar attributes of each node and edge block. */
    static void parse(String text, String source, List<Map<String, String>> nodes, List<Map<String, String>> edges) {
        List<String> tokens = BracketTokens.split(text, '[', ']', true);
        int depth = 0;
        Map<String, String> current = null;
        String pendingKey = null;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("[")) {
                depth++;
                if (depth == 2 && ("node".equals(pendingKey) || "edge".equals(pendingKey))) {
                    current = new LinkedHashMap<>();
                    ("node".equals(pendingKey) ? nodes : edges).add(current);
                }
                pendingKey = null;
            } else if (t.equals("]")) {
                if (depth == 2) {
                    current = null;
                }
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException(source + ": unbalanced ']' in GML");
                }
            } else if (pendingKey == null) {
                pendingKey = t;
            } else {
                if (current != null && depth == 2) {
                    current.put(pendingKey, t);
                }
                pendingKey = null;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException(source + ": unbalanced '[' in GML");
        }
    }
}
