package io.thalamus.network.path;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.List;

/** A loop-free directed path: a non-empty sequence of links, each starting where the previous ended. */
public record Path(List<Link> links) {

    public Path {
        links = List.copyOf(links);
        if (links.isEmpty()) {
            throw new IllegalArgumentException("a path needs at least one link");
        }
        for (int i = 1; i < links.size(); i++) {
            if (!links.get(i - 1).target().equals(links.get(i).source())) {
                throw new IllegalArgumentException("path is not contiguous at link " + i + ": "
                        + links.get(i - 1).id() + " ends at " + links.get(i - 1).target() + " but "
                        + links.get(i).id() + " starts at " + links.get(i).source());
            }
        }
    }

    /** The path through the given node ids, taking for each hop the lowest-weight link between them. */
    public static Path ofNodes(Topology topology, List<String> nodeIds) {
        if (nodeIds.size() < 2) {
            throw new IllegalArgumentException("a path needs at least two nodes, got " + nodeIds);
        }
        List<Link> hops = new ArrayList<>();
        for (int i = 1; i < nodeIds.size(); i++) {
            String from = nodeIds.get(i - 1);
            String to = nodeIds.get(i);
            Link best = null;
            for (Link l : topology.outLinks(from)) {
                if (l.target().equals(to) && (best == null || l.weight() < best.weight())) {
                    best = l;
                }
            }
            if (best == null) {
                throw new IllegalArgumentException("no link from '" + from + "' to '" + to + "'");
            }
            hops.add(best);
        }
        return new Path(hops);
    }

    /** The path over the given link ids. */
    public static Path ofLinkIds(Topology topology, List<String> linkIds) {
        return new Path(linkIds.stream().map(topology::link).toList());
    }

    public String source() {
        return links.get(0).source();
    }

    public String destination() {
        return links.get(links.size() - 1).target();
    }

    /** Node ids from source to destination. */
    public List<String> nodes() {
        List<String> n = new ArrayList<>(links.size() + 1);
        n.add(source());
        for (Link l : links) {
            n.add(l.target());
        }
        return n;
    }

    public List<String> linkIds() {
        return links.stream().map(Link::id).toList();
    }

    public int hops() {
        return links.size();
    }

    /** Sum of IGP weights. */
    public double weight() {
        double w = 0;
        for (Link l : links) {
            w += l.weight();
        }
        return w;
    }

    /** Sum of propagation delays in ms. */
    public double propagationDelayMs() {
        double d = 0;
        for (Link l : links) {
            d += l.propagationDelayMs();
        }
        return d;
    }

    /** Smallest link capacity on the path. */
    public double bottleneckBps() {
        double c = Double.POSITIVE_INFINITY;
        for (Link l : links) {
            c = Math.min(c, l.capacityBps());
        }
        return c;
    }

    /** True when no node is visited twice. */
    public boolean isSimple() {
        List<String> n = nodes();
        return new java.util.HashSet<>(n).size() == n.size();
    }

    public boolean usesLink(String linkId) {
        for (Link l : links) {
            if (l.id().equals(linkId)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.join(">", nodes());
    }
}
