package io.thalamus.twin.scenario;

import java.util.List;

/**
 * How a what-if changed one flow.
 *
 * @param flowId                flow id
 * @param priority              its priority class
 * @param disconnected          it had a route before and has none after
 * @param delayBoundBroken      its delay met its bound before and not after
 * @param bandwidthLostBps      growth of its shortfall (demand minus throughput); 0 when it did not lose
 * @param rerouted              its path changed
 * @param throughputBeforeBps   throughput before
 * @param throughputAfterBps    throughput after
 * @param delayBeforeMs         end-to-end delay before
 * @param delayAfterMs          end-to-end delay after (infinite when disconnected)
 * @param pathBefore            link ids before
 * @param pathAfter             link ids after (empty when disconnected)
 */
public record FlowImpact(String flowId, int priority, boolean disconnected, boolean delayBoundBroken,
                         double bandwidthLostBps, boolean rerouted, double throughputBeforeBps, double throughputAfterBps,
                         double delayBeforeMs, double delayAfterMs, List<String> pathBefore, List<String> pathAfter) {

    public FlowImpact {
        pathBefore = List.copyOf(pathBefore);
        pathAfter = List.copyOf(pathAfter);
    }

    /** Severity rank: 3 disconnected, 2 delay bound broken, 1 bandwidth lost, 0 only rerouted or slower. */
    public int severity() {
        if (disconnected) {
            return 3;
        }
        if (delayBoundBroken) {
            return 2;
        }
        return bandwidthLostBps > 0 ? 1 : 0;
    }

    /** A one-word label of the severity. */
    public String kind() {
        return switch (severity()) {
            case 3 -> "disconnected";
            case 2 -> "delay-bound-broken";
            case 1 -> "bandwidth-lost";
            default -> "rerouted";
        };
    }
}
