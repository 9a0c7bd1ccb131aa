package babysitter.engine.optim;

import babysitter.engine.Hyperparameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** s = β2·s + (1−β2)·dP²; P −= α·dP / (√s + ε). */
public final class RmsProp implements Optimizer {
    static final RmsProp INSTANCE = new RmsProp();

    private RmsProp() {
    }

    @Override
    public void update(INDArray params, INDArray grads, OptimizerState state, Hyperparameters hp, double alpha) {
        state.nextT();
        double beta2 = hp.beta2();
        INDArray s = state.s();
        INDArray tmp = state.scratch();
        tmp.assign(grads).muli(grads);
        Blas1.scal(beta2, s);
        Blas1.axpy(1 - beta2, tmp, s);
        tmp.assign(s);
        Transforms.sqrt(tmp, false).addi(hp.epsilon());
        tmp.rdivi(grads);
        Blas1.axpy(-alpha, tmp, params);
    }
}
