package babysitter.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Built-in two-dimensional data sets for watching a network learn a decision boundary. Each returns
 * a {@link Dataset} with features "x1", "x2" and classes "0", "1", …; the rows come grouped by
 * class (the splitter and the mini-batch iterator shuffle). The n points are divided among the
 * classes as evenly as possible: each class gets n / C points and the first n mod C classes one more.
 * The same arguments always give identical data. The points are stored as float64, exactly as
 * generated ({@link Dataset#stored} rounds them for a float32 network).
 */
public final class Synthetic {
    private static final List<String> XY = List.of("x1", "x2");

    private Synthetic() {
    }

    /**
     * {@code arms} interleaved spiral arms around the origin. Point i of an arm of m points has radius
     * r = (i + 1) / m and angle 2πk/arms + 4r + noise·g (g standard normal): the noise blurs the
     * angle, as in the CS231n spiral.
     */
    public static Dataset spiral(int n, int arms, double noise, long seed) {
        if (arms < 2) {
            throw new IllegalArgumentException("spiral needs at least 2 arms, got " + arms);
        }
        check("spiral", n, arms, noise);
        SeededRandom random = new SeededRandom(seed);
        Builder b = new Builder(n, arms);
        for (int k = 0; k < arms; k++) {
            int m = b.size(k);
            for (int i = 0; i < m; i++) {
                double r = (i + 1.0) / m;
                double t = 2 * Math.PI * k / arms + 4.0 * r + noise * random.nextGaussian();
                b.add(r * StrictMath.cos(t), r * StrictMath.sin(t), k);
            }
        }
        return b.build(String.format(Locale.ROOT, "spiral (n=%d, arms=%d, noise=%s, seed=%d)", n, arms, noise, seed));
    }

    /**
     * Two interleaving half circles: class 0 the upper arc (cos t, sin t), class 1 the lower arc
     * (1 − cos t, 0.5 − sin t), t evenly spaced in [0, π]; Gaussian noise of standard deviation
     * {@code noise} added to both coordinates.
     */
    public static Dataset moons(int n, double noise, long seed) {
        check("moons", n, 2, noise);
        SeededRandom random = new SeededRandom(seed);
        Builder b = new Builder(n, 2);
        for (int k = 0; k < 2; k++) {
            int m = b.size(k);
            for (int i = 0; i < m; i++) {
                double t = m == 1 ? 0 : Math.PI * i / (m - 1);
                double x = k == 0 ? StrictMath.cos(t) : 1 - StrictMath.cos(t);
                double y = k == 0 ? StrictMath.sin(t) : 0.5 - StrictMath.sin(t);
                b.add(x + noise * random.nextGaussian(), y + noise * random.nextGaussian(), k);
            }
        }
        return b.build(String.format(Locale.ROOT, "moons (n=%d, noise=%s, seed=%d)", n, noise, seed));
    }

    /**
     * Two concentric circles: class 0 of radius 1, class 1 of radius 0.5, angles evenly spaced;
     * Gaussian noise of standard deviation {@code noise} added to both coordinates.
     */
    public static Dataset circles(int n, double noise, long seed) {
        check("circles", n, 2, noise);
        SeededRandom random = new SeededRandom(seed);
        Builder b = new Builder(n, 2);
        for (int k = 0; k < 2; k++) {
            int m = b.size(k);
            double radius = k == 0 ? 1.0 : 0.5;
            for (int i = 0; i < m; i++) {
                double t = 2 * Math.PI * i / m;
                b.add(radius * StrictMath.cos(t) + noise * random.nextGaussian(),
                        radius * StrictMath.sin(t) + noise * random.nextGaussian(), k);
            }
        }
        return b.build(String.format(Locale.ROOT, "circles (n=%d, noise=%s, seed=%d)", n, noise, seed));
    }

    /**
     * The XOR pattern: points uniform in the four quadrants of [−1, 1]², class 0 where x1 and x2 have
     * the same sign, class 1 where they differ; within a class the two quadrants alternate. Gaussian
     * noise of standard deviation {@code noise} is added after labelling, so large noise blurs the
     * boundary.
     */
    public static Dataset xor(int n, double noise, long seed) {
        check("xor", n, 2, noise);
        SeededRandom random = new SeededRandom(seed);
        Builder b = new Builder(n, 2);
        for (int k = 0; k < 2; k++) {
            int m = b.size(k);
            for (int i = 0; i < m; i++) {
                double sx = i % 2 == 0 ? 1 : -1;
                double sy = k == 0 ? sx : -sx;
                double x = sx * (1.0 - random.nextDouble()); // magnitude in (0, 1]
                double y = sy * (1.0 - random.nextDouble());
                b.add(x + noise * random.nextGaussian(), y + noise * random.nextGaussian(), k);
            }
        }
        return b.build(String.format(Locale.ROOT, "xor (n=%d, noise=%s, seed=%d)", n, noise, seed));
    }

    /**
     * Isotropic Gaussian blobs: class k centred at (2 cos 2πk/C, 2 sin 2πk/C) with standard deviation
     * {@code noise} in each coordinate.
     */
    public static Dataset blobs(int n, int classes, double noise, long seed) {
        if (classes < 2) {
            throw new IllegalArgumentException("blobs needs at least 2 classes, got " + classes);
        }
        check("blobs", n, classes, noise);
        SeededRandom random = new SeededRandom(seed);
        Builder b = new Builder(n, classes);
        for (int k = 0; k < classes; k++) {
            double cx = 2 * StrictMath.cos(2 * Math.PI * k / classes);
            double cy = 2 * StrictMath.sin(2 * Math.PI * k / classes);
            for (int i = 0; i < b.size(k); i++) {
                b.add(cx + noise * random.nextGaussian(), cy + noise * random.nextGaussian(), k);
            }
        }
        return b.build(String.format(Locale.ROOT, "blobs (n=%d, classes=%d, noise=%s, seed=%d)", n, classes, noise, seed));
    }

    private static void check(String what, int n, int classes, double noise) {
        if (n < classes) {
            throw new IllegalArgumentException(what + ": n must be at least the number of classes (" + classes
                    + "), got " + n);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException(what + ": noise must be a finite number >= 0, got " + noise);
        }
    }

    private static final class Builder {
        private final int n;
        private final int classes;
        private final double[] features;
        private final int[] labels;
        private int row;

        Builder(int n, int classes) {
            this.n = n;
            this.classes = classes;
            this.features = new double[2 * n];
            this.labels = new int[n];
        }

        int size(int k) {
            return n / classes + (k < n % classes ? 1 : 0);
        }

        void add(double x, double y, int label) {
            features[2 * row] = x;
            features[2 * row + 1] = y;
            labels[row] = label;
            row++;
        }

        Dataset build(String name) {
            List<String> names = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                names.add(Integer.toString(k));
            }
            return new Dataset(name, features, n, 2, labels, names, XY);
        }
    }
}
