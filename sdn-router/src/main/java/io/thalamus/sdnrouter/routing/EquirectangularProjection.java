package io.thalamus.sdnrouter.routing;

import io.thalamus.network.topology.GeoPoint;

import java.util.Collection;

/**
 * A local planar projection for geographic policies on latitude/longitude graphs: equirectangular
 * around the centroid of the points, in kilometres. x grows east, y north; distances are close to
 * great-circle ones for networks a few thousand kilometres across.
 *
 * @param latitude0  latitude of the centre in degrees
 * @param longitude0 longitude of the centre in degrees (circular mean, so graphs across ±180° work)
 */
public record EquirectangularProjection(double latitude0, double longitude0) {

    /** The projection centred on the centroid of the given points. */
    public static EquirectangularProjection around(Collection<GeoPoint> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a projection needs at least one point");
        }
        double lat = 0;
        double sin = 0;
        double cos = 0;
        for (GeoPoint p : points) {
            lat += p.latitude();
            sin += Math.sin(Math.toRadians(p.longitude()));
            cos += Math.cos(Math.toRadians(p.longitude()));
        }
        double lon = (sin == 0 && cos == 0) ? 0 : Math.toDegrees(Math.atan2(sin, cos));
        return new EquirectangularProjection(lat / points.size(), lon);
    }

    /** x (east) in km from the centre. */
    public double x(GeoPoint p) {
        double dLon = p.longitude() - longitude0;
        dLon = dLon - 360.0 * Math.rint(dLon / 360.0);
        return GeoPoint.EARTH_RADIUS_KM * Math.toRadians(dLon) * Math.cos(Math.toRadians(latitude0));
    }

    /** y (north) in km from the centre. */
    public double y(GeoPoint p) {
        return GeoPoint.EARTH_RADIUS_KM * Math.toRadians(p.latitude() - latitude0);
    }
}
