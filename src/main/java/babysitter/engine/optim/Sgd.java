package babysitter.engine.optim;

import babysitter.engine.Hyperparameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/** P −= α·dP. */
public final class Sgd implements Optimizer {
    static final Sgd INSTANCE = new Sgd();

    private Sgd() {
    }

    @Override
    public void update(INDArray params, INDArray grads, OptimizerState state, Hyperparameters hp, double alpha) {
        state.nextT();
        Blas1.axpy(-alpha, grads, params);
    }
}
