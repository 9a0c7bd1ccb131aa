package babysitter.session.configuration;

import babysitter.engine.Hyperparameters;
import babysitter.engine.LrDecay;
import babysitter.engine.optim.OptimizerKind;
import babysitter.store.RecordedBy;

/**
 * The optimiser part of a run configuration; every absent field takes its default from
 * {@link Hyperparameters#DEFAULTS}, except an absent {@code decayRate}, which takes the default of
 * the decay form ({@link LrDecay#defaultRate()}), and an absent {@code decayEvery}
 * ({@link LrDecay#DEFAULT_EVERY}).
 */
public record OptimizerSpec(OptimizerKind kind, Double learningRate, Double momentum, Double beta1, Double beta2,
                            Double epsilon, Double l2, Integer batchSize, LrDecay decay, Double decayRate,
                            Integer decayEvery) {

    /** A specification without {@code decayEvery} (the staircase's default). */
    public OptimizerSpec(OptimizerKind kind, Double learningRate, Double momentum, Double beta1, Double beta2,
                         Double epsilon, Double l2, Integer batchSize, LrDecay decay, Double decayRate) {
        this(kind, learningRate, momentum, beta1, beta2, epsilon, l2, batchSize, decay, decayRate, null);
    }

    /** The hyperparameters this describes (validated by {@link Hyperparameters}). */
    public Hyperparameters toHyperparameters() {
        Hyperparameters d = Hyperparameters.DEFAULTS;
        LrDecay form = decay == null ? d.decayKind() : decay;
        return new Hyperparameters(
                or(learningRate, d.learningRate()), or(momentum, d.momentum()), or(beta1, d.beta1()),
                or(beta2, d.beta2()), or(epsilon, d.epsilon()), form,
                or(decayRate, form.defaultRate()), or(l2, d.l2()), batchSize == null ? d.batchSize() : batchSize,
                kind == null ? d.optimizer() : kind, decayEvery == null ? LrDecay.DEFAULT_EVERY : decayEvery);
    }

    /** The specification of given hyperparameters (all fields present). */
    public static OptimizerSpec of(Hyperparameters hp) {
        return new OptimizerSpec(hp.optimizer(), hp.learningRate(), hp.momentum(), hp.beta1(), hp.beta2(),
                hp.epsilon(), hp.l2(), hp.batchSize(), hp.decayKind(), hp.decay(), hp.decayEvery());
    }

    /**
     * This specification as the program that recorded it meant it. Version 0.1.0 applied exponential
     * decay with a fixed base of 0.95 whatever {@code decayRate} said (and wrote 0 there by default),
     * so its exponential specifications are read with a rate of 0.95; anything else is unchanged.
     *
     * @param recordedBy the {@code version} in the run's run.json (null: the current version)
     */
    public OptimizerSpec asRecordedBy(String recordedBy) {
        if (!RecordedBy.fixedExponentialBase(recordedBy, decay)) {
            return this;
        }
        return new OptimizerSpec(kind, learningRate, momentum, beta1, beta2, epsilon, l2, batchSize, decay,
                LrDecay.EXPONENTIAL.defaultRate(), decayEvery);
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
