package io.thalamus.models.anomaly;

import java.util.Arrays;

/**
 * A learned normal-behaviour profile in the spirit of the NFV malfunction detector (Ahrens et al.): from the
 * normal prefix it learns, per phase bucket of the season, the median level and a robust scale (1.4826·MAD of
 * that bucket's points), then a threshold = max(k, margin × the largest |z| seen in normal operation, capped at
 * 3k). Later points whose |z| against their bucket's profile exceeds the threshold are malfunctions.
 */
public final class BehaviourProfileDetector implements AnomalyDetector {

    private final int buckets;
    private final double minThreshold;
    private final double margin;

    /**
     * @param buckets      phase buckets per season (>= 1; capped by the period)
     * @param minThreshold k, the least threshold in robust σ units (> 0)
     * @param margin       multiplier on the largest normal |z| (>= 1)
     */
    public BehaviourProfileDetector(int buckets, double minThreshold, double margin) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets: must be >= 1, got " + buckets);
        }
        if (!(minThreshold > 0)) {
            throw new IllegalArgumentException("minThreshold: must be > 0, got " + minThreshold);
        }
        if (!(margin >= 1)) {
            throw new IllegalArgumentException("margin: must be >= 1, got " + margin);
        }
        this.buckets = buckets;
        this.minThreshold = minThreshold;
        this.margin = margin;
    }

    /** The learned profile: per-bucket median and scale, and the flagging threshold. */
    public record Profile(int period, int buckets, double[] level, double[] scale, double threshold) {
        /** Bucket of time index t. */
        public int bucket(int t) {
            return (int) ((long) (t % period) * buckets / period);
        }

        /** Robust z-score of value y at time t. */
        public double z(int t, double y) {
            int b = bucket(t);
            return Math.abs(y - level[b]) / scale[b];
        }
    }

    /** Learns the profile from {@code series[0..trainLength)}. */
    public Profile learn(double[] series, int period, int trainLength) {
        int b = Math.max(1, Math.min(buckets, period));
        int seasons = trainLength / Math.max(period, 1);
        if (seasons < 2) {
            b = 1;
        }
        double[][] members = new double[b][];
        int[] counts = new int[b];
        Profile shape = new Profile(period, b, null, null, 0);
        for (int t = 0; t < trainLength; t++) {
            counts[shape.bucket(t)]++;
        }
        for (int i = 0; i < b; i++) {
            members[i] = new double[counts[i]];
        }
        Arrays.fill(counts, 0);
        for (int t = 0; t < trainLength; t++) {
            int k = shape.bucket(t);
            members[k][counts[k]++] = series[t];
        }
        double[] level = new double[b];
        double[] scale = new double[b];
        double globalMed = RobustStatistics.median(series, 0, trainLength);
        double globalScale = RobustStatistics.MAD_TO_SIGMA * RobustStatistics.mad(series, 0, trainLength, globalMed);
        double floor = Math.max(1e-9 * Math.max(Math.abs(globalMed), 1e-9), 0.05 * globalScale);
        for (int i = 0; i < b; i++) {
            level[i] = RobustStatistics.median(members[i], 0, members[i].length);
            scale[i] = Math.max(floor, RobustStatistics.MAD_TO_SIGMA
                    * RobustStatistics.mad(members[i], 0, members[i].length, level[i]));
        }
        Profile p = new Profile(period, b, level, scale, 0);
        double maxZ = 0;
        for (int t = 0; t < trainLength; t++) {
            maxZ = Math.max(maxZ, p.z(t, series[t]));
        }
        double threshold = Math.max(minThreshold, Math.min(3 * minThreshold, margin * maxZ));
        return new Profile(period, b, level, scale, threshold);
    }

    @Override
    public boolean[] detect(double[] series, int period, int trainLength) {
        AnomalyDetector.checkArguments(series, period, trainLength);
        Profile p = learn(series, period, trainLength);
        boolean[] flags = new boolean[series.length];
        for (int t = trainLength; t < series.length; t++) {
            flags[t] = p.z(t, series[t]) > p.threshold();
        }
        return flags;
    }
}
