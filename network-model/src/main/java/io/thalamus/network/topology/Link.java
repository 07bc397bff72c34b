package io.thalamus.network.topology;

import java.util.Objects;
import java.util.Set;

/**
 * A directed link. An undirected link of an input file becomes two directed links that share
 * {@code physicalId} (the id the file gave it), so a cut of the cable takes both down.
 *
 * @param id                  unique id of this direction
 * @param physicalId          id of the cable in the source file
 * @param source              id of the tail node
 * @param target              id of the head node
 * @param capacityBps         capacity in bit/s, strictly positive
 * @param propagationDelayMs  one-way propagation delay in milliseconds, non-negative
 * @param weight              IGP weight (metric), strictly positive
 * @param srlgs               shared-risk link groups this link belongs to
 */
public record Link(String id, String physicalId, String source, String target,
                   double capacityBps, double propagationDelayMs, double weight, Set<String> srlgs) {

    public Link {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        physicalId = physicalId == null ? id : physicalId;
        if (!(capacityBps > 0) || Double.isInfinite(capacityBps)) {
            throw new IllegalArgumentException("link " + id + ": capacityBps must be a positive finite number, got " + capacityBps);
        }
        if (!(propagationDelayMs >= 0) || Double.isInfinite(propagationDelayMs)) {
            throw new IllegalArgumentException("link " + id + ": propagationDelayMs must be >= 0, got " + propagationDelayMs);
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("link " + id + ": weight must be a positive finite number, got " + weight);
        }
        srlgs = srlgs == null ? Set.of() : Set.copyOf(srlgs);
    }

    /** This link with another capacity. */
    public Link withCapacity(double newCapacityBps) {
        return new Link(id, physicalId, source, target, newCapacityBps, propagationDelayMs, weight, srlgs);
    }

    /** This link with another IGP weight. */
    public Link withWeight(double newWeight) {
        return new Link(id, physicalId, source, target, capacityBps, propagationDelayMs, newWeight, srlgs);
    }
}
