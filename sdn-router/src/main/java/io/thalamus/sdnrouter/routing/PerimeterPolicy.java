package io.thalamus.sdnrouter.routing;

/**
 * A policy with a GPSR-style perimeter (face-routing) recovery: it follows its base policy until
 * the base is stuck, then routes around the void on the planar Gabriel subgraph of the neighbour
 * tables ({@link RoutingGraph#gabriel}) by the right-hand rule, changing face where an edge crosses
 * the segment from the recovery's start L<sub>p</sub> to the destination closer to the destination
 * than the current face's entry point, and hands the packet back to the base policy at the first
 * node closer to the destination than L<sub>p</sub> (Karp and Kung's GPSR). Everything it reads is
 * local: positions of the node and its neighbours, the neighbours' tables (for the Gabriel test),
 * and header fields ({@link PacketHeader}). On a connected unit-disk graph it delivers every packet;
 * recovered paths follow faces instead of retracing the way back as {@link BacktrackingPolicy} does.
 */
public final class PerimeterPolicy implements RoutingPolicy {

    /** When the packet switches to perimeter mode. */
    public enum Trigger {
        /** When the base policy has no neighbour left to choose. */
        DEAD_END,
        /** Also when no unvisited neighbour is closer to the destination than the current node (GPSR's greedy failure). */
        NO_PROGRESS
    }

    private final RoutingPolicy base;
    private final Trigger trigger;

    public PerimeterPolicy(RoutingPolicy base, Trigger trigger) {
        this.base = base;
        this.trigger = trigger;
    }

    /** The policy followed outside perimeter mode. */
    public RoutingPolicy base() {
        return base;
    }

    public Trigger trigger() {
        return trigger;
    }

    @Override
    public String name() {
        return base.name() + (trigger == Trigger.DEAD_END ? "+perimeter" : "+perimeter-np");
    }

    @Override
    public boolean geographic() {
        return true;
    }

    @Override
    public RoutingPolicy on(RoutingGraph graph) {
        graph.requirePositions(name());
        RoutingPolicy bound = base.on(graph);
        return bound == base ? this : new PerimeterPolicy(bound, trigger);
    }

    @Override
    public int choose(LocalView view) {
        int toDestination = view.destinationSlot();
        if (toDestination >= 0) {
            return toDestination;
        }
        PacketHeader h = view.header();
        if (h.perimeter) {
            if (view.currentToDestination() < h.lpDistance) {
                h.perimeter = false;
            } else {
                return perimeterStep(view, h);
            }
        }
        if (trigger == Trigger.NO_PROGRESS && !hasUnvisitedProgress(view)) {
            return enter(view, h);
        }
        int slot = base.choose(view);
        return slot >= 0 ? slot : enter(view, h);
    }

    private static boolean hasUnvisitedProgress(LocalView view) {
        double here = view.currentToDestination();
        for (int slot = 0; slot < view.neighbourCount(); slot++) {
            if (!view.visited(slot) && view.neighbourToDestination(slot) < here) {
                return true;
            }
        }
        return false;
    }

    /** Perimeter mode starts here: L<sub>p</sub> = L<sub>f</sub> = this node; first edge counterclockwise from the line to t. */
    private static int enter(LocalView view, PacketHeader h) {
        h.perimeter = true;
        h.lpX = view.currentX();
        h.lpY = view.currentY();
        h.lpDistance = view.currentToDestination();
        h.lfX = h.lpX;
        h.lfY = h.lpY;
        double bearing = Math.atan2(view.destinationY() - view.currentY(), view.destinationX() - view.currentX());
        int ccw = nextAround(view, bearing, false);
        if (ccw < 0) {
            return -1;
        }
        int cw = nextAround(view, bearing, true);
        // walk the face on the side where the first edge turns least away from the destination
        h.clockwise = turn(view, cw, bearing, true) < turn(view, ccw, bearing, false);
        int slot = h.clockwise ? cw : ccw;
        h.e0From = view.current();
        h.e0To = view.neighbour(slot);
        return slot;
    }

    /** Right-hand rule from the edge the packet came in on, with GPSR's face changes. */
    private static int perimeterStep(LocalView view, PacketHeader h) {
        int previous = view.previous();
        RoutingGraph g = view.graph();
        double bearing = previous < 0
                ? Math.atan2(view.destinationY() - view.currentY(), view.destinationX() - view.currentX())
                : Math.atan2(g.y(previous) - view.currentY(), g.x(previous) - view.currentX());
        int slot = nextAround(view, bearing, h.clockwise);
        if (slot < 0) {
            return -1;
        }
        boolean changed = false;
        double tx = view.destinationX();
        double ty = view.destinationY();
        for (int guard = 0; guard < view.neighbourCount(); guard++) {
            double[] cross = crossing(view.currentX(), view.currentY(), view.neighbourX(slot), view.neighbourY(slot),
                    h.lpX, h.lpY, tx, ty);
            if (cross == null || !(RoutingGraph.planarDistance(cross[0], cross[1], tx, ty)
                    < RoutingGraph.planarDistance(h.lfX, h.lfY, tx, ty) - 1e-9 * view.range())) {
                break;
            }
            h.lfX = cross[0];
            h.lfY = cross[1];
            slot = nextAround(view, Math.atan2(view.neighbourY(slot) - view.currentY(),
                    view.neighbourX(slot) - view.currentX()), h.clockwise);
            changed = true;
        }
        int next = view.neighbour(slot);
        if (changed) {
            h.e0From = view.current();
            h.e0To = next;
        } else if (h.e0From == view.current() && h.e0To == next) {
            return -1; // the whole face went round without getting closer: t is not reachable on this subgraph
        }
        return slot;
    }

    /**
     * The Gabriel neighbour first met sweeping from {@code bearing}, counterclockwise (right-hand
     * rule) or clockwise (left-hand rule); the neighbour lying exactly on the bearing comes last. -1
     * when the node has no Gabriel neighbour.
     */
    static int nextAround(LocalView view, double bearing, boolean clockwise) {
        RoutingGraph g = view.graph();
        int v = view.current();
        int best = -1;
        double bestAngle = Double.POSITIVE_INFINITY;
        for (int slot = 0; slot < view.neighbourCount(); slot++) {
            if (!g.gabriel(v, slot)) {
                continue;
            }
            double angle = turn(view, slot, bearing, clockwise);
            if (angle < bestAngle) {
                bestAngle = angle;
                best = slot;
            }
        }
        return best;
    }

    /** The angle in (0, 2π] swept from {@code bearing} to the neighbour in {@code slot}, in the given sense. */
    private static double turn(LocalView view, int slot, double bearing, boolean clockwise) {
        double angle = Math.atan2(view.neighbourY(slot) - view.currentY(), view.neighbourX(slot) - view.currentX()) - bearing;
        if (clockwise) {
            angle = -angle;
        }
        while (angle <= 0) {
            angle += 2 * Math.PI;
        }
        while (angle > 2 * Math.PI) {
            angle -= 2 * Math.PI;
        }
        return angle;
    }

    /** Where segment a-b crosses segment c-d (both ends included), or null when they do not or are parallel. */
    static double[] crossing(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy) {
        double rx = bx - ax;
        double ry = by - ay;
        double sx = dx - cx;
        double sy = dy - cy;
        double denom = rx * sy - ry * sx;
        if (denom == 0) {
            return null;
        }
        double qx = cx - ax;
        double qy = cy - ay;
        double t = (qx * sy - qy * sx) / denom;
        double u = (qx * ry - qy * rx) / denom;
        if (t < 0 || t > 1 || u < 0 || u > 1) {
            return null;
        }
        return new double[] {ax + t * rx, ay + t * ry};
    }
}
