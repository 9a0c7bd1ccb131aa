package babysitter.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * Reduces the visible part of a series to a polyline of at most four vertices per pixel column
 * (the first, lowest, highest and last point of the column, in the order they occur), so that a
 * million points are stroked as a few thousand segments and no spike is lost: every column keeps
 * its extremes, and consecutive columns are joined. Needs no toolkit.
 *
 * <p>Cost: two binary searches plus one pass over the visible points; output ≤ 4 × width vertices,
 * plus the one point on each side just outside the range, so that the line reaches the edges
 * when zoomed. Series with fewer than two points per column are returned point by point.
 */
public final class Decimator {
    /** Below this many points per pixel column a series is drawn as a plain polyline. */
    static final double PLAIN_POINTS_PER_COLUMN = 2.0;

    private Decimator() {
    }

    /** The vertices to stroke: x in pixel columns from the left of the plot, y in data units. */
    public static final class Polyline {
        private double[] xs = new double[256];
        private double[] ys = new double[256];
        private int size;

        public int size() {
            return size;
        }

        /** x of vertex i in pixels from the left edge of the plot (fractional; may lie outside 0..width). */
        public double x(int i) {
            return xs[Objects.checkIndex(i, size)];
        }

        /** y of vertex i in data units (the series' own y, not transformed). */
        public double y(int i) {
            return ys[Objects.checkIndex(i, size)];
        }

        public void clear() {
            size = 0;
        }

        void add(double x, double y) {
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
            }
            xs[size] = x;
            ys[size] = y;
            size++;
        }
    }

    /** The first index whose x is ≥ {@code x} ({@code size} if none). */
    public static int lowerBound(SeriesBuffer data, double x) {
        double[] xs = data.xs;
        int lo = 0;
        int hi = data.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose x is &gt; {@code x} ({@code size} if none). */
    public static int upperBound(SeriesBuffer data, double x) {
        double[] xs = data.xs;
        int lo = 0;
        int hi = data.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the point whose x is nearest to {@code x} (the earlier one on a tie), or -1 if empty. */
    public static int nearest(SeriesBuffer data, double x) {
        if (data.size == 0) {
            return -1;
        }
        int i = lowerBound(data, x);
        if (i == data.size) {
            return data.size - 1;
        }
        if (i == 0) {
            return 0;
        }
        return x - data.xs[i - 1] <= data.xs[i] - x ? i - 1 : i;
    }

    /**
     * Fills {@code out} with the vertices that draw {@code data} between {@code xMin} and
     * {@code xMax} across {@code width} pixel columns.
     *
     * @param positiveOnly skip y ≤ 0 (for a log scale); non-finite y are always skipped
     */
    public static void decimate(SeriesBuffer data, double xMin, double xMax, int width, boolean positiveOnly,
            Polyline out) {
        if (!(xMax > xMin) || width < 1) {
            throw new IllegalArgumentException("need xMin < xMax and width >= 1, got xMin = " + xMin
                    + ", xMax = " + xMax + ", width = " + width);
        }
        out.clear();
        int lo = lowerBound(data, xMin);
        int hi = upperBound(data, xMax);
        int from = Math.max(0, lo - 1);
        int to = Math.min(data.size, hi + 1);
        double scale = width / (xMax - xMin);
        double[] xs = data.xs;
        double[] ys = data.ys;
        if (to - from < PLAIN_POINTS_PER_COLUMN * width) {
            for (int i = from; i < to; i++) {
                if (drawable(ys[i], positiveOnly)) {
                    out.add((xs[i] - xMin) * scale, ys[i]);
                }
            }
            return;
        }
        // the neighbour just left of the range, on its own
        for (int i = lo - 1; i >= from; i--) {
            if (drawable(ys[i], positiveOnly)) {
                out.add((xs[i] - xMin) * scale, ys[i]);
            }
        }
        int column = -1;
        int first = -1;
        int last = -1;
        int low = -1;
        int high = -1;
        double lowY = 0;
        double highY = 0;
        int lastColumn = width - 1;
        for (int i = lo; i < hi; i++) {
            double y = ys[i];
            if (!drawable(y, positiveOnly)) {
                continue;
            }
            int c = (int) ((xs[i] - xMin) * scale);
            if (c > lastColumn) {
                c = lastColumn; // x == xMax lands on the right edge
            }
            if (c != column) {
                if (first >= 0) {
                    flush(xs, ys, xMin, scale, first, low, high, last, out);
                }
                column = c;
                first = last = low = high = i;
                lowY = highY = y;
            } else {
                last = i;
                if (y < lowY) {
                    lowY = y;
                    low = i;
                } else if (y > highY) {
                    highY = y;
                    high = i;
                }
            }
        }
        if (first >= 0) {
            flush(xs, ys, xMin, scale, first, low, high, last, out);
        }
        // the neighbour just right of the range
        for (int i = hi; i < to; i++) {
            if (drawable(ys[i], positiveOnly)) {
                out.add((xs[i] - xMin) * scale, ys[i]);
            }
        }
    }

    private static boolean drawable(double y, boolean positiveOnly) {
        return positiveOnly ? y > 0 && y < Double.POSITIVE_INFINITY : Double.isFinite(y);
    }

    /** Emits a column's first, extreme and last points in index order, each once. */
    private static void flush(double[] xs, double[] ys, double xMin, double scale, int first, int low, int high,
            int last, Polyline out) {
        int a = Math.min(low, high);
        int b = Math.max(low, high);
        out.add((xs[first] - xMin) * scale, ys[first]);
        if (a != first) {
            out.add((xs[a] - xMin) * scale, ys[a]);
        }
        if (b != a && b != first) {
            out.add((xs[b] - xMin) * scale, ys[b]);
        }
        if (last != b && last != first) {
            out.add((xs[last] - xMin) * scale, ys[last]);
        }
    }
}
