package babysitter.engine;

import babysitter.engine.optim.OptimizerKind;
import java.util.Objects;

/**
 * Everything a training step reads that a person may change between two steps. Immutable: a
 * change makes a new value, which the next step uses.
 *
 * @param learningRate α, finite and &gt; 0
 * @param momentum     β of the momentum optimiser, in [0, 1)
 * @param beta1        Adam's β1, in [0, 1)
 * @param beta2        β2 of RMSprop and Adam, in [0, 1)
 * @param epsilon      ε of RMSprop and Adam, finite and &gt; 0
 * @param decayKind    the learning-rate decay form
 * @param decay        the parameter of the decay form (its rate, k or factor; see {@link LrDecay#check})
 * @param l2           L2 strength λ, finite and ≥ 0
 * @param batchSize    mini-batch size, at least 1
 * @param optimizer    the update rule
 * @param decayEvery   epochs per stair of {@link LrDecay#STAIRCASE}, at least 1
 */
public record Hyperparameters(double learningRate, double momentum, double beta1, double beta2,
                              double epsilon, LrDecay decayKind, double decay, double l2, int batchSize,
                              OptimizerKind optimizer, int decayEvery) {

    /** The defaults of the course notes: Adam, α 1e-3, β 0.9, β1 0.9, β2 0.999, ε 1e-8, batch 128. */
    public static final Hyperparameters DEFAULTS = new Hyperparameters(1e-3, 0.9, 0.9, 0.999, 1e-8,
            LrDecay.NONE, 0.0, 0.0, 128, OptimizerKind.ADAM);

    public Hyperparameters {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new InvalidValue("learningRate", "learning rate", InvalidValue.Rule.POSITIVE, String.valueOf(learningRate));
        }
        requireUnitInterval("momentum", "momentum β", momentum);
        requireUnitInterval("beta1", "β1", beta1);
        requireUnitInterval("beta2", "β2", beta2);
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new InvalidValue("epsilon", "ε", InvalidValue.Rule.POSITIVE, String.valueOf(epsilon));
        }
        Objects.requireNonNull(decayKind, "decayKind");
        decayKind.check(decay, decayEvery);
        if (!(l2 >= 0) || !Double.isFinite(l2)) {
            throw new InvalidValue("l2", "L2 strength λ", InvalidValue.Rule.NOT_NEGATIVE, String.valueOf(l2));
        }
        if (batchSize < 1) {
            throw new InvalidValue("batchSize", "mini-batch size", InvalidValue.Rule.AT_LEAST, String.valueOf(batchSize), "1");
        }
        Objects.requireNonNull(optimizer, "optimizer");
    }

    /** Hyperparameters whose staircase (if any) has the default {@link LrDecay#DEFAULT_EVERY} epochs per stair. */
    public Hyperparameters(double learningRate, double momentum, double beta1, double beta2, double epsilon,
                           LrDecay decayKind, double decay, double l2, int batchSize, OptimizerKind optimizer) {
        this(learningRate, momentum, beta1, beta2, epsilon, decayKind, decay, l2, batchSize, optimizer,
                LrDecay.DEFAULT_EVERY);
    }

    private static void requireUnitInterval(String name, String englishName, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new InvalidValue(name, englishName, InvalidValue.Rule.FRACTION, String.valueOf(value));
        }
    }

    /** The learning rate in effect during epoch {@code epoch} (from 0) after decay. */
    public double learningRateAt(int epoch) {
        return decayKind.apply(learningRate, decay, decayEvery, epoch);
    }

    public Hyperparameters withLearningRate(double v) {
        return new Hyperparameters(v, momentum, beta1, beta2, epsilon, decayKind, decay, l2, batchSize, optimizer, decayEvery);
    }

    public Hyperparameters withMomentum(double v) {
        return new Hyperparameters(learningRate, v, beta1, beta2, epsilon, decayKind, decay, l2, batchSize, optimizer, decayEvery);
    }

    public Hyperparameters withBetas(double b1, double b2) {
        return new Hyperparameters(learningRate, momentum, b1, b2, epsilon, decayKind, decay, l2, batchSize, optimizer, decayEvery);
    }

    public Hyperparameters withEpsilon(double v) {
        return new Hyperparameters(learningRate, momentum, beta1, beta2, v, decayKind, decay, l2, batchSize, optimizer, decayEvery);
    }

    public Hyperparameters withDecay(LrDecay kind, double rate) {
        return withDecay(kind, rate, decayEvery);
    }

    public Hyperparameters withDecay(LrDecay kind, double rate, int every) {
        return new Hyperparameters(learningRate, momentum, beta1, beta2, epsilon, kind, rate, l2, batchSize, optimizer, every);
    }

    public Hyperparameters withL2(double v) {
        return new Hyperparameters(learningRate, momentum, beta1, beta2, epsilon, decayKind, decay, v, batchSize, optimizer, decayEvery);
    }

    public Hyperparameters withBatchSize(int v) {
        return new Hyperparameters(learningRate, momentum, beta1, beta2, epsilon, decayKind, decay, l2, v, optimizer, decayEvery);
    }

    public Hyperparameters withOptimizer(OptimizerKind v) {
        return new Hyperparameters(learningRate, momentum, beta1, beta2, epsilon, decayKind, decay, l2, batchSize, v, decayEvery);
    }
}
