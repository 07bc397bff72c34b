package io.thalamus.onos;

import java.util.List;

/** The app's view of Thalamus: where it reports ONOS's topology and where it fetches decisions from. */
public interface ThalamusClient {

    /**
     * Reports ONOS's topology.
     *
     * @param devices available device ids
     * @param links   directed links as {@code src/port-dst/port} strings
     */
    void reportTopology(List<String> devices, List<String> links);

    /** The rules Thalamus wants installed now (admitted paths and forwarding tables). */
    List<PathDecision> decisions();
}
