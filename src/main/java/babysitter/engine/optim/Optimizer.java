package babysitter.engine.optim;

import babysitter.engine.Hyperparameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One update rule of the course notes §7, applied to all parameters at once (the network keeps
 * them in one flat vector, gradients alike). Implementations are stateless: α, β, β1, β2, ε come
 * from the hyperparameters of the step, v, s and t from the {@link OptimizerState}.
 */
public interface Optimizer {

    /**
     * Updates {@code params} in place from {@code grads}.
     *
     * @param alpha the learning rate in effect for this step (after decay)
     */
    void update(INDArray params, INDArray grads, OptimizerState state, Hyperparameters hp, double alpha);

    static Optimizer of(OptimizerKind kind) {
        return switch (kind) {
            case SGD -> Sgd.INSTANCE;
            case MOMENTUM -> Momentum.INSTANCE;
            case RMSPROP -> RmsProp.INSTANCE;
            case ADAM -> Adam.INSTANCE;
        };
    }
}
