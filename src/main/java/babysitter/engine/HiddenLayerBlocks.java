package babysitter.engine;

import babysitter.engine.Network.Mode;

/**
 * The element-wise work of a hidden layer, forward and backward, for one block of its columns:
 * the copy of z (or da) out of the product's native array, batch norm, the activation and the copy
 * of a (or dz) back, so that a layer's work can be split by columns and run on the network's
 * engine threads ({@link Lanes}) in one hand-off. Batch norm's statistics are per column, so a
 * block holds everything it needs, and each column is summed from row 0 down in every block
 * split: the results do not depend on the split.
 */
final class HiddenLayerBlocks {
    /** Layers with fewer entries than this (m × n) are not split. */
    static final int MIN_SPLIT = 8_192;
    /** Blocks have at least this many columns. */
    private static final int MIN_COLUMNS = 8;

    private final NetworkConfig config;
    private final int[] units;
    private final NativeBlock[] dGamma;
    private final NativeBlock[] dBeta;
    private final NativeBlock[] db;

    HiddenLayerBlocks(NetworkConfig config, LayerViews v) {
        this.config = config;
        int depth = config.depth();
        this.units = new int[depth + 1];
        this.dGamma = new NativeBlock[depth + 1];
        this.dBeta = new NativeBlock[depth + 1];
        this.db = new NativeBlock[depth + 1];
        for (int l = 0; l <= depth; l++) {
            units[l] = config.units(l);
        }
        for (int l = 1; l < depth; l++) {
            if (config.batchNorm(l)) {
                dGamma[l] = new NativeBlock(v.dGamma[l]);
                dBeta[l] = new NativeBlock(v.dBeta[l]);
            } else {
                db[l] = new NativeBlock(v.db[l]);
            }
        }
    }

    /** Into how many column blocks layer l's work is split for {@code parts} engine threads. */
    int blocks(int l, int rows, int parts) {
        int n = units[l];
        if (parts <= 1 || (long) rows * n < MIN_SPLIT) {
            return 1;
        }
        return Math.max(1, Math.min(parts, n / MIN_COLUMNS));
    }

    static int from(int n, int blocks, int part) {
        return (int) ((long) n * part / blocks);
    }

    /**
     * Forward for the columns of block {@code part}: z from the product, (batch norm with γ, β
     * already in buf.vecA, buf.vecB, and in inference mode μ, σ² already in buf.mu, buf.var | the
     * bias, already in buf.vecA), a = g(z̃), and a into the next product's operand. For layer 1 it
     * also records whether the block's z is finite.
     */
    void forward(int l, WorkArrays buf, Mode mode, int part, int blocks) {
        int m = buf.rows;
        int n = units[l];
        int c0 = from(n, blocks, part);
        int c1 = from(n, blocks, part + 1);
        float[] scratch = buf.scratch[part];
        double[] z = buf.z[l];
        buf.zBlock[l].readColumns(c0, c1, z, scratch);
        if (l == 1) {
            buf.blockFinite[part] = Kernels.allFinite(z, m, n, c0, c1);
        }
        double[] zt = buf.zTilde[l];
        if (config.batchNorm(l)) {
            double[] mu = buf.mu[l];
            double[] var = buf.var[l];
            if (mode == Mode.TRAIN) {
                Kernels.columnMeanAndVariance(z, m, n, c0, c1, mu, var);
            }
            double[] invStd = buf.invStd[l];
            double eps = config.bnEpsilon();
            for (int j = c0; j < c1; j++) {
                invStd[j] = 1.0 / Math.sqrt(var[j] + eps);
            }
            double[] g = buf.vecA;
            double[] be = buf.vecB;
            double[] zn = buf.zNorm[l];
            for (int i = 0; i < m; i++) {
                int row = i * n;
                for (int j = c0; j < c1; j++) {
                    double v = (z[row + j] - mu[j]) * invStd[j];
                    zn[row + j] = v;
                    zt[row + j] = g[j] * v + be[j];
                }
            }
        } else {
            Kernels.addRowVector(z, buf.vecA, m, n, c0, c1);
        }
        Activation act = config.hidden().get(l - 1).activation();
        double[] a = buf.a[l];
        for (int i = 0; i < m; i++) {
            Kernels.activate(act, zt, a, i * n + c0, i * n + c1);
        }
        buf.aBlock[l].writeColumns(c0, c1, a, scratch);
    }

    /**
     * Backward for the columns of block {@code part}: da from the product, dz̃ = da·g'(z̃), then
     * through batch norm (γ already in buf.vecD) with dγ, dβ written to the gradients | db
     * written to the gradients, and dz into the next products' operand.
     *
     * <p>Batch norm: dβ = Σ dz̃, dγ = Σ dz̃·z_norm, dz = γ/√(σ²+ε) · (dz̃ − dβ/m − z_norm·dγ/m).
     */
    void backward(int l, WorkArrays buf, int part, int blocks) {
        int m = buf.rows;
        int n = units[l];
        int c0 = from(n, blocks, part);
        int c1 = from(n, blocks, part + 1);
        float[] scratch = buf.scratch[part];
        double[] da = buf.da[l];
        double[] dzt = buf.dzTilde[l];
        double[] dz = buf.dz[l];
        buf.daBlock[l].readColumns(c0, c1, da, scratch);
        Activation act = config.hidden().get(l - 1).activation();
        for (int i = 0; i < m; i++) {
            Kernels.activationBackward(act, buf.zTilde[l], buf.a[l], da, dzt, i * n + c0, i * n + c1);
        }
        if (config.batchNorm(l)) {
            double[] zn = buf.zNorm[l];
            double[] dGam = buf.vecA;
            double[] dBet = buf.vecB;
            java.util.Arrays.fill(dGam, c0, c1, 0.0);
            java.util.Arrays.fill(dBet, c0, c1, 0.0);
            for (int i = 0; i < m; i++) {
                int row = i * n;
                for (int j = c0; j < c1; j++) {
                    dBet[j] += dzt[row + j];
                    dGam[j] += dzt[row + j] * zn[row + j];
                }
            }
            dGamma[l].writeColumns(c0, c1, dGam, scratch);
            dBeta[l].writeColumns(c0, c1, dBet, scratch);
            double[] scale = buf.vecC;
            double[] g = buf.vecD;
            double[] invStd = buf.invStd[l];
            for (int j = c0; j < c1; j++) {
                scale[j] = g[j] * invStd[j];
                dGam[j] /= m;
                dBet[j] /= m;
            }
            for (int i = 0; i < m; i++) {
                int row = i * n;
                for (int j = c0; j < c1; j++) {
                    dz[row + j] = scale[j] * (dzt[row + j] - dBet[j] - zn[row + j] * dGam[j]);
                }
            }
        } else {
            Kernels.columnSums(dzt, m, n, c0, c1, buf.vecA);
            db[l].writeColumns(c0, c1, buf.vecA, scratch);
            for (int i = 0; i < m; i++) {
                System.arraycopy(dzt, i * n + c0, dz, i * n + c0, c1 - c0);
            }
        }
        buf.dzBlock[l].writeColumns(c0, c1, dz, scratch);
    }
}
