package babysitter.session;

import babysitter.engine.Hyperparameters;
import babysitter.engine.LrDecay;
import babysitter.engine.optim.OptimizerKind;

/**
 * The optimiser part of a run configuration; every absent field takes its default from
 * {@link Hyperparameters#DEFAULTS}.
 */
public record OptimizerSpec(OptimizerKind kind, Double learningRate, Double momentum, Double beta1, Double beta2,
                            Double epsilon, Double l2, Integer batchSize, LrDecay decay, Double decayRate) {

    /** The hyperparameters this describes (validated by {@link Hyperparameters}). */
    public Hyperparameters toHyperparameters() {
        Hyperparameters d = Hyperparameters.DEFAULTS;
        return new Hyperparameters(
                or(learningRate, d.learningRate()), or(momentum, d.momentum()), or(beta1, d.beta1()),
                or(beta2, d.beta2()), or(epsilon, d.epsilon()), decay == null ? d.decayKind() : decay,
                or(decayRate, d.decay()), or(l2, d.l2()), batchSize == null ? d.batchSize() : batchSize,
                kind == null ? d.optimizer() : kind);
    }

    /** The specification of given hyperparameters (all fields present). */
    public static OptimizerSpec of(Hyperparameters hp) {
        return new OptimizerSpec(hp.optimizer(), hp.learningRate(), hp.momentum(), hp.beta1(), hp.beta2(),
                hp.epsilon(), hp.l2(), hp.batchSize(), hp.decayKind(), hp.decay());
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
