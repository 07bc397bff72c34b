package io.thalamus.intent.language;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds topology nodes and links mentioned in text, by id or by name, case-insensitively. */
final class NodeGazetteer {

    private final Topology topology;

    NodeGazetteer(Topology topology) {
        this.topology = topology;
    }

    /** The node an entity phrase names ("ATLA", "atlanta", "node Atlanta", "host 19" when such a node exists). */
    Optional<String> resolve(String phrase) {
        String p = phrase.toLowerCase(Locale.ROOT).strip();
        for (String prefix : new String[] {"the ", "node ", "pop ", "router ", "switch ", "site "}) {
            if (p.startsWith(prefix)) {
                p = p.substring(prefix.length()).strip();
            }
        }
        for (Node n : topology.nodes()) {
            if (n.id().toLowerCase(Locale.ROOT).equals(p) || n.name().toLowerCase(Locale.ROOT).equals(p)) {
                return Optional.of(n.id());
            }
        }
        return Optional.empty();
    }

    /** Node ids mentioned in the text, in order of first appearance. */
    List<String> mentions(String text) {
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ") + " ";
        record Hit(int at, String id) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Node n : topology.nodes()) {
            int best = Integer.MAX_VALUE;
            for (String form : new String[] {n.id(), n.name()}) {
                int at = lower.indexOf(" " + form.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ") + " ");
                if (at >= 0) {
                    best = Math.min(best, at);
                }
            }
            if (best != Integer.MAX_VALUE) {
                hits.add(new Hit(best, n.id()));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::at));
        return hits.stream().map(Hit::id).toList();
    }

    /** A link named in the text by id (directed or physical), or the link between the first two nodes named. */
    Optional<String> link(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (Link l : topology.links()) {
            if (upper.contains(l.id().toUpperCase(Locale.ROOT))) {
                return Optional.of(l.id());
            }
        }
        for (Link l : topology.links()) {
            if (upper.contains(l.physicalId().toUpperCase(Locale.ROOT))) {
                return Optional.of(l.id());
            }
        }
        List<String> nodes = mentions(text);
        if (nodes.size() >= 2) {
            for (Link l : topology.outLinks(nodes.get(0))) {
                if (l.target().equals(nodes.get(1))) {
                    return Optional.of(l.id());
                }
            }
        }
        return Optional.empty();
    }
}
