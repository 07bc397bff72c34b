package io.thalamus.intent.execution;

import io.thalamus.network.path.Path;
import io.thalamus.network.path.ShortestPaths;
import io.thalamus.network.topology.Topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The k shortest paths between two nodes, remembered per topology: intents between the same endpoints on an
 * unchanged topology reuse one Yen computation. The memory is dropped when a different topology is asked for
 * (a link went down or came back, or a fork failed a link) and when it holds {@link #MAX_PAIRS} pairs.
 * Thread-safe; the paths are immutable and shared.
 */
public final class CandidatePaths {

    /** Most endpoint pairs remembered for one topology. */
    static final int MAX_PAIRS = 100_000;

    private Topology topology;
    private ShortestPaths shortest;
    private final Map<String, List<Path>> byPair = new HashMap<>();

    /** The {@code k} shortest loop-free paths {@code source → destination} on {@code t}, shortest first. */
    public synchronized List<Path> kShortest(Topology t, String source, String destination, int k) {
        if (t != topology) {
            topology = t;
            shortest = new ShortestPaths(t);
            byPair.clear();
        }
        String pair = source + '\u0000' + destination + '\u0000' + k;
        List<Path> paths = byPair.get(pair);
        if (paths == null) {
            if (byPair.size() >= MAX_PAIRS) {
                byPair.clear();
            }
            paths = List.copyOf(shortest.kShortest(source, destination, k));
            byPair.put(pair, paths);
        }
        return paths;
    }
}
