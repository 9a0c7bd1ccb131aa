package babysitter.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-feature standardisation x' = (x − mean) / std with statistics of the training part only, so
 * that dev and test are transformed exactly as unseen data would be. {@code std} is the population
 * standard deviation (divisor n); a constant feature gets std 1, so it maps to 0. The arrays are
 * copied in and out; equality is by content.
 */
public record Standardizer(double[] mean, double[] std) {
    public Standardizer {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length < 1 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std must have the same length >= 1, got " + mean.length
                    + " and " + std.length);
        }
        for (int j = 0; j < mean.length; j++) {
            if (!Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("mean of feature " + j + " must be finite, got " + mean[j]);
            }
            if (!(std[j] > 0) || !Double.isFinite(std[j])) {
                throw new IllegalArgumentException("std of feature " + j + " must be a finite number > 0, got " + std[j]);
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Mean and population standard deviation of each feature of {@code train} (at least one row). */
    public static Standardizer fit(Dataset train) {
        int n = train.rows();
        int cols = train.columns();
        if (n < 1) {
            throw new IllegalArgumentException("cannot fit a standardizer to " + train.name() + ": it has no rows");
        }
        float[] f = train.floatArray();
        double[] x = train.doubleArray();
        double[] mean = new double[cols];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cols; j++) {
                mean[j] += f != null ? f[i * cols + j] : x[i * cols + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            mean[j] /= n;
        }
        double[] std = new double[cols];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cols; j++) {
                double d = (f != null ? f[i * cols + j] : x[i * cols + j]) - mean[j];
                std[j] += d * d;
            }
        }
        for (int j = 0; j < cols; j++) {
            double s = Math.sqrt(std[j] / n);
            std[j] = s > 0 ? s : 1.0;
        }
        return new Standardizer(mean, std);
    }

    /** A new data set with each feature standardised (computed in double, stored as {@code d} is). */
    public Dataset apply(Dataset d) {
        int cols = d.columns();
        if (cols != mean.length) {
            throw new IllegalArgumentException("standardizer fitted to " + mean.length + " features cannot apply to "
                    + d.name() + " with " + cols);
        }
        double[] x64 = d.doubleArray();
        if (x64 != null) {
            double[] out = new double[x64.length];
            for (int i = 0; i < x64.length; i++) {
                int j = i % cols;
                out[i] = (x64[i] - mean[j]) / std[j];
            }
            return new Dataset(d.name(), out, d.rows(), cols, d.labels(), d.classNames(), d.featureNames());
        }
        float[] x = d.floatArray();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            int j = i % cols;
            out[i] = (float) ((x[i] - mean[j]) / std[j]);
        }
        return new Dataset(d.name(), out, d.rows(), cols, d.labels(), d.classNames(), d.featureNames());
    }

    /** Each part standardised with these (training) statistics. */
    public Split apply(Split s) {
        return new Split(apply(s.train()), apply(s.dev()), apply(s.test()));
    }

    /** Number of features. */
    public int columns() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardizer s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Standardizer[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
