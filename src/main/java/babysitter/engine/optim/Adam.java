package babysitter.engine.optim;

import babysitter.engine.Hyperparameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * v = β1·v + (1−β1)·dP; s = β2·s + (1−β2)·dP²; v̂ = v/(1−β1^t); ŝ = s/(1−β2^t);
 * P −= α·v̂ / (√ŝ + ε), with t counted from 1.
 */
public final class Adam implements Optimizer {
    static final Adam INSTANCE = new Adam();

    private Adam() {
    }

    @Override
    public void update(INDArray params, INDArray grads, OptimizerState state, Hyperparameters hp, double alpha) {
        long t = state.nextT();
        double b1 = hp.beta1();
        double b2 = hp.beta2();
        INDArray v = state.v();
        INDArray s = state.s();
        INDArray tmp = state.scratch();
        Blas1.scal(b1, v);
        Blas1.axpy(1 - b1, grads, v);
        tmp.assign(grads).muli(grads);
        Blas1.scal(b2, s);
        Blas1.axpy(1 - b2, tmp, s);
        double c1 = 1 - Math.pow(b1, t);
        double c2 = 1 - Math.pow(b2, t);
        // tmp = √(s / c2) + ε = √ŝ + ε
        tmp.assign(s).muli(1 / c2);
        Transforms.sqrt(tmp, false).addi(hp.epsilon());
        // tmp = v / tmp; P −= (α / c1) · tmp  (v / c1 = v̂)
        tmp.rdivi(v);
        Blas1.axpy(-alpha / c1, tmp, params);
    }
}
