package babysitter.session.insights;

import babysitter.data.Dataset;
import babysitter.engine.HostIO;
import babysitter.engine.Network;
import babysitter.session.reports.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The decision regions of a network on a 2-D data set: one inference-mode forward pass over a grid
 * of cell centres (all cells in one batch), the most probable class and its probability per cell,
 * and the training points. Runs on the training thread (it uses the network's arrays); its result
 * is an immutable {@link Report.RegionsReport}. A second inference pass over the drawn training
 * points (at most {@link #MAX_POINTS}) gives each its full class probabilities, for the map's
 * hover box.
 *
 * <p>Grid orientation: the grid spans the training data's range widened by {@link #MARGIN} of the
 * span on each side; row 0 is the top (largest y), column 0 the left (smallest x). Cell
 * (row, col) is evaluated at its centre, x = xMin + (col + ½)·(xMax − xMin)/width and
 * y = yMax − (row + ½)·(yMax − yMin)/height.
 *
 * <p>Cost (measured by {@code DecisionRegionsTest}, 2 shared cores): about 7 ms for 80 × 80 cells on
 * a 2-32-32-3 network, against about 27 ms for one epoch of 480 rows; the grid's batch shape is one
 * of the network's cached buffer sets, so nothing is reallocated from one epoch to the next.
 */
public final class DecisionRegions {
    /** The default grid size, cells per side. */
    public static final int DEFAULT_SIZE = 80;
    /** The most training points a report carries (evenly strided through the data set). */
    public static final int MAX_POINTS = 1000;
    /** The margin around the data's range, as a fraction of the span on each side. */
    public static final double MARGIN = 0.10;
    /** Nanoseconds the last computation spent on the points' probabilities (for measuring its cost). */
    static volatile long lastPointNanos;

    private DecisionRegions() {
    }

    /** Whether decision regions can be drawn for this data set (exactly two features, at least one row). */
    public static boolean applies(Dataset d) {
        return d != null && d.columns() == 2 && d.rows() > 0;
    }

    /**
     * The regions of {@code net} over {@code train}'s range, or {@code null} when the data set does
     * not have exactly two features (nothing is computed then) or the network has more than 256 classes.
     */
    public static Report.RegionsReport compute(Network net, Dataset train, int width, int height, int epoch,
                                               int branch) {
        Objects.requireNonNull(net, "network");
        if (!applies(train)) {
            return null;
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("regions: width and height must be at least 1, got "
                    + width + "×" + height);
        }
        int rows = train.rows();
        float[] features = train.features();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows; i++) {
            double x = features[2 * i];
            double y = features[2 * i + 1];
            if (Double.isFinite(x)) {
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
            }
            if (Double.isFinite(y)) {
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        double[] rx = widen(minX, maxX);
        double[] ry = widen(minY, maxY);
        double xMin = rx[0];
        double xMax = rx[1];
        double yMin = ry[0];
        double yMax = ry[1];

        int cells = width * height;
        double[] grid = new double[cells * 2];
        double dx = (xMax - xMin) / width;
        double dy = (yMax - yMin) / height;
        for (int r = 0; r < height; r++) {
            double y = yMax - (r + 0.5) * dy;
            for (int c = 0; c < width; c++) {
                int k = r * width + c;
                grid[2 * k] = xMin + (c + 0.5) * dx;
                grid[2 * k + 1] = y;
            }
        }
        DataType dt = net.config().precision().dataType();
        HostIO io = new HostIO();
        INDArray x = Nd4j.create(dt, cells, 2);
        io.write(grid, x);
        INDArray probs = net.predict(x, Network.Mode.INFERENCE);
        int classes = (int) probs.columns();
        if (classes > 256) {
            return null; // a cell's class is stored in one unsigned byte
        }
        double[] p = new double[cells * classes];
        io.read(probs, p);

        byte[] classOf = new byte[cells];
        float[] confidence = new float[cells];
        for (int k = 0; k < cells; k++) {
            int best = 0;
            double bestP = p[k * classes];
            for (int j = 1; j < classes; j++) {
                double q = p[k * classes + j];
                if (q > bestP) {
                    best = j;
                    bestP = q;
                }
            }
            classOf[k] = (byte) best;
            confidence[k] = (float) bestP;
        }

        int n = Math.min(rows, MAX_POINTS);
        float[] px = new float[n];
        float[] py = new float[n];
        int[] labels = new int[n];
        double[] pointXY = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int row = (int) ((long) i * rows / n);
            px[i] = features[2 * row];
            py[i] = features[2 * row + 1];
            pointXY[2 * i] = px[i];
            pointXY[2 * i + 1] = py[i];
            labels[i] = train.label(row);
        }
        // the points' own probabilities: one more inference pass of at most MAX_POINTS rows
        float[] pointProbs = new float[n * classes];
        if (n > 0) {
            long t0 = System.nanoTime();
            INDArray xp = Nd4j.create(dt, n, 2);
            io.write(pointXY, xp);
            double[] q = new double[n * classes];
            io.read(net.predict(xp, Network.Mode.INFERENCE), q);
            for (int i = 0; i < q.length; i++) {
                pointProbs[i] = (float) q[i];
            }
            lastPointNanos = System.nanoTime() - t0;
        }
        List<String> names = train.classNames();
        if (names.size() != classes) {
            names = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                names.add(Integer.toString(k));
            }
        }
        return new Report.RegionsReport(epoch, branch, names, xMin, xMax, yMin, yMax, width, height, classOf,
                confidence, px, py, labels, pointProbs);
    }

    private static double[] widen(double min, double max) {
        if (!(min <= max)) {
            return new double[] {-1, 1};
        }
        double span = max - min;
        if (span < 1e-9) {
            return new double[] {min - 1, max + 1};
        }
        return new double[] {min - MARGIN * span, max + MARGIN * span};
    }
}
