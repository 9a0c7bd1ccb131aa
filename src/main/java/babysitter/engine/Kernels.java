package babysitter.engine;

import java.util.Arrays;

/** Fused element-wise loops of the forward and backward passes, on row-major m × n work arrays. */
final class Kernels {
    private Kernels() {
    }

    /** a = g(z) for the entries [from, to). */
    static void activate(Activation g, double[] z, double[] a, int from, int to) {
        switch (g) {
            case RELU -> {
                for (int k = from; k < to; k++) {
                    a[k] = Math.max(z[k], 0.0);
                }
            }
            case LEAKY_RELU -> {
                double slope = Activation.LEAKY_SLOPE;
                for (int k = from; k < to; k++) {
                    a[k] = z[k] > 0 ? z[k] : slope * z[k];
                }
            }
            case TANH -> {
                for (int k = from; k < to; k++) {
                    a[k] = Math.tanh(z[k]);
                }
            }
            case SIGMOID -> {
                for (int k = from; k < to; k++) {
                    a[k] = 1.0 / (1.0 + Math.exp(-z[k]));
                }
            }
        }
    }

    /** dz = da · g'(z) for the entries [from, to), using a = g(z) where that is cheaper. */
    static void activationBackward(Activation g, double[] z, double[] a, double[] da, double[] dz, int from, int to) {
        switch (g) {
            case RELU -> {
                // g'(z) = 1 for z > 0 and 0 otherwise, written as ceil(min(1, max(0, z))) so
                // that the loop has no branch and vectorises.
                for (int k = from; k < to; k++) {
                    dz[k] = da[k] * Math.ceil(Math.min(1.0, Math.max(0.0, z[k])));
                }
            }
            case LEAKY_RELU -> {
                double slope = Activation.LEAKY_SLOPE;
                for (int k = from; k < to; k++) {
                    dz[k] = z[k] > 0 ? da[k] : slope * da[k];
                }
            }
            case TANH -> {
                for (int k = from; k < to; k++) {
                    dz[k] = da[k] * (1 - a[k] * a[k]);
                }
            }
            case SIGMOID -> {
                for (int k = from; k < to; k++) {
                    dz[k] = da[k] * a[k] * (1 - a[k]);
                }
            }
        }
    }

    /**
     * μ_j = (1/m) Σ_i z_ij and the biased σ²_j = (1/m) Σ_i (z_ij − μ_j)², two passes, for a block
     * of columns c0 ≤ j < c1 stored on its own (row-major m × (c1 − c0) from z[m·c0]; a whole
     * row-major matrix is its one block c0 = 0, c1 = n), summing into {@code sums}, the block's
     * own: μ and σ² are written once a column. Each row goes through {@code row} (as in
     * {@link #columnSums(double[], int, int, int, double[], double[])}).
     */
    static void columnMeanAndVariance(double[] z, int m, int c0, int c1, double[] mu, double[] var, double[] sums,
            double[] row) {
        columnSums(z, m, c0, c1, sums, row);
        for (int j = c0; j < c1; j++) {
            mu[j] = sums[j] / m;
            sums[j] = 0;
        }
        int w = c1 - c0;
        for (int i = 0, k = m * c0; i < m; i++, k += w) {
            System.arraycopy(z, k, row, c0, w);
            for (int j = c0; j < c1; j++) {
                double d = row[j] - mu[j];
                sums[j] += d * d;
            }
        }
        for (int j = c0; j < c1; j++) {
            var[j] = sums[j] / m;
        }
    }

    /**
     * One row of batch norm's forward arithmetic for the columns c0 ≤ j < c1:
     * z_norm = (z − μ)·(1/σ), z̃ = γ·z_norm + β, with the row's entries at the same indices j as
     * the column vectors (a row buffer, not a place in a matrix). Java 17's compiler turns a loop
     * into vector instructions only when all its arrays are indexed with the same offset: the same
     * loop over z[k + j] and μ[j] ran 3× as long, and copying the rows in and out costs less than
     * that. {@code zNorm} may be null (inference keeps no z_norm).
     */
    static void normalizeRow(double[] z, double[] mu, double[] invStd, double[] gamma, double[] beta,
            double[] zNorm, double[] zTilde, int c0, int c1) {
        if (zNorm == null) {
            for (int j = c0; j < c1; j++) {
                double v = (z[j] - mu[j]) * invStd[j];
                zTilde[j] = gamma[j] * v + beta[j];
            }
            return;
        }
        for (int j = c0; j < c1; j++) {
            double v = (z[j] - mu[j]) * invStd[j];
            zNorm[j] = v;
            zTilde[j] = gamma[j] * v + beta[j];
        }
    }

    /** Whether the first {@code len} entries are all finite (their sum is, barring overflow). */
    static boolean allFinite(double[] z, int len) {
        return allFinite(z, 0, len);
    }

    /**
     * Whether the entries [from, to) are all finite: z·0 is 0 for a finite z and NaN otherwise.
     * Four sums side by side, not one: each addition waits for the one before it, and one chain
     * took 3× as long (18 → 6 µs for 32,768 numbers).
     */
    static boolean allFinite(double[] z, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = from;
        for (; k + 3 < to; k += 4) {
            s0 += z[k] * 0.0;
            s1 += z[k + 1] * 0.0;
            s2 += z[k + 2] * 0.0;
            s3 += z[k + 3] * 0.0;
        }
        for (; k < to; k++) {
            s0 += z[k] * 0.0;
        }
        return s0 + s1 + s2 + s3 == 0.0;
    }

    /** s_j = Σ_i z_ij of a row-major m × n matrix (each row through {@code row}, see below). */
    static void columnSums(double[] z, int m, int n, double[] s, double[] row) {
        columnSums(z, m, 0, n, s, row);
    }

    /**
     * s_j = Σ_i z_ij for a block of columns c0 ≤ j < c1 stored on its own (as in
     * {@link #columnMeanAndVariance}), each column summed from row 0 down. Each row is first
     * copied to row[c0 .. c1), the indices of the sums: see {@link #normalizeRow} for why.
     */
    static void columnSums(double[] z, int m, int c0, int c1, double[] s, double[] row) {
        Arrays.fill(s, c0, c1, 0.0);
        int w = c1 - c0;
        for (int i = 0, k = m * c0; i < m; i++, k += w) {
            System.arraycopy(z, k, row, c0, w);
            for (int j = c0; j < c1; j++) {
                s[j] += row[j];
            }
        }
    }

    /**
     * z_ij += bias_j for a block of columns c0 ≤ j < c1 stored on its own (as in
     * {@link #columnSums(double[], int, int, int, double[], double[])}), each row through {@code row}.
     */
    static void addRowVectorToBlock(double[] z, double[] bias, int m, int c0, int c1, double[] row) {
        int w = c1 - c0;
        for (int i = 0, k = m * c0; i < m; i++, k += w) {
            System.arraycopy(z, k, row, c0, w);
            for (int j = c0; j < c1; j++) {
                row[j] += bias[j];
            }
            System.arraycopy(row, c0, z, k, w);
        }
    }

    static void addRowVector(double[] z, double[] row, int m, int n) {
        addRowVector(z, row, 0, m, n);
    }

    /** z_ij += row_j for the rows r0 ≤ i < r1 of row-major z with n columns. */
    static void addRowVector(double[] z, double[] row, int r0, int r1, int n) {
        for (int i = r0, k = r0 * n; i < r1; i++) {
            for (int j = 0; j < n; j++, k++) {
                z[k] += row[j];
            }
        }
    }

    /** Per row r0 ≤ i < r1: t = exp(z − max z), ŷ = t / Σt, log ŷ = (z − max z) − log Σt. */
    static void softmax(double[] z, double[] probs, double[] logProbs, int r0, int r1, int c) {
        for (int i = r0; i < r1; i++) {
            int row = i * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, z[row + j]);
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                double t = Math.exp(z[row + j] - max);
                probs[row + j] = t;
                sum += t;
            }
            double logSum = Math.log(sum);
            for (int j = 0; j < c; j++) {
                probs[row + j] /= sum;
                logProbs[row + j] = z[row + j] - max - logSum;
            }
        }
    }

    /**
     * How many rows' most probable class (the lowest index on ties) is their label, from row-major
     * m × c probabilities; with a C × C {@code confusion}, also counts each row in
     * {@code confusion[label][predicted]}.
     */
    static int countCorrect(double[] probs, int c, int[] labels, long[][] confusion) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int j = 1; j < c; j++) {
                if (probs[i * c + j] > probs[i * c + best]) {
                    best = j;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
            if (confusion != null) {
                confusion[labels[i]][best]++;
            }
        }
        return correct;
    }
}
