package io.thalamus.sdnrouter.routing;

/**
 * The per-packet fields a recovery mode writes into the packet header as it travels (GPSR-style
 * perimeter routing, see {@link PerimeterPolicy}): the mode, where perimeter mode was entered
 * (L<sub>p</sub>), the point on the segment L<sub>p</sub>→t where the current face was entered
 * (L<sub>f</sub>), and the first edge taken on that face (e<sub>0</sub>). One header belongs to one
 * packet; {@link PacketWalker} clears it at the start of each walk.
 */
public final class PacketHeader {

    /** Whether the packet is in perimeter (face-routing) mode. */
    boolean perimeter;
    /** Position where perimeter mode was entered. */
    double lpX;
    double lpY;
    /** Distance from that position to the destination. */
    double lpDistance;
    /** Point where the current face was entered. */
    double lfX;
    double lfY;
    /** Whether the face is walked by the left-hand rule (clockwise sweeps) instead of the right-hand rule. */
    boolean clockwise;
    /** First edge traversed on the current face (node indices), -1 when none. */
    int e0From = -1;
    int e0To = -1;

    /** Back to the state of a fresh packet. */
    public void clear() {
        perimeter = false;
        clockwise = false;
        lpX = lpY = lpDistance = lfX = lfY = 0;
        e0From = -1;
        e0To = -1;
    }

    /** Whether the packet is currently in perimeter mode. */
    public boolean inPerimeterMode() {
        return perimeter;
    }
}
