package babysitter.engine;

import babysitter.engine.Network.Mode;
import java.util.Arrays;

/**
 * The element-wise work of a hidden layer, forward and backward: the copies out of and into the
 * products' native arrays, batch norm or the bias, the activation and their derivatives.
 *
 * <p>In training it runs on the trainer's thread only, while the products are split across the
 * engine threads: split by rows or columns onto a second core, this work got slower, not faster
 * (one step of the reference network: 365 µs on one thread, 654 µs split in two, see
 * docs/PERFORMANCE.md). It reads and writes about as many bytes as it computes numbers, and the
 * training batch's products are split by columns, so every row's values had to travel between
 * the cores first. In inference mode with more rows than units (the evaluation's chunks) each
 * engine thread takes its own rows through every layer instead ({@link ForwardBackward}), with
 * {@link #forwardRowsThroughTile}: no batch statistics are summed there.
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
        int m = buf.rows;
        buf.zBlock[l].readAll(buf.z[l], buf.scratch);
        StepPhases.lap(StepPhases.Phase.COPIES);
        if (config.batchNorm(l) && mode == Mode.TRAIN) {
            Kernels.columnMeanAndVariance(buf.z[l], m, units[l], buf.mu[l], buf.var[l]);
        }
        inverseStd(l, buf);
        return forwardRows(l, buf, 0, m, true);
    }

    /**
     * The inference forward work of the rows r0 ≤ i < r1 (z read from the product here; μ, σ² and
     * 1/σ already known, see {@link #inverseStd}), every quantity kept in the work arrays.
     *
     * @return for layer 1, whether those rows of z are finite
     */
    boolean forwardRows(int l, WorkArrays buf, int r0, int r1) {
        buf.zBlock[l].readRows(r0, r1, buf.z[l], buf.scratch);
        return forwardRows(l, buf, r0, r1, false);
    }

    /**
     * As {@link #forwardRows(int, WorkArrays, int, int)}, but only a reaches the work arrays (the
     * next product's operand): z, z̃ and a pass through the small {@code tile}, a few rows at a
     * time, with the same arithmetic, so a is the same to the bit. Inference on a large chunk
     * otherwise writes four double arrays a layer that nothing may read.
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
        if (!config.batchNorm(l)) {
            return;
        }
        double[] var = buf.var[l];
        double[] invStd = buf.invStd[l];
        double eps = config.bnEpsilon();
        for (int j = 0, n = units[l]; j < n; j++) {
            invStd[j] = 1.0 / Math.sqrt(var[j] + eps);
        }
    }

    /** The forward work of the rows r0 ≤ i < r1 once z is read and μ, 1/σ are known; whether layer 1's z is finite. */
    private boolean forwardRows(int l, WorkArrays buf, int r0, int r1, boolean lapTimes) {
        int n = units[l];
        double[] z = buf.z[l];
        double[] zt = buf.zTilde[l];
        boolean finite = l != 1 || Kernels.allFinite(z, r0 * n, r1 * n);
        if (config.batchNorm(l)) {
            double[] mu = buf.mu[l];
            double[] invStd = buf.invStd[l];
            double[] g = buf.gamma[l];
            double[] be = buf.beta[l];
            double[] zn = buf.zNorm[l];
            for (int k = r0 * n, i = r0; i < r1; i++) {
                for (int j = 0; j < n; j++, k++) {
                    double v = (z[k] - mu[j]) * invStd[j];
                    zn[k] = v;
                    zt[k] = g[j] * v + be[j];
                }
            }
        } else {
            Kernels.addRowVector(z, buf.bias[l], r0, r1, n);
        }
        Kernels.activate(config.hidden().get(l - 1).activation(), zt, buf.a[l], r0 * n, r1 * n);
        if (lapTimes) {
            StepPhases.lap(StepPhases.Phase.ELEMENT_WISE);
        }
        buf.aBlock[l].writeRows(r0, r1, buf.a[l], buf.scratch);
        if (lapTimes) {
            StepPhases.lap(StepPhases.Phase.COPIES);
        }
        return finite;
    }

    /**
     * Backward: da from the product, dz̃ = da·g'(z̃), then through batch norm (γ already in
     * buf.gamma, read by the forward pass) with dγ, dβ written to the gradients, or db written to
     * the gradients, and dz into the next products' operand.
     *
     * <p>Batch norm: dβ = Σ dz̃, dγ = Σ dz̃·z_norm, dz = γ/√(σ²+ε) · (dz̃ − dβ/m − z_norm·dγ/m).
     */
    void backward(int l, WorkArrays buf) {
        int m = buf.rows;
        int n = units[l];
        double[] dzt = buf.dzTilde[l];
        double[] dz = buf.dz[l];
        buf.daBlock[l].readAll(buf.da[l], buf.scratch);
        StepPhases.lap(StepPhases.Phase.COPIES);
        Kernels.activationBackward(config.hidden().get(l - 1).activation(), buf.zTilde[l], buf.a[l], buf.da[l],
                dzt, 0, m * n);
        if (config.batchNorm(l)) {
            double[] zn = buf.zNorm[l];
            double[] dGam = buf.vecA;
            double[] dBet = buf.vecB;
            Arrays.fill(dGam, 0, n, 0.0);
            Arrays.fill(dBet, 0, n, 0.0);
            for (int k = 0, i = 0; i < m; i++) {
                for (int j = 0; j < n; j++, k++) {
                    dBet[j] += dzt[k];
                    dGam[j] += dzt[k] * zn[k];
                }
            }
            dGamma[l].writeAll(dGam, buf.scratch);
            dBeta[l].writeAll(dBet, buf.scratch);
            double[] scale = buf.vecC;
            double[] g = buf.gamma[l];
            double[] invStd = buf.invStd[l];
            for (int j = 0; j < n; j++) {
                scale[j] = g[j] * invStd[j];
                dGam[j] /= m;
                dBet[j] /= m;
            }
            for (int k = 0, i = 0; i < m; i++) {
                for (int j = 0; j < n; j++, k++) {
                    dz[k] = scale[j] * (dzt[k] - dBet[j] - zn[k] * dGam[j]);
                }
            }
        } else {
            Kernels.columnSums(dzt, m, n, buf.vecA);
            db[l].writeAll(buf.vecA, buf.scratch);
            System.arraycopy(dzt, 0, dz, 0, m * n);
        }
        StepPhases.lap(StepPhases.Phase.ELEMENT_WISE);
        buf.dzBlock[l].writeAll(dz, buf.scratch);
        StepPhases.lap(StepPhases.Phase.COPIES);
    }
}
