package babysitter.engine.optim;

import babysitter.engine.Hyperparameters;

/**
 * One update rule of the course notes §7, applied to all parameters at once as one fused loop
 * (the network keeps parameters, gradients and optimiser state in the same flat layout).
 * Implementations are stateless: α, β, β1, β2, ε come from the hyperparameters of the step,
 * v, s and t from the {@link OptimizerState}.
 *
 * <p>Each rule is written twice, for float32 and float64 networks: the same formula, computed in
 * the network's precision, so that a float32 network's update needs no conversion of its
 * parameters (converting is slower than the update itself).
 */
public interface Optimizer {

    /**
     * Updates {@code p[from..to)} in place from {@code g[from..to)}; {@code v} and {@code s} are this rule's
     * state (a rule that keeps no v or s leaves them alone).
     *
     * @param t     the step number of this rule, from 1
     * @param alpha the learning rate in effect for this step (after decay)
     */
    void update(double[] p, double[] g, double[] v, double[] s, int from, int to, long t, Hyperparameters hp, double alpha);

    /** The same update in float32 arithmetic. */
    void update(float[] p, float[] g, float[] v, float[] s, int from, int to, long t, Hyperparameters hp, double alpha);

    static Optimizer of(OptimizerKind kind) {
        return switch (kind) {
            case SGD -> Sgd.INSTANCE;
            case MOMENTUM -> Momentum.INSTANCE;
            case RMSPROP -> RmsProp.INSTANCE;
            case ADAM -> Adam.INSTANCE;
        };
    }
}
