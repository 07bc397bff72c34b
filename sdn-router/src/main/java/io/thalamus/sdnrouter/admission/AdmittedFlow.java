package io.thalamus.sdnrouter.admission;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;

import java.util.Objects;

/** A flow together with the path it is (or is to be) routed on. */
public record AdmittedFlow(Flow flow, Path path) {

    public AdmittedFlow {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(path, "path");
    }
}
