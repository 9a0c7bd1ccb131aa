package babysitter.engine;

import java.util.List;
import java.util.Objects;

/**
 * The shape of a network and the fixed choices made when it is built.
 *
 * @param inputSize  number of input features n_0, at least 1
 * @param hidden     the hidden layers, input side first (may be empty: softmax regression)
 * @param classes    number of classes C, at least 2
 * @param precision  float32 or float64
 * @param bnEpsilon  ε added to σ² in batch normalisation, &gt; 0 (default 1e-5)
 * @param bnMomentum weight of the old value in the running mean and variance, in [0, 1) (default 0.9)
 * @param seed       seed of the weight initialisation
 * @param bnRunningVariance which batch variance the running variance averages (default biased)
 */
public record NetworkConfig(int inputSize, List<LayerSpec> hidden, int classes, Precision precision,
                            double bnEpsilon, double bnMomentum, long seed, RunningVariance bnRunningVariance) {

    public static final double DEFAULT_BN_EPSILON = 1e-5;
    public static final double DEFAULT_BN_MOMENTUM = 0.9;

    public NetworkConfig {
        if (inputSize < 1) {
            throw new InvalidValue("inputSize", "input size", InvalidValue.Rule.AT_LEAST, String.valueOf(inputSize), "1");
        }
        hidden = List.copyOf(Objects.requireNonNull(hidden, "hidden"));
        if (classes < 2) {
            throw new InvalidValue("classes", "number of classes", InvalidValue.Rule.AT_LEAST, String.valueOf(classes), "2");
        }
        Objects.requireNonNull(precision, "precision");
        if (!(bnEpsilon > 0) || !Double.isFinite(bnEpsilon)) {
            throw new InvalidValue("bnEpsilon", "batch-norm epsilon", InvalidValue.Rule.POSITIVE, String.valueOf(bnEpsilon));
        }
        if (!(bnMomentum >= 0 && bnMomentum < 1)) {
            throw new InvalidValue("bnMomentum", "batch-norm momentum", InvalidValue.Rule.FRACTION, String.valueOf(bnMomentum));
        }
        Objects.requireNonNull(bnRunningVariance, "bnRunningVariance");
    }

    /** A configuration whose running variance averages the biased batch variance (the course's). */
    public NetworkConfig(int inputSize, List<LayerSpec> hidden, int classes, Precision precision,
                         double bnEpsilon, double bnMomentum, long seed) {
        this(inputSize, hidden, classes, precision, bnEpsilon, bnMomentum, seed, RunningVariance.BIASED);
    }

    /** A float32 network with the default batch-norm ε and momentum. */
    public static NetworkConfig of(int inputSize, List<LayerSpec> hidden, int classes, long seed) {
        return new NetworkConfig(inputSize, hidden, classes, Precision.FLOAT32,
                DEFAULT_BN_EPSILON, DEFAULT_BN_MOMENTUM, seed);
    }

    public NetworkConfig withPrecision(Precision p) {
        return new NetworkConfig(inputSize, hidden, classes, p, bnEpsilon, bnMomentum, seed, bnRunningVariance);
    }

    /** Number of weight layers L (hidden layers plus the output layer). */
    public int depth() {
        return hidden.size() + 1;
    }

    /** n_l for l = 0..L. */
    public int units(int l) {
        if (l == 0) {
            return inputSize;
        }
        return l <= hidden.size() ? hidden.get(l - 1).units() : classes;
    }

    /** Whether layer l (1..L) is batch-normalised; the output layer never is. */
    public boolean batchNorm(int l) {
        return l <= hidden.size() && hidden.get(l - 1).batchNorm();
    }
}
