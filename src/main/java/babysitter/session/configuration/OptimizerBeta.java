package babysitter.session.configuration;

import babysitter.engine.Hyperparameters;
import babysitter.engine.optim.OptimizerKind;

/**
 * The β the current optimiser uses: the decay rate of the running average it keeps of the gradient
 * (course notes §7) — momentum's β, Adam's β1 — or, for RMSprop, which keeps only the average of
 * dP², its β2. SGD keeps no average. The live β slider and "Try siblings" both use it.
 */
public enum OptimizerBeta {
    /** SGD: no β. */
    NONE("", null),
    /** The momentum optimiser's β ({@link Hyperparameters#momentum()}). */
    MOMENTUM("β", "momentum"),
    /** Adam's β1, of the average of dP. */
    BETA1("β1", "beta1"),
    /** RMSprop's β2, of the average of dP². */
    BETA2("β2", "beta2");

    private final String symbol;
    private final String key;

    OptimizerBeta(String symbol, String key) {
        this.symbol = symbol;
        this.key = key;
    }

    /** The β that {@code kind} uses for its average. */
    public static OptimizerBeta of(OptimizerKind kind) {
        return switch (kind) {
            case SGD -> NONE;
            case MOMENTUM -> MOMENTUM;
            case RMSPROP -> BETA2;
            case ADAM -> BETA1;
        };
    }

    /** "β", "β1", "β2", or "" for none. */
    public String symbol() {
        return symbol;
    }

    /** The hyperparameter's name in configurations and events ("momentum", "beta1", "beta2"), or null. */
    public String key() {
        return key;
    }

    /** The value in {@code hp}, or NaN for none. */
    public double get(Hyperparameters hp) {
        return switch (this) {
            case NONE -> Double.NaN;
            case MOMENTUM -> hp.momentum();
            case BETA1 -> hp.beta1();
            case BETA2 -> hp.beta2();
        };
    }

    /** {@code hp} with this β set to {@code v} ({@code hp} itself for none). */
    public Hyperparameters with(Hyperparameters hp, double v) {
        return switch (this) {
            case NONE -> hp;
            case MOMENTUM -> hp.withMomentum(v);
            case BETA1 -> hp.withBetas(v, hp.beta2());
            case BETA2 -> hp.withBetas(hp.beta1(), v);
        };
    }
}
