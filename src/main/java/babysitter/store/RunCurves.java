package babysitter.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The epoch curves of a recorded run as plain arrays, for overlaying several runs on one chart
 * (the runs library, {@code runs compare}). A run that was rewound is drawn along the path it
 * ended on: an epoch recorded again on a later branch replaces the earlier branch's epochs from it on.
 */
public final class RunCurves {
    private RunCurves() {
    }

    /** What the y axis shows. */
    public enum Metric {
        TRAIN_COST("train-cost", "train cost", EpochMetric::trainCost),
        TRAIN_ACCURACY("train-acc", "train accuracy", EpochMetric::trainAccuracy),
        DEV_COST("dev-cost", "dev cost", EpochMetric::devCost),
        DEV_ACCURACY("dev-acc", "dev accuracy", EpochMetric::devAccuracy),
        DEV_COST_BATCH_STATS("dev-cost-batch", "dev cost (batch statistics)", EpochMetric::devCostTrainMode),
        DEV_ACCURACY_BATCH_STATS("dev-acc-batch", "dev accuracy (batch statistics)",
                EpochMetric::devAccuracyTrainMode);

        private final String key;
        private final String label;
        private final ToDoubleFunction<EpochMetric> value;

        Metric(String key, String label, ToDoubleFunction<EpochMetric> value) {
            this.key = key;
            this.label = label;
            this.value = value;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public double of(EpochMetric m) {
            return value.applyAsDouble(m);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What the x axis shows. */
    public enum XAxis {
        EPOCH("epoch"), STEP("step"), SECONDS("seconds");

        private final String label;

        XAxis(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The x of an epoch's end: its number from 1, its step, or the run's seconds of training (NaN if not recorded). */
        public double of(EpochMetric m) {
            return switch (this) {
                case EPOCH -> m.epoch() + 1;
                case STEP -> m.step();
                case SECONDS -> m.elapsedSeconds();
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One run's curve: points with a known x and y, in x order of the path the run ended on. */
    public record Curve(String name, double[] x, double[] y) {
        public Curve {
            if (x.length != y.length) {
                throw new IllegalArgumentException("x has " + x.length + " points but y has " + y.length);
            }
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        public int size() {
            return x.length;
        }
    }

    /** The epochs along the path the run ended on: an epoch recorded again cuts off the ones after it. */
    public static List<EpochMetric> lastPath(List<EpochMetric> epochs) {
        List<EpochMetric> path = new ArrayList<>();
        for (EpochMetric e : epochs) {
            while (!path.isEmpty() && path.get(path.size() - 1).epoch() >= e.epoch()) {
                path.remove(path.size() - 1);
            }
            path.add(e);
        }
        return path;
    }

    /** The curve of {@code metric} against {@code x}; points where either is unknown are left out. */
    public static Curve curve(String name, List<EpochMetric> epochs, Metric metric, XAxis x) {
        List<EpochMetric> path = lastPath(epochs);
        double[] xs = new double[path.size()];
        double[] ys = new double[path.size()];
        int n = 0;
        for (EpochMetric e : path) {
            double xv = x.of(e);
            double yv = metric.of(e);
            if (!Double.isNaN(xv) && !Double.isNaN(yv)) {
                xs[n] = xv;
                ys[n] = yv;
                n++;
            }
        }
        return new Curve(name, Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
    }

    /** The metric named {@code key} ("dev-acc", …). */
    public static Metric metric(String key) {
        for (Metric m : Metric.values()) {
            if (m.key.equalsIgnoreCase(key.strip())) {
                return m;
            }
        }
        StringBuilder keys = new StringBuilder();
        for (Metric m : Metric.values()) {
            keys.append(keys.length() == 0 ? "" : ", ").append(m.key);
        }
        throw new IllegalArgumentException("no metric '" + key + "'; the metrics are " + keys);
    }

    /** The x axis named {@code key} (epoch, step, seconds). */
    public static XAxis xAxis(String key) {
        try {
            return XAxis.valueOf(key.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no x axis '" + key + "'; use epoch, step or seconds", e);
        }
    }
}
