package io.thalamus.twin.replay;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * Per-link utilisation over a replayed traffic series.
 *
 * @param linkIds        column order of {@link #utilisation}
 * @param times          one timestamp per interval
 * @param utilisation    [interval][link] offered load / capacity
 * @param threshold      the utilisation above which an interval is flagged
 * @param flagged        intervals where some link exceeded the threshold, in time order
 * @param pairsRouted    origin-destination pairs of the series that were routed
 * @param pairsSkipped   pairs skipped (a node not in the topology, or no path)
 * @param missingCells   matrix cells that were missing (NaN) and counted as zero
 * @param elapsedNanos   time of the replay itself (routing once plus stepping every interval)
 */
public record ReplayResult(List<String> linkIds, List<Instant> times, double[][] utilisation, double threshold,
                           List<Flag> flagged, int pairsRouted, int pairsSkipped, long missingCells, long elapsedNanos) {

    /**
     * One flagged interval.
     *
     * @param interval    index of the interval
     * @param time        its timestamp
     * @param worstLink   the most utilised link
     * @param utilisation that link's utilisation
     * @param linksAbove  how many links exceeded the threshold
     */
    public record Flag(int interval, Instant time, String worstLink, double utilisation, int linksAbove) {
    }

    public ReplayResult {
        linkIds = List.copyOf(linkIds);
        times = List.copyOf(times);
        flagged = List.copyOf(flagged);
    }

    /** Intervals replayed per second of {@link #elapsedNanos}. */
    public double intervalsPerSecond() {
        return elapsedNanos == 0 ? Double.POSITIVE_INFINITY : times.size() / (elapsedNanos / 1e9);
    }

    /** Highest utilisation of each interval. */
    public double[] maxUtilisation() {
        double[] m = new double[utilisation.length];
        for (int i = 0; i < m.length; i++) {
            for (double u : utilisation[i]) {
                m[i] = Math.max(m[i], u);
            }
        }
        return m;
    }

    /** Writes {@code time,<link ids...>,max,flag} with one row per interval. */
    public void writeCsv(Writer out) throws IOException {
        StringBuilder sb = new StringBuilder("time");
        for (String id : linkIds) {
            sb.append(',').append(id.contains(",") ? '"' + id + '"' : id);
        }
        sb.append(",max,flag\n");
        out.write(sb.toString());
        double[] max = maxUtilisation();
        for (int i = 0; i < times.size(); i++) {
            sb.setLength(0);
            sb.append(times.get(i));
            for (double u : utilisation[i]) {
                sb.append(',');
                appendRounded(sb, u);
            }
            sb.append(',');
            appendRounded(sb, max[i]);
            sb.append(',').append(max[i] > threshold ? 1 : 0).append('\n');
            out.write(sb.toString());
        }
    }

    private static void appendRounded(StringBuilder sb, double v) {
        // Six decimals are plenty for a utilisation and keep the file small.
        long scaled = Math.round(v * 1_000_000);
        sb.append(scaled / 1_000_000).append('.');
        String frac = Long.toString(Math.abs(scaled % 1_000_000));
        sb.append("000000", 0, 6 - frac.length()).append(frac);
    }
}
