package babysitter.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * The points of one chart series in two growable primitive arrays: appending is amortised O(1)
 * and costs no boxing, so a series can hold millions of points.
 *
 * <p>x values are finite and appended in non-decreasing order (a step counter, an epoch number);
 * the chart relies on that to find the visible points by binary search. y values may be anything,
 * including NaN or infinities (a diverged cost): the chart skips points it cannot draw.
 *
 * <p>Not thread-safe: fill it on the thread that draws it (the JavaFX application thread for a
 * chart on screen), then ask the chart to redraw.
 */
public final class SeriesBuffer {
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;

    // package-private for the decimator's inner loop; never exposed outside the package
    double[] xs;
    double[] ys;
    int size;

    /** An empty buffer with room for 16 points. */
    public SeriesBuffer() {
        this(16);
    }

    /** An empty buffer with room for {@code initialCapacity} points before it grows. */
    public SeriesBuffer(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity must be >= 0, got " + initialCapacity);
        }
        xs = new double[initialCapacity];
        ys = new double[initialCapacity];
    }

    /**
     * Appends a point.
     *
     * @throws IllegalArgumentException if x is not finite, or smaller than the last x appended
     */
    public void add(double x, double y) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite, got " + x);
        }
        if (size > 0 && x < xs[size - 1]) {
            throw new IllegalArgumentException(
                    "x must not decrease: got x = " + x + " after x = " + xs[size - 1]);
        }
        if (size == xs.length) {
            grow(size + 1);
        }
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    /** Makes room for at least {@code capacity} points without further growth. */
    public void ensureCapacity(int capacity) {
        if (capacity > xs.length) {
            grow(capacity);
        }
    }

    private void grow(int minCapacity) {
        if (minCapacity > MAX_CAPACITY) {
            throw new IllegalStateException("a series holds at most " + MAX_CAPACITY + " points");
        }
        long doubled = Math.max(16L, 2L * xs.length);
        int capacity = (int) Math.min(MAX_CAPACITY, Math.max(doubled, minCapacity));
        xs = Arrays.copyOf(xs, capacity);
        ys = Arrays.copyOf(ys, capacity);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public double x(int index) {
        return xs[Objects.checkIndex(index, size)];
    }

    public double y(int index) {
        return ys[Objects.checkIndex(index, size)];
    }

    /** The first x, or NaN when empty. */
    public double firstX() {
        return size == 0 ? Double.NaN : xs[0];
    }

    /** The last x, or NaN when empty. */
    public double lastX() {
        return size == 0 ? Double.NaN : xs[size - 1];
    }

    /** Removes all points; keeps the arrays for reuse. */
    public void clear() {
        size = 0;
    }

    /**
     * Removes the points whose x is greater than {@code x} (e.g. after a rewind to an earlier
     * step); the points at exactly {@code x} stay.
     *
     * @return how many points were removed
     */
    public int truncateAfterX(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("x must not be NaN");
        }
        int keep = Decimator.upperBound(this, x);
        int removed = size - keep;
        size = keep;
        return removed;
    }

    @Override
    public String toString() {
        return "SeriesBuffer[size=" + size + (size == 0 ? "" : ", x " + xs[0] + " .. " + xs[size - 1]) + "]";
    }
}
