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
                Kernels.columnMeanAndVariance(z, m, c0, c1, mu, buf.var[l], buf.columnVectors(Math.max(part, 0)).a);
            }
            inverseStd(l, buf, c0, c1);
            double[] g = buf.gamma[l];
            double[] be = buf.beta[l];
            double[] zn = buf.zNorm[l];
            for (int i = 0, k = from; i < m; i++) {
                for (int j = c0; j < c1; j++, k++) {
                    double v = (z[k] - mu[j]) * invStd[j];
                    zn[k] = v;
                    zt[k] = g[j] * v + be[j];
                }
            }
        } else {
            Kernels.addRowVectorToBlock(z, buf.bias[l], m, c0, c1);
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
     * z, z̃ and a pass through the small {@code tile}, a few rows at a time, with the arithmetic of
     * {@link #forwardColumns}, so a is the same to the bit. Inference on a large chunk otherwise
     * writes four double arrays a layer that nothing may read.
     *
     * @return for layer 1, whether those rows of z are finite
     */
    boolean forwardRowsThroughTile(int l, WorkArrays buf, int r0, int r1, WorkArrays.Tile tile) {
        int n = units[l];
        int rowsPerTile = Math.max(1, tile.z.length / n);
        Activation g = config.hidden().get(l - 1).activation();
        boolean bn = config.batchNorm(l);
        boolean finite = true;
        double[] z = tile.z;
        double[] zt = bn ? tile.zTilde : tile.z;
        for (int t0 = r0; t0 < r1; t0 += rowsPerTile) {
            int t1 = Math.min(r1, t0 + rowsPerTile);
            int len = (t1 - t0) * n;
            buf.zBlock[l].readRowsToTile(t0, t1, z, tile.floats);
            if (l == 1) {
                finite &= Kernels.allFinite(z, 0, len);
            }
            if (bn) {
                double[] mu = buf.mu[l];
                double[] invStd = buf.invStd[l];
                double[] gam = buf.gamma[l];
                double[] be = buf.beta[l];
                for (int k = 0; k < len; k += n) {
                    for (int j = 0; j < n; j++) {
                        double v = (z[k + j] - mu[j]) * invStd[j];
                        zt[k + j] = gam[j] * v + be[j];
                    }
                }
            } else {
                Kernels.addRowVector(z, buf.bias[l], 0, t1 - t0, n);
            }
            Kernels.activate(g, zt, tile.a, 0, len);
            buf.aBlock[l].writeRowsFromTile(t0, t1, tile.a, tile.floats);
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
            for (int i = 0, k = from; i < m; i++) {
                for (int j = c0; j < c1; j++, k++) {
                    dBet[j] += dzt[k];
                    dGam[j] += dzt[k] * zn[k];
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
            for (int i = 0, k = from; i < m; i++) {
                for (int j = c0; j < c1; j++, k++) {
                    dz[k] = scale[j] * (dzt[k] - dBet[j] - zn[k] * dGam[j]);
                }
            }
        } else {
            Kernels.columnSums(dzt, m, c0, c1, vectors.a);
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
