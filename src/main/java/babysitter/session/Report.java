package babysitter.session;

import babysitter.engine.Hyperparameters;
import babysitter.store.EpochMetric;
import babysitter.store.Event;
import java.util.List;

/**
 * What a {@link TrainingSession} tells its listeners: immutable values made of primitives, strings
 * and immutable lists, safe on any thread. Every report carries the branch it belongs to.
 */
public sealed interface Report {

    /** The session's states. */
    enum State { IDLE, RUNNING, PAUSED, GUARD_TRIPPED, FINISHED, STOPPED, FAILED }

    /** Whether the report may be dropped for a slow listener (only step reports may). */
    default boolean droppable() {
        return false;
    }

    /**
     * One mini-batch step.
     *
     * @param samplesPerSecond samples trained per second of wall-clock time lately (epoch ends included)
     * @param elapsedSeconds   seconds of training in the run after the step, pauses left out, or NaN
     */
    record StepReport(long step, int epoch, int branch, double cost, double learningRate, double momentum,
                      double samplesPerSecond, double elapsedSeconds) implements Report {
        /** A step whose elapsed seconds are not known. */
        public StepReport(long step, int epoch, int branch, double cost, double learningRate, double momentum,
                          double samplesPerSecond) {
            this(step, epoch, branch, cost, learningRate, momentum, samplesPerSecond, Double.NaN);
        }

        @Override
        public boolean droppable() {
            return true;
        }
    }

    /**
     * The summary of an epoch as recorded ({@link EpochMetric}), with per-layer statistics of its
     * last mini-batch.
     */
    record EpochReport(EpochMetric metric, List<LayerStats> layers) implements Report {
        public EpochReport {
            java.util.Objects.requireNonNull(metric, "metric");
            layers = List.copyOf(layers);
        }

        /**
         * An epoch not read from a run (tests, previews): its time of day unknown.
         *
         * @param seconds        seconds spent in the epoch's training steps alone
         * @param elapsedSeconds seconds of training in the run when the epoch ended, pauses left out, or NaN
         */
        public EpochReport(int epoch, long step, int branch, double trainCost, double trainAccuracy, double devCost,
                           double devAccuracy, double devCostTrainMode, double devAccuracyTrainMode, double seconds,
                           List<LayerStats> layers, double elapsedSeconds) {
            this(new EpochMetric(epoch, step, branch, trainCost, trainAccuracy, devCost, devAccuracy,
                    devCostTrainMode, devAccuracyTrainMode, seconds, 0, Double.NaN, elapsedSeconds), layers);
        }

        /** As above, the elapsed seconds not known either. */
        public EpochReport(int epoch, long step, int branch, double trainCost, double trainAccuracy, double devCost,
                           double devAccuracy, double devCostTrainMode, double devAccuracyTrainMode, double seconds,
                           List<LayerStats> layers) {
            this(epoch, step, branch, trainCost, trainAccuracy, devCost, devAccuracy, devCostTrainMode,
                    devAccuracyTrainMode, seconds, layers, Double.NaN);
        }

        public int epoch() {
            return metric.epoch();
        }

        public long step() {
            return metric.step();
        }

        public int branch() {
            return metric.branch();
        }

        public double trainCost() {
            return metric.trainCost();
        }

        public double trainAccuracy() {
            return metric.trainAccuracy();
        }

        public double devCost() {
            return metric.devCost();
        }

        public double devAccuracy() {
            return metric.devAccuracy();
        }

        public double devCostTrainMode() {
            return metric.devCostTrainMode();
        }

        public double devAccuracyTrainMode() {
            return metric.devAccuracyTrainMode();
        }

        /** Seconds spent in the epoch's training steps alone. */
        public double seconds() {
            return metric.seconds();
        }

        /** Seconds of training in the run when the epoch ended, pauses left out, or NaN. */
        public double elapsedSeconds() {
            return metric.elapsedSeconds();
        }
    }

    /**
     * Something a person or a rule did, or that happened ({@link Event}: a change of
     * hyperparameters, a checkpoint, a rewind, the guard, …), where it happened.
     *
     * @param label          a short text for a chart marker, e.g. "α 0.03→0.01", "rewind to epoch-0007"
     * @param elapsedSeconds seconds of training in the run when it happened, pauses left out, or NaN
     */
    record EventReport(Event event, long step, int epoch, int branch, String label, double elapsedSeconds)
            implements Report {
        public EventReport {
            java.util.Objects.requireNonNull(event, "event");
            java.util.Objects.requireNonNull(label, "label");
        }

        /** An event whose elapsed seconds are not known. */
        public EventReport(Event event, long step, int epoch, int branch, String label) {
            this(event, step, epoch, branch, label, Double.NaN);
        }

        /** The name of its kind ("checkpoint", "rewind", …), which also picks a marker's colour. */
        public String kind() {
            return event.kind();
        }

        /** The same event at {@code seconds} of training. */
        public EventReport at(double seconds) {
            return new EventReport(event, step, epoch, branch, label, seconds);
        }
    }

    /** The session's state after a change, with what a control panel needs to show. */
    record StateReport(State state, long step, int epoch, int branch, int epochs, Hyperparameters hyperparameters,
                       Rules rules, List<Snapshot.CheckpointSummary> checkpoints) implements Report {
        public StateReport {
            checkpoints = List.copyOf(checkpoints);
        }
    }

    /**
     * The checkpoints kept in memory changed (one was taken, or a rewind made a new branch): what the
     * checkpoint strip shows, oldest first, each one a rewind can go back to.
     */
    record CheckpointsReport(int branch, List<Snapshot.CheckpointSummary> checkpoints) implements Report {
        public CheckpointsReport {
            checkpoints = List.copyOf(checkpoints);
        }
    }

    /** The result of a learning-rate range test. */
    record LrRangeReport(double[] learningRates, double[] costs, double suggested) implements Report {
        public LrRangeReport {
            learningRates = learningRates.clone();
            costs = costs.clone();
        }

        @Override
        public double[] learningRates() {
            return learningRates.clone();
        }

        @Override
        public double[] costs() {
            return costs.clone();
        }
    }

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
                    && r.classNames.equals(classNames) && java.util.Arrays.equals(r.counts, counts);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(epoch, branch, classNames, java.util.Arrays.hashCode(counts));
        }

        @Override
        public String toString() {
            return "ConfusionReport[epoch=" + epoch + ", branch=" + branch + ", classNames=" + classNames
                    + ", counts=" + java.util.Arrays.toString(counts) + "]";
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
                    && java.util.Arrays.equals(r.values, values) && java.util.Arrays.equals(r.labels, labels)
                    && java.util.Arrays.equals(r.probabilities, probabilities);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(epoch, branch, classNames, features, imageSide,
                    java.util.Arrays.hashCode(values), java.util.Arrays.hashCode(labels),
                    java.util.Arrays.hashCode(probabilities));
        }

        @Override
        public String toString() {
            return "SamplesReport[epoch=" + epoch + ", branch=" + branch + ", classNames=" + classNames
                    + ", features=" + features + ", imageSide=" + imageSide + ", samples=" + labels.length + "]";
        }
    }

    /**
     * The siblings of "Try siblings" after each sibling epoch: where they started, each one's α and
     * β and its costs and accuracies per epoch so far. {@code phase} is RUNNING while any trains,
     * DONE when all ended, and ADOPTED or DISCARDED in the last report.
     *
     * @param fromEpoch epochs finished at the checkpoint; sibling epoch j (from 1) ends at epoch fromEpoch + j
     * @param adopted   the adopted sibling, or −1
     * @param varied    which β the siblings vary (that of their optimiser; NONE for SGD)
     */
    record SiblingsReport(String checkpoint, long fromStep, int fromEpoch, int fromBranch, int epochs, int threads,
                          Phase phase, List<Sibling> siblings, int adopted, OptimizerBeta varied) implements Report {
        /** Where the siblings are as a group. */
        public enum Phase { RUNNING, DONE, ADOPTED, DISCARDED }

        /** Where one sibling is. */
        public enum SiblingState { WAITING, RUNNING, DONE, DIVERGED, CANCELLED, FAILED }

        /**
         * One sibling; its lists hold one value per finished epoch (NaN for dev values without a dev set).
         *
         * @param beta    the value of the varied β ({@link SiblingsReport#varied()}), NaN if none varies
         * @param control whether it kept the main run's α and β
         */
        public record Sibling(int index, double alpha, double beta, boolean control, SiblingState state,
                              List<Double> trainCost, List<Double> devCost, List<Double> devAccuracy, String thread) {
            public Sibling {
                trainCost = List.copyOf(trainCost);
                devCost = List.copyOf(devCost);
                devAccuracy = List.copyOf(devAccuracy);
            }

            public int epochsDone() {
                return trainCost.size();
            }

            static double last(List<Double> l) {
                return l.isEmpty() ? Double.NaN : l.get(l.size() - 1);
            }

            public double lastDevAccuracy() {
                return last(devAccuracy);
            }

            public double lastDevCost() {
                return last(devCost);
            }

            public double lastTrainCost() {
                return last(trainCost);
            }
        }

        public SiblingsReport {
            java.util.Objects.requireNonNull(phase, "phase");
            java.util.Objects.requireNonNull(varied, "varied");
            siblings = List.copyOf(siblings);
        }

        /** Sibling epochs finished, over all siblings (a diverged or failed sibling counts as all done). */
        public int epochsDone() {
            int n = 0;
            for (Sibling s : siblings) {
                n += s.state() == SiblingState.DIVERGED || s.state() == SiblingState.FAILED ? epochs : s.epochsDone();
            }
            return n;
        }

        /** Sibling epochs to train in all. */
        public int epochsTotal() {
            return epochs * siblings.size();
        }

        /**
         * The best finished sibling, or −1: the highest dev accuracy (ties: the lower dev cost);
         * without a dev set the lowest training cost.
         */
        public int winner() {
            int best = -1;
            for (Sibling s : siblings) {
                if (s.state() != SiblingState.DONE || s.epochsDone() == 0) {
                    continue;
                }
                if (best < 0 || better(s, siblings.get(best))) {
                    best = s.index();
                }
            }
            return best;
        }

        private static boolean better(Sibling a, Sibling b) {
            double accA = a.lastDevAccuracy();
            double accB = b.lastDevAccuracy();
            if (Double.isFinite(accA) && Double.isFinite(accB)) {
                if (accA != accB) {
                    return accA > accB;
                }
                return a.lastDevCost() < b.lastDevCost();
            }
            if (Double.isFinite(accA) != Double.isFinite(accB)) {
                return Double.isFinite(accA);
            }
            return a.lastTrainCost() < b.lastTrainCost();
        }
    }
}
