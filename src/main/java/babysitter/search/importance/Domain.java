package babysitter.search.importance;

import java.util.Arrays;

/**
 * The values one parameter can take, in unit coordinates of its axis, with the measure the
 * decomposition integrates over: the whole interval [0, 1] evenly for a continuous scale, or each
 * of a discrete scale's values (its bin centres) with the same weight.
 *
 * @param points the bin centres of a discrete scale (ascending), or null for [0, 1]
 */
record Domain(double[] points) {
    static final Domain CONTINUOUS = new Domain(null);

    Domain {
        points = points == null ? null : points.clone();
    }

    static Domain discrete(int count) {
        double[] p = new double[count];
        for (int i = 0; i < count; i++) {
            p[i] = (i + 0.5) / count;
        }
        return new Domain(p);
    }

    /** The share of the measure in (lo, hi] (lo may be −∞, hi +∞). */
    double mass(double lo, double hi) {
        if (points == null) {
            return Math.max(0, Math.min(1, hi) - Math.max(0, lo));
        }
        int n = 0;
        for (double p : points) {
            if (p > lo && p <= hi) {
                n++;
            }
        }
        return n / (double) points.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Domain d && Arrays.equals(points, d.points);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(points);
    }

    @Override
    public String toString() {
        return points == null ? "[0, 1]" : Arrays.toString(points);
    }
}
