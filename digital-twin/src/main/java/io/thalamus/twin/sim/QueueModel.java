package io.thalamus.twin.sim;

/**
 * The per-link queueing model of the twin: an M/M/1/K queue (Poisson arrivals, exponential packet
 * lengths of mean {@code packetSizeBits}, one server at the link rate, room for {@code bufferPackets}
 * waiting packets, so K = bufferPackets + 1 in the system).
 *
 * <p>With ρ = λ/μ, μ = capacity / packetSize:
 * <ul>
 *   <li>blocking (loss) P_K = (1-ρ) ρ^K / (1-ρ^(K+1)), or 1/(K+1) at ρ = 1;</li>
 *   <li>mean number in system L = ρ/(1-ρ) − (K+1) ρ^(K+1) / (1-ρ^(K+1)), or K/2 at ρ = 1;</li>
 *   <li>mean sojourn (Little) W = L / (λ (1-P_K)); transmission 1/μ; queueing W − 1/μ.</li>
 * </ul>
 * For ρ &gt; 1 the same formulas are evaluated with r = 1/ρ so nothing overflows.
 *
 * @param packetSizeBits mean packet size in bits (default 12,000 = 1,500 bytes)
 * @param bufferPackets  waiting room in packets (default 100)
 */
public record QueueModel(double packetSizeBits, int bufferPackets) {

    /** 1,500-byte packets and a 100-packet buffer. */
    public static final QueueModel DEFAULT = new QueueModel(12_000, 100);

    public QueueModel {
        if (!(packetSizeBits > 0) || Double.isInfinite(packetSizeBits)) {
            throw new IllegalArgumentException("packetSizeBits must be a positive finite number, got " + packetSizeBits);
        }
        if (bufferPackets < 0) {
            throw new IllegalArgumentException("bufferPackets must be >= 0, got " + bufferPackets);
        }
    }

    /** Packets in the system at most (the K of M/M/1/K). */
    public int systemCapacity() {
        return bufferPackets + 1;
    }

    /** Transmission time of a mean packet on a link of this capacity, in seconds. */
    public double transmissionSeconds(double capacityBps) {
        return packetSizeBits / capacityBps;
    }

    /** Loss probability P_K at offered utilisation ρ. */
    public double loss(double rho) {
        if (!(rho > 0)) {
            return 0;
        }
        int k = systemCapacity();
        if (Math.abs(rho - 1) < 1e-6) {
            return 1.0 / (k + 1);
        }
        if (rho < 1) {
            double rk = Math.pow(rho, k);
            return (1 - rho) * rk / (1 - rk * rho);
        }
        double r = 1 / rho;
        return (rho - 1) / rho / (1 - Math.pow(r, k + 1));
    }

    /** Mean number of packets in the system L at utilisation ρ. */
    public double meanInSystem(double rho) {
        if (!(rho > 0)) {
            return 0;
        }
        int k = systemCapacity();
        if (Math.abs(rho - 1) < 1e-6) {
            return k / 2.0;
        }
        if (rho < 1) {
            double rk1 = Math.pow(rho, k + 1);
            return rho / (1 - rho) - (k + 1) * rk1 / (1 - rk1);
        }
        double r = 1 / rho;
        return rho / (1 - rho) + (k + 1) / (1 - Math.pow(r, k + 1));
    }

    /** Mean sojourn time (waiting + transmission) in seconds at utilisation ρ on a link of this capacity. */
    public double sojournSeconds(double capacityBps, double rho) {
        double service = transmissionSeconds(capacityBps);
        if (!(rho > 1e-12)) {
            return service;
        }
        double mu = 1 / service;
        double accepted = rho * mu * (1 - loss(rho));
        return Math.max(service, meanInSystem(rho) / accepted);
    }
}
