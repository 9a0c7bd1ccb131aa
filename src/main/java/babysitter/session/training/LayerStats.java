package babysitter.session.training;

import babysitter.engine.Activation;
import babysitter.engine.HostIO;
import babysitter.engine.Network;
import babysitter.engine.ParameterLayout;
import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one layer looked like at the end of an epoch (the last mini-batch): the statistics batch
 * norm used and keeps, the distributions of z, z̃ and a, γ and β, and how big the last update and
 * gradient were. Plain values: safe to hand to any thread.
 *
 * @param layer        l, from 1
 * @param units        n_l, the number of units of the layer (the number of classes for the output layer)
 * @param activation   the layer's g in lower case as the setup writes it ("relu", "leaky_relu", "tanh",
 *                     "sigmoid"), or {@value #SOFTMAX} for the output layer
 * @param batchNorm    whether the layer is batch-normalised (else the BN fields are empty)
 * @param batchMean    μ of the last batch, per unit
 * @param batchVar     σ² (biased) of the last batch, per unit
 * @param runningMean  μ_run, per unit
 * @param runningVar   σ²_run, per unit
 * @param z            histogram of z before batch norm
 * @param zTilde       histogram of z̃ = γ·z_norm + β (equal to z without batch norm)
 * @param a            histogram of the activation g(z̃) (the softmax output for the last layer)
 * @param gamma        summary of γ (NaN without batch norm)
 * @param beta         summary of β (NaN without batch norm)
 * @param weightNorm   ‖W‖ (Frobenius)
 * @param gradNorm     ‖dW‖ of the last step
 * @param updateRatio  ‖ΔW‖/‖W‖ of the last step of the epoch (NaN if unknown)
 * @param deadShare    share of units that output 0 for every example of the batch (ReLU; NaN for
 *                     other activations and the output layer)
 * @param saturatedShare share of units whose output is saturated (|tanh| &gt; 0.99, sigmoid below
 *                     0.01 or above 0.99) for at least 95 % of the batch (NaN for ReLU-family and
 *                     the output layer)
 */
public record LayerStats(int layer, int units, String activation, boolean batchNorm, double[] batchMean,
                         double[] batchVar, double[] runningMean, double[] runningVar, Histogram z,
                         Histogram zTilde, Histogram a, Summary gamma, Summary beta, double weightNorm, double gradNorm, double updateRatio, double deadShare,
                         double saturatedShare) {

    /** The activation of the output layer. */
    public static final String SOFTMAX = "softmax";

    public LayerStats {
        Objects.requireNonNull(activation, "activation");
        batchMean = batchMean.clone();
        batchVar = batchVar.clone();
        runningMean = runningMean.clone();
        runningVar = runningVar.clone();
    }

    /** Whether this is the output (softmax) layer. */
    public boolean output() {
        return SOFTMAX.equals(activation);
    }

    /** The lower-case name of a hidden activation, as in "leaky_relu". */
    public static String nameOf(Activation g) {
        return g.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public double[] batchMean() {
        return batchMean.clone();
    }

    @Override
    public double[] batchVar() {
        return batchVar.clone();
    }

    @Override
    public double[] runningMean() {
        return runningMean.clone();
    }

    @Override
    public double[] runningVar() {
        return runningVar.clone();
    }

    /** Minimum, mean and maximum of a vector. */
    public record Summary(double min, double mean, double max) {
        static final Summary NONE = new Summary(Double.NaN, Double.NaN, Double.NaN);

        static Summary of(double[] v) {
            if (v.length == 0) {
                return NONE;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (double x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
                sum += x;
            }
            return new Summary(min, sum / v.length, max);
        }
    }

    /** Counts of values in equal-width bins over [min, max]. */
    public record Histogram(double min, double max, long[] counts) {
        public Histogram {
            counts = counts.clone();
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }

        static Histogram of(double[] values, int bins) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            long[] counts = new long[bins];
            if (min > max) {
                return new Histogram(Double.NaN, Double.NaN, counts);
            }
            double width = (max - min) / bins;
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                int b = width == 0 ? 0 : (int) ((v - min) / width);
                counts[Math.min(bins - 1, Math.max(0, b))]++;
            }
            return new Histogram(min, max, counts);
        }
    }

    static LayerStats of(Network net, int l, int bins, INDArray paramsBefore) {
        HostIO io = new HostIO();
        boolean bn = net.config().batchNorm(l);
        double[] empty = new double[0];
        double[] w = io.toArray(net.weights(l));
        double weightNorm = norm(w);
        double gradNorm = norm(io.toArray(net.gradW(l)));
        double ratio = Double.NaN;
        if (paramsBefore != null) {
            ParameterLayout.Entry e = net.layout().entry(ParameterLayout.Kind.W, l);
            double[] before = io.toArray(net.layout().view(paramsBefore, e));
            double d2 = 0;
            for (int i = 0; i < w.length; i++) {
                double d = w[i] - before[i];
                d2 += d * d;
            }
            ratio = weightNorm == 0 ? Double.NaN : Math.sqrt(d2) / weightNorm;
        }
        double[] z = io.toArray(net.z(l));
        double[] zt = io.toArray(net.zTilde(l));
        double[] a = io.toArray(net.activation(l));
        int units = net.config().units(l);
        double dead = Double.NaN;
        double saturated = Double.NaN;
        String activation = SOFTMAX;
        if (l < net.depth()) {
            Activation g = net.config().hidden().get(l - 1).activation();
            activation = nameOf(g);
            if (g == Activation.RELU) {
                dead = deadShare(a, units);
            } else if (!g.reluFamily()) {
                saturated = saturatedShare(a, units, g);
            }
        }
        return new LayerStats(l, units, activation, bn,
                bn ? io.toArray(net.batchMean(l)) : empty, bn ? io.toArray(net.batchVar(l)) : empty,
                bn ? io.toArray(net.runningMean(l)) : empty, bn ? io.toArray(net.runningVar(l)) : empty,
                Histogram.of(z, bins), Histogram.of(zt, bins), Histogram.of(a, bins),
                bn ? Summary.of(io.toArray(net.gamma(l))) : Summary.NONE,
                bn ? Summary.of(io.toArray(net.beta(l))) : Summary.NONE,
                weightNorm, gradNorm, ratio, dead, saturated);
    }

    /** Share of the {@code units} columns of the row-major activations {@code a} that are 0 in every row. */
    public static double deadShare(double[] a, int units) {
        int rows = a.length / units;
        int dead = 0;
        for (int j = 0; j < units; j++) {
            boolean allZero = true;
            for (int i = 0; i < rows && allZero; i++) {
                allZero = a[i * units + j] <= 0;
            }
            if (allZero) {
                dead++;
            }
        }
        return (double) dead / units;
    }

    /** Share of columns saturated in at least 95 % of the rows. */
    public static double saturatedShare(double[] a, int units, Activation g) {
        int rows = a.length / units;
        int saturated = 0;
        for (int j = 0; j < units; j++) {
            int count = 0;
            for (int i = 0; i < rows; i++) {
                double v = a[i * units + j];
                boolean sat = g == Activation.TANH ? Math.abs(v) > 0.99 : v < 0.01 || v > 0.99;
                if (sat) {
                    count++;
                }
            }
            if (count >= 0.95 * rows) {
                saturated++;
            }
        }
        return (double) saturated / units;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
