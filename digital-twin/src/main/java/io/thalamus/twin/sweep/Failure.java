package io.thalamus.twin.sweep;

import java.util.List;

/**
 * One failure a sweep evaluates.
 *
 * @param kind      what failed
 * @param element   the physical link, node or group id
 * @param linkIds   the directed links it takes down
 * @param nodeId    the failed node for a node failure, else null
 */
public record Failure(FailureKind kind, String element, List<String> linkIds, String nodeId) {

    public Failure {
        linkIds = List.copyOf(linkIds);
    }
}
