package io.thalamus.twin.fidelity;

/**
 * One packet-level simulation of the RouteNet / GNN challenge 2020 data set: a network, its per-node
 * scheduling, routing, traffic and the per-path delay, jitter and loss the simulator measured.
 *
 * @param archive        archive the sample came from
 * @param index          line number inside the archive
 * @param graphFile      graph file name
 * @param nodes          number of nodes
 * @param linkSource     per directed link, its tail node
 * @param linkTarget     per directed link, its head node
 * @param capacity       per link, capacity (the data set's bandwidth units, consistent with traffic)
 * @param policy         per node, 0 = FIFO, 1 = SP, 2 = WFQ, 3 = DRR
 * @param weights        per node, the three ToS weights (in percent, as the file gives them)
 * @param queueSize      per node, the queue size in packets (mean of the three ToS queues)
 * @param packetSize     mean packet size in bits (same units as capacity × seconds)
 * @param packetSizeScv  squared coefficient of variation of the packet size (0 = fixed size, 1 = exponential)
 * @param paths          per origin-destination pair with traffic: its links
 * @param bandwidth      per path, offered rate
 * @param tos            per path, type of service 0..2
 * @param delay          per path, measured mean delay in seconds
 * @param jitter         per path, measured delay variance as the simulator reports it
 * @param loss           per path, measured loss ratio (dropped / generated)
 */
public record RouteNetSample(String archive, int index, String graphFile, int nodes, int[] linkSource, int[] linkTarget,
                             double[] capacity, int[] policy, double[][] weights, double[] queueSize, double packetSize,
                             double packetSizeScv,
                             int[][] paths, double[] bandwidth, int[] tos, double[] delay, double[] jitter, double[] loss) {

    /** Scheduling policy codes. */
    public static final int FIFO = 0;
    public static final int SP = 1;
    public static final int WFQ = 2;
    public static final int DRR = 3;

    /** The topology family from the graph file name (nsfnet, geant2, gbn, ...). */
    public String family() {
        String g = graphFile.toLowerCase(java.util.Locale.ROOT);
        for (String f : new String[] {"nsfnet", "geant2", "gbn", "rediris"}) {
            if (g.contains(f)) {
                return f;
            }
        }
        return "other";
    }

    public int pathCount() {
        return paths.length;
    }
}
