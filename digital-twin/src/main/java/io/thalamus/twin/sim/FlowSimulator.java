package io.thalamus.twin.sim;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flow-level simulator. From routed flows it computes per-link offered load; shares over-subscribed
 * links by strict priority then max-min fairness ({@link MaxMinAllocator}); evaluates every link with the
 * {@link QueueModel} (M/M/1/K); and sums per flow propagation, transmission and queueing delay, loss and
 * a jitter estimate.
 *
 * <p>Priority classes and queueing: a packet of class c on a link sees the carried load of classes
 * ≥ c (higher classes are served first, lower ones are invisible to it), so its delay and loss are the
 * M/M/1/K values at that cumulative utilisation. With one class this is the plain M/M/1/K link. On a
 * link whose load comes from telemetry every class sees the measured utilisation.
 *
 * <p>Jitter: the sojourn time of an M/M/1 queue is exponential, so its standard deviation equals its
 * mean; hops are taken as independent, giving jitter = sqrt(Σ W_i²).
 */
public final class FlowSimulator {

    private final QueueModel queue;

    /** A simulator with the given queueing model. */
    public FlowSimulator(QueueModel queue) {
        this.queue = queue;
    }

    /** A simulator with {@link QueueModel#DEFAULT}. */
    public FlowSimulator() {
        this(QueueModel.DEFAULT);
    }

    public QueueModel queue() {
        return queue;
    }

    /**
     * Link indices of each flow's route (null where the flow has no route).
     *
     * @throws IllegalArgumentException when a route uses a link the topology does not have
     */
    public static int[][] linkIndices(Topology topology, List<Flow> flows, Map<String, Path> routes) {
        int[][] out = new int[flows.size()][];
        for (int i = 0; i < out.length; i++) {
            Path p = routes.get(flows.get(i).id());
            if (p != null) {
                out[i] = linkIndices(topology, p);
            }
        }
        return out;
    }

    /** Link indices of one path. */
    public static int[] linkIndices(Topology topology, Path path) {
        List<Link> links = path.links();
        int[] idx = new int[links.size()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = topology.indexOfLink(links.get(k).id());
        }
        return idx;
    }

    /** Simulates flows on their routes with some links and nodes down and some loads measured. */
    public TwinState simulate(Topology topology, List<Flow> flows, Map<String, Path> routes, Set<String> downLinks,
                              Set<String> downNodes, Map<String, Double> measuredLoadBps, long version) {
        boolean[] linkUp = new boolean[topology.linkCount()];
        Arrays.fill(linkUp, true);
        for (String id : downLinks) {
            linkUp[topology.indexOfLink(id)] = false;
        }
        boolean[] nodeUp = new boolean[topology.nodeCount()];
        Arrays.fill(nodeUp, true);
        for (String id : downNodes) {
            nodeUp[topology.indexOfNode(id)] = false;
        }
        double[] measured = null;
        if (!measuredLoadBps.isEmpty()) {
            measured = new double[topology.linkCount()];
            Arrays.fill(measured, Double.NaN);
            for (Map.Entry<String, Double> e : measuredLoadBps.entrySet()) {
                measured[topology.indexOfLink(e.getKey())] = e.getValue();
            }
        }
        return simulate(topology, flows, linkIndices(topology, flows, routes), linkUp, nodeUp, measured, version);
    }

    /**
     * Simulates on dense arrays.
     *
     * @param flowLinks    link indices per flow (null = no route)
     * @param linkUp       per link, false when down
     * @param nodeUp       per node, false when down (its links count as down)
     * @param measuredLoad per link measured load in bit/s, NaN where none; may be null
     */
    public TwinState simulate(Topology topology, List<Flow> flows, int[][] flowLinks, boolean[] linkUp, boolean[] nodeUp,
                              double[] measuredLoad, long version) {
        int nl = topology.linkCount();
        int nf = flows.size();
        List<Link> links = topology.links();
        boolean[] usable = new boolean[nl];
        double[] capacity = new double[nl];
        for (int l = 0; l < nl; l++) {
            Link link = links.get(l);
            usable[l] = linkUp[l] && nodeUp[topology.indexOfNode(link.source())] && nodeUp[topology.indexOfNode(link.target())];
            capacity[l] = usable[l] ? link.capacityBps() : 0;
        }
        double[] demand = new double[nf];
        int[] priority = new int[nf];
        int[][] live = new int[nf][];
        for (int f = 0; f < nf; f++) {
            Flow flow = flows.get(f);
            demand[f] = flow.bandwidthBps();
            priority[f] = flow.priority();
            int[] route = flowLinks[f];
            if (route != null && allUsable(route, usable)) {
                live[f] = route;
            }
        }
        double[] rate = MaxMinAllocator.allocate(live, demand, priority, capacity);

        int[] classes = Arrays.stream(priority).distinct().sorted().toArray();
        int nc = Math.max(1, classes.length);
        int[] classOf = new int[nf];
        for (int f = 0; f < nf; f++) {
            // Class slot 0 is the highest priority.
            classOf[f] = nc - 1 - Arrays.binarySearch(classes, priority[f]);
        }
        double[] offered = new double[nl];
        double[] carried = new double[nl];
        double[] carriedByClass = new double[nl * nc];
        for (int f = 0; f < nf; f++) {
            if (live[f] == null) {
                continue;
            }
            for (int l : live[f]) {
                offered[l] += demand[f];
                carried[l] += rate[f];
                carriedByClass[l * nc + classOf[f]] += rate[f];
            }
        }
        boolean[] isMeasured = new boolean[nl];
        if (measuredLoad != null) {
            for (int l = 0; l < nl; l++) {
                if (!Double.isNaN(measuredLoad[l]) && usable[l]) {
                    isMeasured[l] = true;
                    offered[l] = measuredLoad[l];
                    carried[l] = Math.min(measuredLoad[l], capacity[l]);
                }
            }
        }
        // Per link and class: sojourn (s) and loss at the cumulative carried load of classes >= c.
        double[] sojourn = new double[nl * nc];
        double[] loss = new double[nl * nc];
        List<LinkState> linkStates = new ArrayList<>(nl);
        double maxUtil = 0;
        String maxLink = null;
        double sumUtil = 0;
        int upCount = 0;
        int overloaded = 0;
        for (int l = 0; l < nl; l++) {
            Link link = links.get(l);
            double cap = link.capacityBps();
            double util = usable[l] ? offered[l] / cap : 0;
            double linkRho = usable[l] ? carried[l] / cap : 0;
            double cumulative = 0;
            for (int c = 0; c < nc; c++) {
                cumulative += carriedByClass[l * nc + c];
                double rho = isMeasured[l] ? linkRho : cumulative / cap;
                sojourn[l * nc + c] = queue.sojournSeconds(cap, rho);
                loss[l * nc + c] = queue.loss(rho);
            }
            double linkDelayMs = usable[l] ? queue.sojournSeconds(cap, linkRho) * 1000 : Double.POSITIVE_INFINITY;
            double linkLoss = usable[l] ? queue.loss(linkRho) : 1;
            linkStates.add(new LinkState(link.id(), link.physicalId(), link.source(), link.target(), usable[l], cap,
                    offered[l], carried[l], util, linkDelayMs, linkLoss, isMeasured[l]));
            if (usable[l]) {
                upCount++;
                sumUtil += util;
                if (maxLink == null || util > maxUtil) {
                    maxUtil = util;
                    maxLink = link.id();
                }
                if (util > 1 + 1e-9) {
                    overloaded++;
                }
            }
        }
        List<FlowState> flowStates = new ArrayList<>(nf);
        double offeredTotal = 0;
        double throughputTotal = 0;
        int disconnected = 0;
        int broken = 0;
        double delaySum = 0;
        int connected = 0;
        for (int f = 0; f < nf; f++) {
            Flow flow = flows.get(f);
            offeredTotal += demand[f];
            FlowState fs;
            if (live[f] == null) {
                disconnected++;
                fs = new FlowState(flow.id(), flow.source(), flow.destination(), flow.priority(), demand[f], 0,
                        Double.POSITIVE_INFINITY, 0, 1, flow.maxDelayMs(), List.of());
            } else {
                double delay = 0;
                double var = 0;
                double delivered = 1;
                List<String> ids = new ArrayList<>(live[f].length);
                for (int l : live[f]) {
                    Link link = links.get(l);
                    double w = sojourn[l * nc + classOf[f]];
                    delay += link.propagationDelayMs() / 1000 + w;
                    var += w * w;
                    delivered *= 1 - loss[l * nc + classOf[f]];
                    ids.add(link.id());
                }
                double throughput = rate[f] * delivered;
                fs = new FlowState(flow.id(), flow.source(), flow.destination(), flow.priority(), demand[f], throughput,
                        delay * 1000, Math.sqrt(var) * 1000, demand[f] > 0 ? 1 - throughput / demand[f] : 0,
                        flow.maxDelayMs(), ids);
                connected++;
                delaySum += fs.delayMs();
            }
            throughputTotal += fs.throughputBps();
            if (fs.delayBoundBroken()) {
                broken++;
            }
            flowStates.add(fs);
        }
        List<NodeState> nodeStates = new ArrayList<>(topology.nodeCount());
        for (int v = 0; v < topology.nodeCount(); v++) {
            double load = 0;
            double util = 0;
            double delay = 0;
            for (int l : topology.outLinkIndices(v)) {
                LinkState ls = linkStates.get(l);
                if (ls.up()) {
                    load += ls.offeredBps();
                    util = Math.max(util, ls.utilisation());
                    delay = Math.max(delay, ls.delayMs());
                }
            }
            nodeStates.add(new NodeState(topology.nodes().get(v).id(), nodeUp[v], load, util, delay));
        }
        Kpis kpis = new Kpis(maxUtil, maxLink, upCount == 0 ? 0 : sumUtil / upCount, offeredTotal, throughputTotal,
                Math.max(0, offeredTotal - throughputTotal), disconnected, broken, overloaded,
                connected == 0 ? 0 : delaySum / connected);
        return new TwinState(version, linkStates, nodeStates, flowStates, kpis);
    }

    private static boolean allUsable(int[] route, boolean[] usable) {
        for (int l : route) {
            if (!usable[l]) {
                return false;
            }
        }
        return true;
    }
}
