package io.thalamus.telemetry.opcua;

/** Browse names of the element simulator's variables, shared by the simulator and the collector. */
public final class OpcUaNames {

    /** Per-element counter, +1 at every step of the simulator. */
    public static final String SEQUENCE = "Sequence";
    /** Per-interface offered load, bit/s. */
    public static final String LOAD = "LoadBps";
    /** Per-interface load / capacity. */
    public static final String UTILIZATION = "Utilization";
    /** Per-interface octet counter (load integrated over time, wraps never). */
    public static final String OUT_OCTETS = "OutOctets";
    /** Path of the simulator's endpoint. */
    public static final String PATH = "/thalamus";

    private OpcUaNames() {
    }
}
