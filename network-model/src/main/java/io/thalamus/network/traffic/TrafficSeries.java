package io.thalamus.network.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A time series of traffic matrices over one node list, in time order, with missing cells kept as NaN. */
public final class TrafficSeries {

    private final String name;
    private final List<String> nodes;
    private final Map<String, Integer> index;
    private final List<Instant> times;
    private final List<TrafficMatrix> matrices;

    private TrafficSeries(String name, List<String> nodes, Map<String, Integer> index,
                          List<Instant> times, List<TrafficMatrix> matrices) {
        this.name = name;
        this.nodes = nodes;
        this.index = index;
        this.times = times;
        this.matrices = matrices;
    }

    /** Starts a series over {@code nodes}. */
    public static Builder builder(String name, List<String> nodes) {
        return new Builder(name, nodes);
    }

    public String name() {
        return name;
    }

    public List<String> nodes() {
        return nodes;
    }

    public int size() {
        return matrices.size();
    }

    public Instant time(int i) {
        return times.get(i);
    }

    public TrafficMatrix matrix(int i) {
        return matrices.get(i);
    }

    public List<Instant> times() {
        return times;
    }

    public List<TrafficMatrix> matrices() {
        return matrices;
    }

    /** Index of a node in every matrix. */
    public int indexOf(String node) {
        Integer i = index.get(node);
        if (i == null) {
            throw new IllegalArgumentException("unknown node '" + node + "' in series '" + name + "'");
        }
        return i;
    }

    /** The origin-destination series of one pair, NaN where missing. */
    public double[] pair(String source, String target) {
        int i = indexOf(source);
        int j = indexOf(target);
        double[] s = new double[matrices.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = matrices.get(k).get(i, j);
        }
        return s;
    }

    /** The most common spacing between consecutive timestamps. */
    public Duration step() {
        if (times.size() < 2) {
            return Duration.ZERO;
        }
        Map<Duration, Integer> counts = new java.util.HashMap<>();
        for (int i = 1; i < times.size(); i++) {
            counts.merge(Duration.between(times.get(i - 1), times.get(i)), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Builds a series matrix by matrix; timestamps must strictly increase. */
    public static final class Builder {
        private final String name;
        private final List<String> nodes;
        private final Map<String, Integer> index;
        private final List<Instant> times = new ArrayList<>();
        private final List<TrafficMatrix> matrices = new ArrayList<>();

        private Builder(String name, List<String> nodes) {
            this.name = name;
            this.nodes = List.copyOf(nodes);
            this.index = TrafficMatrix.indexOf(this.nodes);
        }

        /** Adds a matrix (row-major cells in bit/s, NaN for missing); the array is taken over, not copied. */
        public Builder add(Instant time, double[] cells) {
            if (!times.isEmpty() && !time.isAfter(times.get(times.size() - 1))) {
                throw new IllegalArgumentException("series '" + name + "': timestamp " + time
                        + " does not follow " + times.get(times.size() - 1));
            }
            matrices.add(TrafficMatrix.sharing(nodes, index, cells));
            times.add(time);
            return this;
        }

        public TrafficSeries build() {
            return new TrafficSeries(name, nodes, index, List.copyOf(times), List.copyOf(matrices));
        }
    }
}
