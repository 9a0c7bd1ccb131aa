package babysitter.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's per-layer arrays, index l = 1..L: the views of W, b, γ, β into the flat parameter
 * vector and of their gradients into the gradient vector, batch norm's running statistics, and the
 * BLAS operands of W and dW. The network and its passes share them.
 */
final class LayerViews {
    final INDArray[] w;
    final INDArray[] b;
    final INDArray[] gamma;
    final INDArray[] beta;
    final INDArray[] dW;
    final INDArray[] db;
    final INDArray[] dGamma;
    final INDArray[] dBeta;
    final INDArray[] runningMean;
    final INDArray[] runningVar;
    final Gemm.Operand[] wOp;
    final Gemm.Operand[] dWOp;

    /** Views into {@code params} and {@code grads} laid out by {@code layout}; γ starts at 1, the running variance at 1. */
    LayerViews(NetworkConfig config, ParameterLayout layout, INDArray params, INDArray grads, DataType dt) {
        int depth = config.depth();
        this.w = new INDArray[depth + 1];
        this.b = new INDArray[depth + 1];
        this.gamma = new INDArray[depth + 1];
        this.beta = new INDArray[depth + 1];
        this.dW = new INDArray[depth + 1];
        this.db = new INDArray[depth + 1];
        this.dGamma = new INDArray[depth + 1];
        this.dBeta = new INDArray[depth + 1];
        this.runningMean = new INDArray[depth + 1];
        this.runningVar = new INDArray[depth + 1];
        this.wOp = new Gemm.Operand[depth + 1];
        this.dWOp = new Gemm.Operand[depth + 1];
        for (int l = 1; l <= depth; l++) {
            w[l] = layout.view(params, ParameterLayout.Kind.W, l);
            dW[l] = layout.view(grads, ParameterLayout.Kind.W, l);
            wOp[l] = new Gemm.Operand(w[l]);
            dWOp[l] = new Gemm.Operand(dW[l]);
            if (config.batchNorm(l)) {
                gamma[l] = layout.view(params, ParameterLayout.Kind.GAMMA, l);
                beta[l] = layout.view(params, ParameterLayout.Kind.BETA, l);
                dGamma[l] = layout.view(grads, ParameterLayout.Kind.GAMMA, l);
                dBeta[l] = layout.view(grads, ParameterLayout.Kind.BETA, l);
                gamma[l].assign(1.0);
                runningMean[l] = Nd4j.zeros(dt, config.units(l));
                runningVar[l] = Nd4j.ones(dt, config.units(l));
            } else {
                b[l] = layout.view(params, ParameterLayout.Kind.B, l);
                db[l] = layout.view(grads, ParameterLayout.Kind.B, l);
            }
        }
    }
}
