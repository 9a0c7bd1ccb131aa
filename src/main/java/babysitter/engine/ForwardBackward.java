package babysitter.engine;

import babysitter.engine.Network.Mode;
import babysitter.engine.StepPhases.Phase;
import java.lang.ref.WeakReference;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The forward and backward passes of a {@link Network} (course notes §4–§7), batch norm's
 * included, on one batch's {@link WorkArrays}; apart from the network, which assembles the
 * parameters and offers the calls that use these passes.
 *
 * <p>Matrix products run on OpenBLAS in the network's precision, called directly (Gemm, no ND4J
 * op objects), split into blocks across the network's engine threads ({@link EngineThreads}).
 * Everything element-wise (batch norm, activations, softmax, their derivatives) runs as fused
 * loops over double work arrays ({@link HiddenLayerElementWise}): one bulk copy in and out per
 * layer instead of a dozen native calls, each of which costs more than the arithmetic at these
 * sizes (see docs/PERFORMANCE.md). A hidden layer wide enough to share does it by blocks of
 * columns on the engine threads, each thread right after its block of the product
 * ({@link ColumnBlockWork}); inference on chunks with more rows than units takes blocks of rows
 * through every layer instead.
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
    private final INDArray[] runningMean;
    private final INDArray[] runningVar;
    private final Gemm.Operand[] wOp;
    private final Gemm.Operand[] dWOp;
    private final HostIO io = new HostIO();
    private final HiddenLayerElementWise hidden;
    private final ColumnBlockWork columnBlocks;
    /** Into how many blocks the products are split (the network's engine threads). */
    private final int parts;
    /** The operand of the last input matrix, kept while that array lives (it is not held here). */
    private WeakReference<INDArray> inputKey = new WeakReference<>(null);
    private WeakReference<DataBuffer> inputData = new WeakReference<>(null);
    private Gemm.Operand inputOp;

    ForwardBackward(NetworkConfig config, LayerViews v, int parts) {
        this.config = config;
        this.parts = parts;
        this.hidden = new HiddenLayerElementWise(config, v);
        this.columnBlocks = new ColumnBlockWork(config, v, hidden, parts);
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
        this.runningMean = v.runningMean;
        this.runningVar = v.runningVar;
        this.wOp = v.wOp;
        this.dWOp = v.dWOp;
    }

    void forward(INDArray x, WorkArrays buf, Mode mode, boolean updateRunning) {
        int m = buf.rows;
        buf.hiddenLayersDeferred = false;
        Gemm.Operand inputOp = input(x);
        readParameters(buf, mode);
        int blocks = mode == Mode.INFERENCE ? Gemm.rowBlocks(m, units[1], units[0], parts) : 1;
        if (blocks > 1 && splitsByRows(inputOp, buf)) {
            forwardByRows(x, inputOp, buf, blocks);
            return;
        }
        INDArray prev = x;
        Gemm.Operand prevOp = inputOp;
        for (int l = 1; l <= depth; l++) {
            int n = units[l];
            int split = l < depth ? columnBlocks.blocks(prevOp, false, wOp[l], false, buf.zOp[l]) : 1;
            buf.columnBlocks[l] = split;
            boolean finite;
            if (split > 1) {
                finite = columnBlocks.forward(l, prevOp, buf, mode, split);
            } else {
                Gemm.multiply(prev, prevOp, false, w[l], wOp[l], false, buf.zDev[l], buf.zOp[l], parts);
                StepPhases.lap(Phase.PRODUCTS);
                if (l == depth) {
                    double[] z = buf.z[l];
                    io.read(buf.zDev[l], z);
                    StepPhases.lap(Phase.COPIES);
                    if (l == 1 && !Kernels.allFinite(z, m * n)) {
                        requireFinite(x);
                    }
                    Kernels.addRowVector(z, buf.bias[l], m, n);
                    Kernels.softmax(z, buf.probs, buf.logProbs, 0, m, n);
                    StepPhases.lap(Phase.ELEMENT_WISE);
                    break;
                }
                finite = hidden.forward(l, buf, mode);
            }
            if (!finite) {
                // A NaN or infinite input spreads to its whole row of z: find and name it before
                // anything (running statistics, parameters) has changed.
                requireFinite(x);
            }
            if (config.batchNorm(l) && mode == Mode.TRAIN && updateRunning) {
                updateRunningStatistics(l, buf);
            }
            StepPhases.lap(split > 1 ? Phase.FUSED : Phase.ELEMENT_WISE);
            prev = buf.aDev[l];
            prevOp = buf.aOp[l];
        }
    }

    /** Whether every layer's product can be computed a block of rows at a time ({@link Gemm#multiplyRows}). */
    private boolean splitsByRows(Gemm.Operand inputOp, WorkArrays buf) {
        Gemm.Operand prevOp = inputOp;
        for (int l = 1; l <= depth; l++) {
            if (!Gemm.rowsDirect(prevOp, wOp[l], buf.zOp[l])) {
                return false;
            }
            prevOp = buf.aOp[l];
        }
        return true;
    }

    /** γ, β (and in inference mode the running μ, σ²) or b of every layer into the work arrays. */
    private void readParameters(WorkArrays buf, Mode mode) {
        for (int l = 1; l <= depth; l++) {
            if (l < depth && config.batchNorm(l)) {
                io.read(gamma[l], buf.gamma[l]);
                io.read(beta[l], buf.beta[l]);
                if (mode == Mode.INFERENCE) {
                    io.read(runningMean[l], buf.mu[l]);
                    io.read(runningVar[l], buf.var[l]);
                }
            } else {
                io.read(b[l], buf.bias[l]);
            }
        }
    }

    /**
     * Inference on a chunk with more rows than units: each engine thread takes its own block of
     * rows through every layer (product, element-wise work, softmax), with no hand-off between the
     * layers; nothing depends on other rows in inference mode. An element of each product is the
     * same dot product as in the whole product, so the results are those of one thread.
     */
    private void forwardByRows(INDArray x, Gemm.Operand inputOp, WorkArrays buf, int blocks) {
        for (int l = 1; l < depth; l++) {
            hidden.inverseStd(l, buf);
            buf.columnBlocks[l] = 1;
        }
        inputOp.prepareBlocks(blocks);
        for (int l = 1; l <= depth; l++) {
            wOp[l].prepareBlocks(blocks);
            buf.zOp[l].prepareBlocks(blocks);
            if (l < depth) {
                buf.aOp[l].prepareBlocks(blocks);
            }
        }
        int m = buf.rows;
        boolean[] finite = buf.blockFinite;
        for (int part = 0; part < blocks; part++) {
            if (buf.tiles[part] == null) {
                buf.tiles[part] = new WorkArrays.Tile(buf.widest);
            }
        }
        Lanes.shared().run(blocks, part -> {
            int r0 = Gemm.boundary(m, blocks, part);
            int r1 = Gemm.boundary(m, blocks, part + 1);
            finite[part] = forwardRows(inputOp, buf, r0, r1, part);
        });
        buf.hiddenLayersDeferred = true;
        StepPhases.lap(Phase.PRODUCTS);
        for (int part = 0; part < blocks; part++) {
            if (!finite[part]) {
                requireFinite(x);
            }
        }
    }

    /**
     * The rows r0 ≤ i < r1 through every layer in inference mode, as block {@code part} of a
     * split by rows; whether those rows of layer 1's z are finite. (Cut into smaller tiles of
     * 64–256 rows for the cache, it got slower: the products lose more than the copies gain.)
     */
    private boolean forwardRows(Gemm.Operand inputOp, WorkArrays buf, int r0, int r1, int part) {
        int c = units[depth];
        boolean finite = true;
        Gemm.Operand prevOp = inputOp;
        for (int l = 1; l < depth; l++) {
            Gemm.multiplyRows(prevOp, wOp[l], buf.zOp[l], r0, r1, part);
            boolean rowsFinite = hidden.forwardRowsThroughTile(l, buf, r0, r1, buf.tiles[part]);
            if (l == 1) {
                finite = rowsFinite;
            }
            prevOp = buf.aOp[l];
        }
        Gemm.multiplyRows(prevOp, wOp[depth], buf.zOp[depth], r0, r1, part);
        double[] z = buf.z[depth];
        buf.zBlock[depth].readRows(r0, r1, z, buf.scratch);
        if (depth == 1) {
            finite = Kernels.allFinite(z, r0 * c, r1 * c);
        }
        Kernels.addRowVector(z, buf.bias[depth], r0, r1, c);
        Kernels.softmax(z, buf.probs, buf.logProbs, r0, r1, c);
        return finite;
    }

    /**
     * Computes the hidden layers' z, z_norm, z̃ and a of the last inference pass split by rows,
     * which kept only a (for the per-layer accessors): from the products' outputs, still in the
     * work arrays, with the same arithmetic as the pass itself.
     */
    void keepHiddenLayers(WorkArrays buf) {
        if (!buf.hiddenLayersDeferred) {
            return;
        }
        for (int l = 1; l < depth; l++) {
            hidden.forwardColumns(l, buf, Mode.INFERENCE, 0, units[l], 0);
        }
        buf.hiddenLayersDeferred = false;
    }

    /** Running μ, σ² ← momentum-weighted averages with the batch's (course notes §5). */
    private void updateRunningStatistics(int l, WorkArrays buf) {
        int m = buf.rows;
        int n = units[l];
        double mom = config.bnMomentum();
        double[] run = buf.columnVectors(0).c;
        double[] mu = buf.mu[l];
        double[] var = buf.var[l];
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

    /** The operand of input x: made again for another array, or if x's memory was replaced. */
    private Gemm.Operand input(INDArray x) {
        if (inputKey.get() != x || inputData.get() != x.data()) {
            inputOp = new Gemm.Operand(x);
            inputKey = new WeakReference<>(x);
            inputData = new WeakReference<>(x.data());
        }
        return inputOp;
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
        WorkArrays.ColumnVectors vectors = buf.columnVectors(0);
        Kernels.columnSums(dzOut, m, c, vectors.a, vectors.rowA);
        io.write(vectors.a, db[depth]);
        StepPhases.lap(Phase.ELEMENT_WISE);
        io.write(dzOut, buf.dzDev[depth]);
        StepPhases.lap(Phase.COPIES);
        weightGradient(x, buf, depth, l2);
        StepPhases.lap(Phase.PRODUCTS);
        for (int l = depth - 1; l >= 1; l--) {
            if (buf.columnBlocks[l] > 1) {
                columnBlocks.backward(l, buf, buf.columnBlocks[l]);
                StepPhases.lap(Phase.FUSED);
            } else {
                Gemm.multiply(buf.dzDev[l + 1], buf.dzOp[l + 1], false, w[l + 1], wOp[l + 1], true, buf.daDev[l],
                        buf.daOp[l], parts);
                StepPhases.lap(Phase.PRODUCTS);
                hidden.backward(l, buf);
                StepPhases.lap(Phase.ELEMENT_WISE);
            }
            weightGradient(x, buf, l, l2);
            StepPhases.lap(Phase.PRODUCTS);
        }
    }

    /** dW_l = a_{l−1}ᵀ·dz_l (a_0 = x), split across the engine threads, with the L2 term's gradient. */
    private void weightGradient(INDArray x, WorkArrays buf, int l, double l2) {
        INDArray prev = l == 1 ? x : buf.aDev[l - 1];
        Gemm.Operand prevOp = l == 1 ? input(x) : buf.aOp[l - 1];
        Gemm.multiply(prev, prevOp, true, buf.dzDev[l], buf.dzOp[l], false, dW[l], dWOp[l], parts);
        addL2Gradient(l, buf.rows, l2);
    }

    /** dW_l += (λ/m)·W_l, the L2 term's gradient (nothing without one). */
    private void addL2Gradient(int l, int m, double l2) {
        if (l2 != 0) {
            Nd4j.getBlasWrapper().level1().axpy(w[l].length(), l2 / m, w[l], dW[l]);
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
