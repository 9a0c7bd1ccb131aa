package babysitter.engine;

import babysitter.engine.Network.Mode;
import babysitter.engine.StepPhases.Phase;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The forward and backward passes of a {@link Network} (course notes §4–§7), batch norm's
 * included, on one batch's {@link WorkArrays}; apart from the network, which assembles the
 * parameters and offers the calls that use these passes.
 *
 * <p>Matrix products run on OpenBLAS in the network's precision, called directly (Gemm, no ND4J
 * op objects). Everything element-wise (batch norm, activations, softmax, their derivatives)
 * runs as fused loops over double work arrays: one bulk copy in and out per layer instead of a
 * dozen native calls, each of which costs more than the arithmetic at these sizes (see
 * docs/PERFORMANCE.md).
 */
final class ForwardBackward {
    private final NetworkConfig config;
    private final int depth;
    private final int[] units;
    private final INDArray[] w;
    private final INDArray[] b;
    private final INDArray[] gamma;
    private final INDArray[] beta;
    private final INDArray[] dW;
    private final INDArray[] db;
    private final INDArray[] dGamma;
    private final INDArray[] dBeta;
    private final INDArray[] runningMean;
    private final INDArray[] runningVar;
    private final Gemm.Operand[] wOp;
    private final Gemm.Operand[] dWOp;
    private final HostIO io = new HostIO();
    /** Into how many blocks the products are split (the network's engine threads). */
    private final int parts;
    /** The operand of the last input matrix, kept while that array lives (it is not held here). */
    private WeakReference<INDArray> inputKey = new WeakReference<>(null);
    private WeakReference<DataBuffer> inputData = new WeakReference<>(null);
    private Gemm.Operand inputOp;

    ForwardBackward(NetworkConfig config, LayerViews v, int parts) {
        this.config = config;
        this.parts = parts;
        this.depth = config.depth();
        this.units = new int[depth + 1];
        for (int l = 0; l <= depth; l++) {
            units[l] = config.units(l);
        }
        this.w = v.w;
        this.b = v.b;
        this.gamma = v.gamma;
        this.beta = v.beta;
        this.dW = v.dW;
        this.db = v.db;
        this.dGamma = v.dGamma;
        this.dBeta = v.dBeta;
        this.runningMean = v.runningMean;
        this.runningVar = v.runningVar;
        this.wOp = v.wOp;
        this.dWOp = v.dWOp;
    }

    void forward(INDArray x, WorkArrays buf, Mode mode, boolean updateRunning) {
        int m = buf.rows;
        INDArray prev = x;
        Gemm.Operand prevOp = input(x);
        for (int l = 1; l <= depth; l++) {
            int n = units[l];
            Gemm.multiply(prev, prevOp, false, w[l], wOp[l], false, buf.zDev[l], buf.zOp[l], parts);
            StepPhases.lap(Phase.PRODUCTS);
            double[] z = buf.z[l];
            io.read(buf.zDev[l], z);
            StepPhases.lap(Phase.COPIES);
            if (l == 1 && !Kernels.allFinite(z, m * n)) {
                // A NaN or infinite input spreads to its whole row of z: find and name it before
                // anything (running statistics, parameters) has changed.
                requireFinite(x);
            }
            StepPhases.lap(Phase.OTHER);
            if (l == depth) {
                io.read(b[l], buf.vecA);
                Kernels.addRowVector(z, buf.vecA, m, n);
                Kernels.softmax(z, buf.probs, buf.logProbs, m, n);
                StepPhases.lap(Phase.ELEMENT_WISE);
                break;
            }
            double[] zt = buf.zTilde[l];
            if (config.batchNorm(l)) {
                batchNormForward(l, buf, mode, updateRunning);
            } else {
                io.read(b[l], buf.vecA);
                Kernels.addRowVector(z, buf.vecA, m, n);
            }
            Kernels.activate(config.hidden().get(l - 1).activation(), zt, buf.a[l], m * n);
            StepPhases.lap(Phase.ELEMENT_WISE);
            io.write(buf.a[l], buf.aDev[l]);
            StepPhases.lap(Phase.COPIES);
            prev = buf.aDev[l];
            prevOp = buf.aOp[l];
        }
    }

    /** The operand of input x: made again for another array, or if x's memory was replaced. */
    private Gemm.Operand input(INDArray x) {
        if (inputKey.get() != x || inputData.get() != x.data()) {
            inputOp = new Gemm.Operand(x);
            inputKey = new WeakReference<>(x);
            inputData = new WeakReference<>(x.data());
        }
        return inputOp;
    }

    private void batchNormForward(int l, WorkArrays buf, Mode mode, boolean updateRunning) {
        int m = buf.rows;
        int n = units[l];
        double[] z = buf.z[l];
        double[] mu = buf.mu[l];
        double[] var = buf.var[l];
        if (mode == Mode.TRAIN) {
            Kernels.columnMeanAndVariance(z, m, n, mu, var);
            if (updateRunning) {
                double mom = config.bnMomentum();
                double[] run = buf.vecA;
                io.read(runningMean[l], run);
                for (int j = 0; j < n; j++) {
                    run[j] = mom * run[j] + (1 - mom) * mu[j];
                }
                io.write(run, runningMean[l]);
                io.read(runningVar[l], run);
                RunningVariance convention = config.bnRunningVariance();
                for (int j = 0; j < n; j++) {
                    run[j] = mom * run[j] + (1 - mom) * convention.ofBatch(var[j], m);
                }
                io.write(run, runningVar[l]);
            }
        } else {
            io.read(runningMean[l], mu);
            io.read(runningVar[l], var);
        }
        double[] invStd = buf.invStd[l];
        double eps = config.bnEpsilon();
        for (int j = 0; j < n; j++) {
            invStd[j] = 1.0 / Math.sqrt(var[j] + eps);
        }
        double[] g = buf.vecA;
        double[] be = buf.vecB;
        io.read(gamma[l], g);
        io.read(beta[l], be);
        double[] zn = buf.zNorm[l];
        double[] zt = buf.zTilde[l];
        for (int i = 0, k = 0; i < m; i++) {
            for (int j = 0; j < n; j++, k++) {
                double v = (z[k] - mu[j]) * invStd[j];
                zn[k] = v;
                zt[k] = g[j] * v + be[j];
            }
        }
    }

    double cost(WorkArrays buf, int[] labels, double l2) {
        int m = buf.rows;
        int c = units[depth];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            sum += buf.logProbs[i * c + labels[i]];
        }
        double crossEntropy = -sum / m + 0.0; // + 0.0 turns −0.0 (a perfect batch) into 0.0
        if (l2 == 0) {
            return crossEntropy;
        }
        double squares = 0;
        for (int l = 1; l <= depth; l++) {
            double norm = w[l].norm2Number().doubleValue();
            squares += norm * norm;
        }
        return crossEntropy + l2 / (2.0 * m) * squares;
    }

    void backward(INDArray x, WorkArrays buf, int[] labels, double l2) {
        int m = buf.rows;
        int c = units[depth];
        // Output layer: dz = (ŷ − y) / m for the mean cost.
        double[] dzOut = buf.dz[depth];
        for (int k = 0; k < m * c; k++) {
            dzOut[k] = buf.probs[k] / m;
        }
        for (int i = 0; i < m; i++) {
            dzOut[i * c + labels[i]] -= 1.0 / m;
        }
        StepPhases.lap(Phase.ELEMENT_WISE);
        for (int l = depth; l >= 1; l--) {
            int n = units[l];
            INDArray prev = l == 1 ? x : buf.aDev[l - 1];
            Gemm.Operand prevOp = l == 1 ? input(x) : buf.aOp[l - 1];
            double[] dz = buf.dz[l];
            if (l < depth) {
                io.read(buf.daDev[l], buf.da[l]);
                StepPhases.lap(Phase.COPIES);
                double[] dzt = buf.dzTilde[l];
                Kernels.activationBackward(config.hidden().get(l - 1).activation(), buf.zTilde[l], buf.a[l],
                        buf.da[l], dzt, m * n);
                if (config.batchNorm(l)) {
                    batchNormBackward(l, buf, dzt, dz);
                } else {
                    Kernels.columnSums(dzt, m, n, buf.vecA);
                    io.write(buf.vecA, db[l]);
                    System.arraycopy(dzt, 0, dz, 0, m * n);
                }
            } else {
                Kernels.columnSums(dz, m, n, buf.vecA);
                io.write(buf.vecA, db[l]);
            }
            StepPhases.lap(Phase.ELEMENT_WISE);
            io.write(dz, buf.dzDev[l]);
            StepPhases.lap(Phase.COPIES);
            Gemm.multiply(prev, prevOp, true, buf.dzDev[l], buf.dzOp[l], false, dW[l], dWOp[l], parts);
            if (l2 != 0) {
                Nd4j.getBlasWrapper().level1().axpy(w[l].length(), l2 / m, w[l], dW[l]);
            }
            if (l > 1) {
                Gemm.multiply(buf.dzDev[l], buf.dzOp[l], false, w[l], wOp[l], true,
                        buf.daDev[l - 1], buf.daOp[l - 1], parts);
            }
            StepPhases.lap(Phase.PRODUCTS);
        }
    }

    /**
     * From dz̃ to dz through z̃ = γ·z_norm + β, z_norm = (z − μ)/√(σ² + ε) with batch μ, σ²:
     * dβ = Σ dz̃, dγ = Σ dz̃·z_norm, dz = γ/√(σ²+ε) · (dz̃ − dβ/m − z_norm·dγ/m).
     */
    private void batchNormBackward(int l, WorkArrays buf, double[] dzt, double[] dz) {
        int m = buf.rows;
        int n = units[l];
        double[] zn = buf.zNorm[l];
        double[] dGam = buf.vecA;
        double[] dBet = buf.vecB;
        Arrays.fill(dGam, 0, n, 0.0);
        Arrays.fill(dBet, 0, n, 0.0);
        for (int i = 0, k = 0; i < m; i++) {
            for (int j = 0; j < n; j++, k++) {
                dBet[j] += dzt[k];
                dGam[j] += dzt[k] * zn[k];
            }
        }
        io.write(dGam, dGamma[l]);
        io.write(dBet, dBeta[l]);
        double[] scale = buf.vecC;
        double[] g = buf.vecD;
        io.read(gamma[l], g);
        double[] invStd = buf.invStd[l];
        for (int j = 0; j < n; j++) {
            scale[j] = g[j] * invStd[j];
            dGam[j] /= m;
            dBet[j] /= m;
        }
        for (int i = 0, k = 0; i < m; i++) {
            for (int j = 0; j < n; j++, k++) {
                dz[k] = scale[j] * (dzt[k] - dBet[j] - zn[k] * dGam[j]);
            }
        }
    }

    /** Fails with the position of the first NaN or infinite input. */
    private static void requireFinite(INDArray x) {
        double sum = x.sumNumber().doubleValue();
        if (Double.isFinite(sum)) {
            return;
        }
        for (long i = 0; i < x.rows(); i++) {
            INDArray row = x.getRow(i);
            if (Double.isFinite(row.sumNumber().doubleValue())) {
                continue;
            }
            for (long j = 0; j < row.length(); j++) {
                double v = row.getDouble(j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("input row " + i + ", column " + j + " is " + v
                            + "; inputs must be finite numbers");
                }
            }
        }
        // Finite values whose sum overflowed: nothing to reject.
    }
}
