package babysitter.engine;

import babysitter.engine.Network.Mode;
import java.util.Arrays;

/**
 * The element-wise work of a hidden layer, forward and backward: the copies out of and into the
 * products' native arrays, batch norm or the bias, the activation and their derivatives.
 *
 * <p>With more than one engine thread, a layer wide enough to share is split into blocks of
 * columns: each thread computes its block of the product and goes on with the element-wise work
 * of the same columns ({@link #forwardColumns}, {@link #backwardColumns}), on numbers its own core
 * has just written; batch norm's statistics and sums are per column. The host arrays then hold
 * each block on its own and each block sums into its own vectors ({@link WorkArrays#columnBlocks},
 * {@link WorkArrays.ColumnVectors}): threads writing to one cache line took turns owning it, and
 * that made the split work slower than one thread's (see docs/PERFORMANCE.md). In inference mode
 * with more rows than units (the evaluation's chunks) each engine thread takes its own rows
 * through every layer instead ({@link ForwardBackward}), with {@link #forwardRowsThroughTile}.
 */
final class HiddenLayerElementWise {

    private final NetworkConfig config;
    private final int[] units;
    private final NativeView[] dGamma;
    private final NativeView[] dBeta;
    private final NativeView[] db;

    HiddenLayerElementWise(NetworkConfig config, LayerViews v) {
        this.config = config;
        int depth = config.depth();
        this.units = new int[depth + 1];
        this.dGamma = new NativeView[depth + 1];
        this.dBeta = new NativeView[depth + 1];
        this.db = new NativeView[depth + 1];
        for (int l = 0; l <= depth; l++) {
            units[l] = config.units(l);
        }
        for (int l = 1; l < depth; l++) {
            if (config.batchNorm(l)) {
                dGamma[l] = new NativeView(v.dGamma[l]);
                dBeta[l] = new NativeView(v.dBeta[l]);
            } else {
                db[l] = new NativeView(v.db[l]);
            }
        }
    }

    /**
     * Forward on the whole batch: z from the product, batch norm (γ, β, and in inference mode μ,
     * σ², already in buf.gamma, buf.beta, buf.mu, buf.var) or the bias (already in buf.bias),
     * a = g(z̃), and a into the next product's operand.
     *
     * @return for layer 1, whether z is finite (true for the other layers)
     */
    boolean forward(int l, WorkArrays buf, Mode mode) {
        return forwardColumns(l, buf, mode, 0, units[l], -1);
    }

    /**
     * As {@link #forward}, for the block of columns c0 ≤ j < c1 only, in the work arrays' block
     * layout ({@link WorkArrays#columnBlocks}): batch norm's statistics are per column, so threads
     * may take disjoint blocks at once, each column summed from row 0 down as in the whole batch
     * (the same bits). {@code part} is the block's number in a split, whose own vectors it sums
     * into; −1 for the whole batch on the trainer's thread, which also laps the phases.
     */
    boolean forwardColumns(int l, WorkArrays buf, Mode mode, int c0, int c1, int part) {
        boolean lapTimes = part < 0;
        WorkArrays.ColumnVectors vectors = buf.columnVectors(Math.max(part, 0));
        int m = buf.rows;
        double[] z = buf.z[l];
        buf.zBlock[l].readColumns(c0, c1, z, buf.scratch);
        if (lapTimes) {
            StepPhases.lap(StepPhases.Phase.COPIES);
        }
        int from = m * c0;
        int to = m * c1;
        boolean finite = l != 1 || Kernels.allFinite(z, from, to);
        double[] zt = buf.zTilde[l];
        if (config.batchNorm(l)) {
            double[] mu = buf.mu[l];
            double[] invStd = buf.invStd[l];
            if (mode == Mode.TRAIN) {
                Kernels.columnMeanAndVariance(z, m, c0, c1, mu, buf.var[l], vectors.a, vectors.rowA);
            }
            inverseStd(l, buf, c0, c1);
            double[] zn = buf.zNorm[l];
            int w = c1 - c0;
            for (int k = from; k < to; k += w) {
                System.arraycopy(z, k, vectors.rowA, c0, w);
                Kernels.normalizeRow(vectors.rowA, mu, invStd, buf.gamma[l], buf.beta[l], vectors.rowB, vectors.rowC,
                        c0, c1);
                System.arraycopy(vectors.rowB, c0, zn, k, w);
                System.arraycopy(vectors.rowC, c0, zt, k, w);
            }
        } else {
            Kernels.addRowVectorToBlock(z, buf.bias[l], m, c0, c1, vectors.rowA);
        }
        Kernels.activate(config.hidden().get(l - 1).activation(), zt, buf.a[l], from, to);
        if (lapTimes) {
            StepPhases.lap(StepPhases.Phase.ELEMENT_WISE);
        }
        buf.aBlock[l].writeColumns(c0, c1, buf.a[l], buf.scratch);
        if (lapTimes) {
            StepPhases.lap(StepPhases.Phase.COPIES);
        }
        return finite;
    }

    /**
     * The inference forward work of the rows r0 ≤ i < r1 (μ, 1/σ already known, see
     * {@link #inverseStd}), of which only a reaches the work arrays (the next product's operand):
     * z, z̃ and a pass through the small {@code tile} one row at a time, with the arithmetic of
     * {@link #forwardColumns}, so a is the same to the bit. Inference on a large chunk otherwise
     * writes four double arrays a layer that nothing may read. One row, not several: a row and
     * the column vectors are then indexed alike, which Java 17's compiler needs to use vector
     * instructions (see {@link Kernels#normalizeRow}).
     *
     * @return for layer 1, whether those rows of z are finite
     */
    boolean forwardRowsThroughTile(int l, WorkArrays buf, int r0, int r1, WorkArrays.Tile tile) {
        int n = units[l];
        Activation g = config.hidden().get(l - 1).activation();
        boolean bn = config.batchNorm(l);
        boolean finite = true;
        double[] z = tile.z;
        double[] zt = bn ? tile.zTilde : tile.z;
        for (int i = r0; i < r1; i++) {
            buf.zBlock[l].readRowsToTile(i, i + 1, z, tile.floats);
            if (l == 1) {
                finite &= Kernels.allFinite(z, 0, n);
            }
            if (bn) {
                Kernels.normalizeRow(z, buf.mu[l], buf.invStd[l], buf.gamma[l], buf.beta[l], null, zt, 0, n);
            } else {
                Kernels.addRowVector(z, buf.bias[l], 0, 1, n);
            }
            Kernels.activate(g, zt, tile.a, 0, n);
            buf.aBlock[l].writeRowsFromTile(i, i + 1, tile.a, tile.floats);
        }
        return finite;
    }

    /** 1/√(σ² + ε) of batch norm's σ² in buf.var (nothing without batch norm). */
    void inverseStd(int l, WorkArrays buf) {
        if (config.batchNorm(l)) {
            inverseStd(l, buf, 0, units[l]);
        }
    }

    private void inverseStd(int l, WorkArrays buf, int c0, int c1) {
        double[] var = buf.var[l];
        double[] invStd = buf.invStd[l];
        double eps = config.bnEpsilon();
        for (int j = c0; j < c1; j++) {
            invStd[j] = 1.0 / Math.sqrt(var[j] + eps);
        }
    }

    /**
     * Backward: da from the product, dz̃ = da·g'(z̃), then through batch norm (γ already in
     * buf.gamma, read by the forward pass) with dγ, dβ written to the gradients, or db written to
     * the gradients, and dz into the next products' operand.
     *
     * <p>Batch norm: dβ = Σ dz̃, dγ = Σ dz̃·z_norm, dz = γ/√(σ²+ε) · (dz̃ − dβ/m − z_norm·dγ/m).
     */
    void backward(int l, WorkArrays buf) {
        backwardColumns(l, buf, 0, units[l], -1);
    }

    /**
     * As {@link #backward}, for the block of columns c0 ≤ j < c1 only, in the work arrays' block
     * layout (each column's sums from row 0 down, as in the whole batch). {@code part} as in
     * {@link #forwardColumns}.
     */
    void backwardColumns(int l, WorkArrays buf, int c0, int c1, int part) {
        boolean lapTimes = part < 0;
        WorkArrays.ColumnVectors vectors = buf.columnVectors(Math.max(part, 0));
        int m = buf.rows;
        double[] dzt = buf.dzTilde[l];
        double[] dz = buf.dz[l];
        buf.daBlock[l].readColumns(c0, c1, buf.da[l], buf.scratch);
        if (lapTimes) {
            StepPhases.lap(StepPhases.Phase.COPIES);
        }
        int from = m * c0;
        int to = m * c1;
        Kernels.activationBackward(config.hidden().get(l - 1).activation(), buf.zTilde[l], buf.a[l], buf.da[l],
                dzt, from, to);
        if (config.batchNorm(l)) {
            double[] zn = buf.zNorm[l];
            double[] dGam = vectors.a;
            double[] dBet = vectors.b;
            Arrays.fill(dGam, c0, c1, 0.0);
            Arrays.fill(dBet, c0, c1, 0.0);
            // Rows through the row buffers, as in forwardColumns.
            double[] dztRow = vectors.rowA;
            double[] znRow = vectors.rowB;
            double[] dzRow = vectors.rowC;
            int w = c1 - c0;
            for (int k = from; k < to; k += w) {
                System.arraycopy(dzt, k, dztRow, c0, w);
                System.arraycopy(zn, k, znRow, c0, w);
                for (int j = c0; j < c1; j++) {
                    dBet[j] += dztRow[j];
                    dGam[j] += dztRow[j] * znRow[j];
                }
            }
            dGamma[l].writeColumns(c0, c1, dGam, vectors.floats);
            dBeta[l].writeColumns(c0, c1, dBet, vectors.floats);
            double[] scale = vectors.c;
            double[] g = buf.gamma[l];
            double[] invStd = buf.invStd[l];
            for (int j = c0; j < c1; j++) {
                scale[j] = g[j] * invStd[j];
                dGam[j] /= m;
                dBet[j] /= m;
            }
            for (int k = from; k < to; k += w) {
                System.arraycopy(dzt, k, dztRow, c0, w);
                System.arraycopy(zn, k, znRow, c0, w);
                for (int j = c0; j < c1; j++) {
                    dzRow[j] = scale[j] * (dztRow[j] - dBet[j] - znRow[j] * dGam[j]);
                }
                System.arraycopy(dzRow, c0, dz, k, w);
            }
        } else {
            Kernels.columnSums(dzt, m, c0, c1, vectors.a, vectors.rowA);
            db[l].writeColumns(c0, c1, vectors.a, vectors.floats);
            System.arraycopy(dzt, from, dz, from, to - from);
        }
        if (lapTimes) {
            StepPhases.lap(StepPhases.Phase.ELEMENT_WISE);
        }
        buf.dzBlock[l].writeColumns(c0, c1, dz, buf.scratch);
        if (lapTimes) {
            StepPhases.lap(StepPhases.Phase.COPIES);
        }
    }
}
