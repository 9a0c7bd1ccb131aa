package babysitter.session.reports;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The reports of the insight views: decision regions, confusion matrix, samples. Apart from
 * {@link Report} because each holds arrays with their own checks, accessors and equality. Report
 * extends this interface, so they are named like every other report: {@code Report.RegionsReport},
 * {@code Report.ConfusionReport}, {@code Report.SamplesReport}.
 */
public sealed interface InsightReports permits Report {

    /**
     * The decision regions of a network on 2-D data at the end of an epoch: a grid of
     * {@code width × height} cells over [xMin, xMax] × [yMin, yMax], stored row by row with
     * <b>row 0 at the top (y = yMax)</b> and column 0 at the left (x = xMin); cell (row, col) is
     * at index {@code row * width + col}. Each cell has the most probable class at its centre and
     * that class's probability (classes are stored as unsigned bytes, so at most 256). The training
     * points (at most a thousand) come with their true classes and the network's full class
     * probabilities, {@code pointProbabilities} holding {@code points × C} values row-major, C the
     * number of class names.
     */
    record RegionsReport(int epoch, int branch, List<String> classNames, double xMin, double xMax, double yMin,
                         double yMax, int width, int height, byte[] classOf, float[] confidence, float[] pointsX,
                         float[] pointsY, int[] pointLabels, float[] pointProbabilities) implements Report {
        public RegionsReport {
            classNames = List.copyOf(classNames);
            if (classNames.isEmpty()) {
                throw new IllegalArgumentException("regions: at least one class is needed");
            }
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("regions: width and height must be at least 1, got "
                        + width + "×" + height);
            }
            if (!(xMin < xMax) || !(yMin < yMax)) {
                throw new IllegalArgumentException("regions: the range must be non-empty, got x [" + xMin + ", "
                        + xMax + "], y [" + yMin + ", " + yMax + "]");
            }
            if (classOf.length != width * height || confidence.length != width * height) {
                throw new IllegalArgumentException("regions: classOf and confidence must have width × height = "
                        + width * height + " cells, got " + classOf.length + " and " + confidence.length);
            }
            if (pointsX.length != pointsY.length || pointsX.length != pointLabels.length) {
                throw new IllegalArgumentException("regions: pointsX, pointsY and pointLabels must have the same "
                        + "length, got " + pointsX.length + ", " + pointsY.length + ", " + pointLabels.length);
            }
            if (pointProbabilities.length != pointLabels.length * classNames.size()) {
                throw new IllegalArgumentException("regions: " + pointLabels.length + " points of "
                        + classNames.size() + " classes need " + pointLabels.length * classNames.size()
                        + " probabilities, got " + pointProbabilities.length);
            }
            classOf = classOf.clone();
            confidence = confidence.clone();
            pointsX = pointsX.clone();
            pointsY = pointsY.clone();
            pointLabels = pointLabels.clone();
            pointProbabilities = pointProbabilities.clone();
        }

        /** The class of cell (row, col), row 0 at the top. */
        public int classAt(int row, int col) {
            return Byte.toUnsignedInt(classOf[row * width + col]);
        }

        /** The probability of that class at cell (row, col). */
        public float confidenceAt(int row, int col) {
            return confidence[row * width + col];
        }

        /** The number of training points. */
        public int points() {
            return pointLabels.length;
        }

        /** The number of classes. */
        public int classes() {
            return classNames.size();
        }

        /** The probability of class {@code k} at point {@code i}. */
        public float pointProbability(int i, int k) {
            return pointProbabilities[i * classNames.size() + k];
        }

        /** The name of class {@code k} (its number when the report has no name for it). */
        public String className(int k) {
            return k >= 0 && k < classNames.size() ? classNames.get(k) : Integer.toString(k);
        }

        @Override
        public byte[] classOf() {
            return classOf.clone();
        }

        @Override
        public float[] confidence() {
            return confidence.clone();
        }

        @Override
        public float[] pointsX() {
            return pointsX.clone();
        }

        @Override
        public float[] pointsY() {
            return pointsY.clone();
        }

        @Override
        public int[] pointLabels() {
            return pointLabels.clone();
        }

        @Override
        public float[] pointProbabilities() {
            return pointProbabilities.clone();
        }
    }

    /**
     * The confusion matrix of the network on the dev set at the end of an epoch, in inference mode:
     * {@code counts} is row-major C × C, rows the true class and columns the predicted class, so
     * cell (t, p) is at index {@code t * C + p}.
     */
    record ConfusionReport(int epoch, int branch, List<String> classNames, long[] counts) implements Report {
        public ConfusionReport {
            classNames = List.copyOf(classNames);
            int c = classNames.size();
            if (c < 1) {
                throw new IllegalArgumentException("confusion: at least one class is needed");
            }
            if (counts.length != c * c) {
                throw new IllegalArgumentException("confusion: " + c + " classes need " + c * c + " counts, got "
                        + counts.length);
            }
            counts = counts.clone();
            for (long n : counts) {
                if (n < 0) {
                    throw new IllegalArgumentException("confusion: counts must not be negative, got " + n);
                }
            }
        }

        /** The confusion matrix from {@code counts[true class][predicted class]}. */
        public static ConfusionReport of(int epoch, int branch, List<String> classNames, long[][] counts) {
            int c = counts.length;
            long[] flat = new long[c * c];
            for (int t = 0; t < c; t++) {
                if (counts[t].length != c) {
                    throw new IllegalArgumentException("confusion: row " + t + " has " + counts[t].length
                            + " columns, expected " + c);
                }
                System.arraycopy(counts[t], 0, flat, t * c, c);
            }
            return new ConfusionReport(epoch, branch, classNames, flat);
        }

        /** The number of classes. */
        public int classes() {
            return classNames.size();
        }

        /** The rows of true class {@code t} predicted as {@code p}. */
        public long count(int t, int p) {
            return counts[t * classNames.size() + p];
        }

        /** The rows of true class {@code t}. */
        public long rowSum(int t) {
            int c = classNames.size();
            long s = 0;
            for (int p = 0; p < c; p++) {
                s += counts[t * c + p];
            }
            return s;
        }

        /** All rows. */
        public long total() {
            long s = 0;
            for (long n : counts) {
                s += n;
            }
            return s;
        }

        /** The rows predicted right. */
        public long correct() {
            int c = classNames.size();
            long s = 0;
            for (int t = 0; t < c; t++) {
                s += counts[t * c + t];
            }
            return s;
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ConfusionReport r && r.epoch == epoch && r.branch == branch
                    && r.classNames.equals(classNames) && Arrays.equals(r.counts, counts);
        }

        @Override
        public int hashCode() {
            return Objects.hash(epoch, branch, classNames, Arrays.hashCode(counts));
        }

        @Override
        public String toString() {
            return "ConfusionReport[epoch=" + epoch + ", branch=" + branch + ", classNames=" + classNames
                    + ", counts=" + Arrays.toString(counts) + "]";
        }
    }

    /**
     * The first rows of the dev set (or of the training set when the dev set is empty) with the
     * network's class probabilities in inference mode, for the sample browser: {@code values} holds
     * {@code n × features} feature values row-major as the data were loaded (not standardised: an
     * image looks as it does in its file), {@code probabilities} {@code n × C}.
     * {@code imageSide} is the side of a square grey-scale image when the features form one (a
     * perfect square of at least 4), else 0.
     */
    record SamplesReport(int epoch, int branch, List<String> classNames, int features, int imageSide,
                         float[] values, int[] labels, float[] probabilities) implements Report {
        public SamplesReport {
            classNames = List.copyOf(classNames);
            int c = classNames.size();
            if (c < 1) {
                throw new IllegalArgumentException("samples: at least one class is needed");
            }
            if (features < 1) {
                throw new IllegalArgumentException("samples: at least one feature is needed, got " + features);
            }
            if (imageSide != 0 && imageSide * imageSide != features) {
                throw new IllegalArgumentException("samples: image side " + imageSide + " does not fit " + features
                        + " features");
            }
            int n = labels.length;
            if (values.length != n * features) {
                throw new IllegalArgumentException("samples: " + n + " rows of " + features + " features need "
                        + n * features + " values, got " + values.length);
            }
            if (probabilities.length != n * c) {
                throw new IllegalArgumentException("samples: " + n + " rows of " + c + " classes need " + n * c
                        + " probabilities, got " + probabilities.length);
            }
            for (int l : labels) {
                if (l < 0 || l >= c) {
                    throw new IllegalArgumentException("samples: label " + l + " outside 0.." + (c - 1));
                }
            }
            values = values.clone();
            labels = labels.clone();
            probabilities = probabilities.clone();
        }

        /** The image side for {@code features} features: its square root when a perfect square ≥ 4, else 0. */
        public static int imageSideFor(int features) {
            int side = (int) Math.round(Math.sqrt(features));
            return features >= 4 && side * side == features ? side : 0;
        }

        /** The number of samples. */
        public int size() {
            return labels.length;
        }

        /** The number of classes. */
        public int classes() {
            return classNames.size();
        }

        /** Feature {@code j} of sample {@code i}. */
        public float value(int i, int j) {
            return values[i * features + j];
        }

        /** The true class of sample {@code i}. */
        public int label(int i) {
            return labels[i];
        }

        /** The probability of class {@code k} for sample {@code i}. */
        public float probability(int i, int k) {
            return probabilities[i * classNames.size() + k];
        }

        /** The most probable class of sample {@code i} (the lowest index on ties). */
        public int predicted(int i) {
            int c = classNames.size();
            int best = 0;
            for (int k = 1; k < c; k++) {
                if (probabilities[i * c + k] > probabilities[i * c + best]) {
                    best = k;
                }
            }
            return best;
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }

        @Override
        public float[] probabilities() {
            return probabilities.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SamplesReport r && r.epoch == epoch && r.branch == branch && r.features == features
                    && r.imageSide == imageSide && r.classNames.equals(classNames)
                    && Arrays.equals(r.values, values) && Arrays.equals(r.labels, labels)
                    && Arrays.equals(r.probabilities, probabilities);
        }

        @Override
        public int hashCode() {
            return Objects.hash(epoch, branch, classNames, features, imageSide,
                    Arrays.hashCode(values), Arrays.hashCode(labels),
                    Arrays.hashCode(probabilities));
        }

        @Override
        public String toString() {
            return "SamplesReport[epoch=" + epoch + ", branch=" + branch + ", classNames=" + classNames
                    + ", features=" + features + ", imageSide=" + imageSide + ", samples=" + labels.length + "]";
        }
    }
}
