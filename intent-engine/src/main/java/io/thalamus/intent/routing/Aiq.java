package io.thalamus.intent.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * RouterBench's average improvement in quality (AIQ): a router's (cost, quality) points are replaced by their
 * non-decreasing upper convex hull R(c) (a mixture of two operating points costs and scores the mixture of
 * both; paying more never has to lower quality), and AIQ = ∫ R(c) dc / (c_max - c_min) over the cost range of
 * the single models. Below the router's cheapest point R is 0. The zero router is the same construction over the
 * single models themselves.
 */
public final class Aiq {

    private Aiq() {
    }

    /** A point on the cost-quality plane. */
    public record Point(double cost, double quality) {
    }

    /** AIQ of {@code points} over [cMin, cMax]. */
    public static double aiq(List<Point> points, double cMin, double cMax) {
        if (points.isEmpty()) {
            return 0;
        }
        if (!(cMax > cMin)) {
            return hullAt(hull(points), cMin);
        }
        List<Point> h = hull(points);
        int steps = 2000;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double c = cMin + (cMax - cMin) * i / steps;
            double w = i == 0 || i == steps ? 0.5 : 1;
            sum += w * hullAt(h, c);
        }
        return sum / steps;
    }

    /** The upper convex hull of the points, sorted by cost, cut where quality stops rising. */
    static List<Point> hull(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::cost).thenComparing(Point::quality, Comparator.reverseOrder()));
        List<Point> up = new ArrayList<>();
        for (Point p : sorted) {
            if (!up.isEmpty() && up.get(up.size() - 1).cost() == p.cost()) {
                continue;
            }
            while (up.size() >= 2) {
                Point a = up.get(up.size() - 2);
                Point b = up.get(up.size() - 1);
                double cross = (b.cost() - a.cost()) * (p.quality() - a.quality()) - (b.quality() - a.quality()) * (p.cost() - a.cost());
                if (cross >= 0) {
                    up.remove(up.size() - 1);
                } else {
                    break;
                }
            }
            up.add(p);
        }
        List<Point> out = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (Point p : up) {
            if (p.quality() > best) {
                out.add(p);
                best = p.quality();
            }
        }
        return out;
    }

    static double hullAt(List<Point> h, double c) {
        if (h.isEmpty() || c < h.get(0).cost()) {
            return 0;
        }
        for (int i = 1; i < h.size(); i++) {
            Point a = h.get(i - 1);
            Point b = h.get(i);
            if (c <= b.cost()) {
                return a.quality() + (b.quality() - a.quality()) * (c - a.cost()) / (b.cost() - a.cost());
            }
        }
        return h.get(h.size() - 1).quality();
    }
}
