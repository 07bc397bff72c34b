package io.thalamus.sdnrouter.admission;

/** Carried bandwidth on one directed link after admission. */
public record LinkLoad(String linkId, double loadBps, double capacityBps) {

    /** Load divided by capacity. */
    public double utilisation() {
        return loadBps / capacityBps;
    }
}
