package io.thalamus.network.topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An immutable network: nodes, directed links, the static demands its source file listed, and the
 * defaults a reader had to apply. Nodes and links are indexed densely so simulators can use arrays.
 */
public final class Topology {

    private final String name;
    private final List<Node> nodes;
    private final List<Link> links;
    private final List<Demand> demands;
    private final List<AppliedDefault> defaultsApplied;
    private final Map<String, Integer> nodeIndex;
    private final Map<String, Integer> linkIndex;
    private final int[][] outLinks;
    private final int[][] inLinks;

    /**
     * Builds a topology, checking that ids are unique and that every link and demand names known nodes.
     *
     * @throws IllegalArgumentException naming the offending element
     */
    public Topology(String name, Collection<Node> nodes, Collection<Link> links,
                    Collection<Demand> demands, Collection<AppliedDefault> defaultsApplied) {
        this.name = Objects.requireNonNullElse(name, "unnamed");
        this.nodes = List.copyOf(nodes);
        this.links = List.copyOf(links);
        this.demands = List.copyOf(demands == null ? List.of() : demands);
        this.defaultsApplied = List.copyOf(defaultsApplied == null ? List.of() : defaultsApplied);
        Map<String, Integer> ni = new HashMap<>(this.nodes.size() * 2);
        for (int i = 0; i < this.nodes.size(); i++) {
            if (ni.put(this.nodes.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate node id '" + this.nodes.get(i).id() + "'");
            }
        }
        Map<String, Integer> li = new HashMap<>(this.links.size() * 2);
        int[] outCount = new int[this.nodes.size()];
        int[] inCount = new int[this.nodes.size()];
        for (int i = 0; i < this.links.size(); i++) {
            Link l = this.links.get(i);
            if (li.put(l.id(), i) != null) {
                throw new IllegalArgumentException("duplicate link id '" + l.id() + "'");
            }
            Integer s = ni.get(l.source());
            Integer t = ni.get(l.target());
            if (s == null) {
                throw new IllegalArgumentException("link '" + l.id() + "': unknown source node '" + l.source() + "'");
            }
            if (t == null) {
                throw new IllegalArgumentException("link '" + l.id() + "': unknown target node '" + l.target() + "'");
            }
            if (s.equals(t)) {
                throw new IllegalArgumentException("link '" + l.id() + "': self-loop on node '" + l.source() + "'");
            }
            outCount[s]++;
            inCount[t]++;
        }
        Set<String> demandIds = new HashSet<>();
        for (Demand d : this.demands) {
            if (!demandIds.add(d.id())) {
                throw new IllegalArgumentException("duplicate demand id '" + d.id() + "'");
            }
            if (!ni.containsKey(d.source())) {
                throw new IllegalArgumentException("demand '" + d.id() + "': unknown source node '" + d.source() + "'");
            }
            if (!ni.containsKey(d.target())) {
                throw new IllegalArgumentException("demand '" + d.id() + "': unknown target node '" + d.target() + "'");
            }
        }
        this.nodeIndex = Collections.unmodifiableMap(ni);
        this.linkIndex = Collections.unmodifiableMap(li);
        this.outLinks = new int[this.nodes.size()][];
        this.inLinks = new int[this.nodes.size()][];
        for (int v = 0; v < outCount.length; v++) {
            outLinks[v] = new int[outCount[v]];
            inLinks[v] = new int[inCount[v]];
        }
        Arrays.fill(outCount, 0);
        Arrays.fill(inCount, 0);
        for (int i = 0; i < this.links.size(); i++) {
            Link l = this.links.get(i);
            int s = ni.get(l.source());
            int t = ni.get(l.target());
            outLinks[s][outCount[s]++] = i;
            inLinks[t][inCount[t]++] = i;
        }
    }

    /** A topology with no demands and no defaults. */
    public Topology(String name, Collection<Node> nodes, Collection<Link> links) {
        this(name, nodes, links, List.of(), List.of());
    }

    public String name() {
        return name;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Link> links() {
        return links;
    }

    public List<Demand> demands() {
        return demands;
    }

    public List<AppliedDefault> defaultsApplied() {
        return defaultsApplied;
    }

    public int nodeCount() {
        return nodes.size();
    }

    public int linkCount() {
        return links.size();
    }

    /** Number of links as the source file counted them (an undirected link once). */
    public int physicalLinkCount() {
        Set<String> ids = new HashSet<>();
        for (Link l : links) {
            ids.add(l.physicalId());
        }
        return ids.size();
    }

    /** Sum of capacities over the file's links, each physical link counted once at its largest direction. */
    public double totalCapacityBps() {
        Map<String, Double> byPhysical = new HashMap<>();
        for (Link l : links) {
            byPhysical.merge(l.physicalId(), l.capacityBps(), Math::max);
        }
        return byPhysical.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public boolean hasNode(String id) {
        return nodeIndex.containsKey(id);
    }

    public boolean hasLink(String id) {
        return linkIndex.containsKey(id);
    }

    /** The node with this id. @throws IllegalArgumentException when there is none */
    public Node node(String id) {
        return nodes.get(indexOfNode(id));
    }

    /** The link with this id. @throws IllegalArgumentException when there is none */
    public Link link(String id) {
        return links.get(indexOfLink(id));
    }

    public Optional<Link> findLink(String id) {
        Integer i = linkIndex.get(id);
        return i == null ? Optional.empty() : Optional.of(links.get(i));
    }

    /** Dense index of a node, 0..nodeCount-1. */
    public int indexOfNode(String id) {
        Integer i = nodeIndex.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown node '" + id + "' in topology '" + name + "'");
        }
        return i;
    }

    /** Dense index of a link, 0..linkCount-1. */
    public int indexOfLink(String id) {
        Integer i = linkIndex.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown link '" + id + "' in topology '" + name + "'");
        }
        return i;
    }

    /** Indices of the links leaving node {@code nodeIndex}; the array must not be modified. */
    public int[] outLinkIndices(int nodeIndex) {
        return outLinks[nodeIndex];
    }

    /** Indices of the links entering node {@code nodeIndex}; the array must not be modified. */
    public int[] inLinkIndices(int nodeIndex) {
        return inLinks[nodeIndex];
    }

    public List<Link> outLinks(String nodeId) {
        int[] idx = outLinks[indexOfNode(nodeId)];
        List<Link> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(links.get(i));
        }
        return out;
    }

    public List<Link> inLinks(String nodeId) {
        int[] idx = inLinks[indexOfNode(nodeId)];
        List<Link> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(links.get(i));
        }
        return out;
    }

    /** Every directed link that belongs to the given physical link (file id). */
    public List<Link> linksOfPhysical(String physicalId) {
        return links.stream().filter(l -> l.physicalId().equals(physicalId)).toList();
    }

    /** Ids of the neighbours reachable over one outgoing link, without duplicates. */
    public List<String> neighbours(String nodeId) {
        Set<String> seen = new java.util.LinkedHashSet<>();
        for (int li : outLinks[indexOfNode(nodeId)]) {
            seen.add(links.get(li).target());
        }
        return List.copyOf(seen);
    }

    /**
     * Weakly connected components (links taken as undirected), largest first; each is a sorted list
     * of node ids.
     */
    public List<List<String>> components() {
        int n = nodes.size();
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        List<List<String>> result = new ArrayList<>();
        Deque<Integer> stack = new ArrayDeque<>();
        for (int start = 0; start < n; start++) {
            if (comp[start] >= 0) {
                continue;
            }
            int c = result.size();
            List<String> members = new ArrayList<>();
            comp[start] = c;
            stack.push(start);
            while (!stack.isEmpty()) {
                int v = stack.pop();
                members.add(nodes.get(v).id());
                for (int li : outLinks[v]) {
                    int u = nodeIndex.get(links.get(li).target());
                    if (comp[u] < 0) {
                        comp[u] = c;
                        stack.push(u);
                    }
                }
                for (int li : inLinks[v]) {
                    int u = nodeIndex.get(links.get(li).source());
                    if (comp[u] < 0) {
                        comp[u] = c;
                        stack.push(u);
                    }
                }
            }
            Collections.sort(members);
            result.add(members);
        }
        result.sort(Comparator.comparingInt((List<String> m) -> m.size()).reversed());
        return result;
    }

    /** The sub-topology induced by the largest weakly connected component. */
    public Topology largestComponent() {
        List<List<String>> comps = components();
        if (comps.size() <= 1) {
            return this;
        }
        return induced(new HashSet<>(comps.get(0)), name + " (largest component)");
    }

    /** The sub-topology on the given nodes: links and demands with both ends inside are kept. */
    public Topology induced(Set<String> keep, String newName) {
        List<Node> n = nodes.stream().filter(x -> keep.contains(x.id())).toList();
        List<Link> l = links.stream().filter(x -> keep.contains(x.source()) && keep.contains(x.target())).toList();
        List<Demand> d = demands.stream().filter(x -> keep.contains(x.source()) && keep.contains(x.target())).toList();
        return new Topology(newName, n, l, d, defaultsApplied);
    }

    /** This topology without the links the predicate selects (nodes and demands unchanged). */
    public Topology withoutLinks(Predicate<Link> drop) {
        return new Topology(name, nodes, links.stream().filter(drop.negate()).toList(), demands, defaultsApplied);
    }

    /** This topology with every link passed through {@code change} (ids must stay the same). */
    public Topology mapLinks(UnaryOperator<Link> change) {
        return new Topology(name, nodes, links.stream().map(change).toList(), demands, defaultsApplied);
    }

    /** This topology with other demands. */
    public Topology withDemands(Collection<Demand> newDemands) {
        return new Topology(name, nodes, links, newDemands, defaultsApplied);
    }

    /** Nodes by id, in file order. */
    public Map<String, Node> nodesById() {
        Map<String, Node> m = new LinkedHashMap<>();
        for (Node n : nodes) {
            m.put(n.id(), n);
        }
        return m;
    }

    @Override
    public String toString() {
        return "Topology[" + name + ", " + nodes.size() + " nodes, " + links.size() + " directed links, "
                + demands.size() + " demands]";
    }
}
