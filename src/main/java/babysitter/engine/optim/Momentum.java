package babysitter.engine.optim;

import babysitter.engine.Hyperparameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/** v = β·v + (1−β)·dP; P −= α·v. */
public final class Momentum implements Optimizer {
    static final Momentum INSTANCE = new Momentum();

    private Momentum() {
    }

    @Override
    public void update(INDArray params, INDArray grads, OptimizerState state, Hyperparameters hp, double alpha) {
        state.nextT();
        double beta = hp.momentum();
        INDArray v = state.v();
        Blas1.scal(beta, v);
        Blas1.axpy(1 - beta, grads, v);
        Blas1.axpy(-alpha, v, params);
    }
}
