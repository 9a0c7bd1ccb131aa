package babysitter.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Work arrays for one batch size; index l = 1..L as in the notes. Host arrays (double) hold
 * the element-wise quantities; device arrays (the network's precision) are the operands and
 * results of the matrix products.
 */
final class WorkArrays {
    final int rows;
    final double[][] z;
    final double[][] zNorm;
    final double[][] zTilde;
    final double[][] a;
    final double[][] mu;
    final double[][] var;
    final double[][] invStd;
    final double[][] dz;
    final double[][] dzTilde;
    final double[][] da;
    /** Host copies of γ, β (batch norm) or b of each layer, read before a forward pass. */
    final double[][] gamma;
    final double[][] beta;
    final double[][] bias;
    final double[] probs;
    final double[] logProbs;
    final INDArray[] zDev;
    final INDArray[] aDev;
    final INDArray[] dzDev;
    final INDArray[] daDev;
    final Gemm.Operand[] zOp;
    final Gemm.Operand[] aOp;
    final Gemm.Operand[] dzOp;
    final Gemm.Operand[] daOp;
    /** The device arrays seen from Java, for the element-wise work's copies. */
    final NativeView[] zBlock;
    final NativeView[] aBlock;
    final NativeView[] dzBlock;
    final NativeView[] daBlock;
    /**
     * Into how many blocks of columns each hidden layer's work was split in the last pass
     * (1: not split). Its host arrays (z, z_norm, z̃, a, da, dz̃, dz) hold block b, the columns
     * c0 ≤ j < c1 of {@link Gemm#boundary}, on its own: row-major m × (c1 − c0) from index m·c0,
     * so that threads working on different blocks never write to one cache line; with one
     * block that is the whole matrix, row-major.
     */
    final int[] columnBlocks;
    /**
     * Whether the hidden layers' z, z_norm, z̃ and a of the last inference pass are still to be
     * computed from the products' outputs (see {@link ForwardBackward#keepHiddenLayers}).
     */
    boolean hiddenLayersDeferred;
    /** Each row block's tiles (inference split by rows), made on first use. */
    final Tile[] tiles = new Tile[64];

    /** A thread's row of a hidden layer while it goes from z to a. */
    static final class Tile {
        /** Room for a row of the widest layer. */
        final double[] z;
        final double[] zTilde;
        final double[] a;
        final float[] floats;

        Tile(int widest) {
            z = new double[widest];
            zTilde = new double[widest];
            a = new double[widest];
            floats = new float[widest];
        }
    }

    /**
     * Per-column vectors a block's work sums into (batch norm's sums, a bias gradient), one set
     * per block: a cache line two cores keep adding to is handed back and forth on every row.
     * (The matrices' float scratch is laid out in blocks; a vector's copy there would fall into
     * another block's place.)
     */
    static final class ColumnVectors {
        final double[] a;
        final double[] b;
        final double[] c;
        /** The float copy of a vector on its way into a float array. */
        final float[] floats;
        /**
         * Rows of the block copied to the indices of the vectors, c0 ≤ j < c1, for the loops
         * that combine a row with the vectors ({@link Kernels#normalizeRow}).
         */
        final double[] rowA;
        final double[] rowB;
        final double[] rowC;

        ColumnVectors(int widest) {
            a = new double[widest];
            b = new double[widest];
            c = new double[widest];
            floats = new float[widest];
            rowA = new double[widest];
            rowB = new double[widest];
            rowC = new double[widest];
        }
    }

    private final ColumnVectors[] vectors = new ColumnVectors[64];

    /** Block {@code part}'s vectors (made by {@link #prepareColumnVectors} before a split; block 0's always exist). */
    ColumnVectors columnVectors(int part) {
        return vectors[part];
    }

    /** Makes the vectors of blocks 0 … blocks − 1 (on the thread that splits, before it does). */
    void prepareColumnVectors(int blocks) {
        for (int part = 0; part < blocks; part++) {
            if (vectors[part] == null) {
                vectors[part] = new ColumnVectors(widest);
            }
        }
    }

    private static final int CACHE_LINE = 64;
    private final DataType dataType;
    private final int inputs;
    /** The batch converted to the network's precision when it comes in another (made on first use). */
    private INDArray convertedInput;
    /** Room for a float copy of the widest layer's rows (the copies' conversions; threads use disjoint rows). */
    final float[] scratch;
    /** The most units of any layer. */
    final int widest;
    /** Whether each row block's z of layer 1 was finite (inference split by rows). */
    final boolean[] blockFinite = new boolean[64];

    WorkArrays(int rows, NetworkConfig config, DataType dt) {
        this.rows = rows;
        this.dataType = dt;
        this.inputs = config.units(0);
        int depth = config.depth();
        z = new double[depth + 1][];
        zNorm = new double[depth + 1][];
        zTilde = new double[depth + 1][];
        a = new double[depth + 1][];
        mu = new double[depth + 1][];
        var = new double[depth + 1][];
        invStd = new double[depth + 1][];
        dz = new double[depth + 1][];
        dzTilde = new double[depth + 1][];
        da = new double[depth + 1][];
        gamma = new double[depth + 1][];
        beta = new double[depth + 1][];
        bias = new double[depth + 1][];
        columnBlocks = new int[depth + 1];
        zDev = new INDArray[depth + 1];
        aDev = new INDArray[depth + 1];
        dzDev = new INDArray[depth + 1];
        daDev = new INDArray[depth + 1];
        zOp = new Gemm.Operand[depth + 1];
        aOp = new Gemm.Operand[depth + 1];
        dzOp = new Gemm.Operand[depth + 1];
        daOp = new Gemm.Operand[depth + 1];
        zBlock = new NativeView[depth + 1];
        aBlock = new NativeView[depth + 1];
        dzBlock = new NativeView[depth + 1];
        daBlock = new NativeView[depth + 1];
        int widest = 0;
        for (int l = 1; l <= depth; l++) {
            int n = config.units(l);
            widest = Math.max(widest, n);
            z[l] = new double[rows * n];
            dz[l] = new double[rows * n];
            zDev[l] = onCacheLines(dt, rows, n);
            dzDev[l] = onCacheLines(dt, rows, n);
            zOp[l] = new Gemm.Operand(zDev[l]);
            dzOp[l] = new Gemm.Operand(dzDev[l]);
            zBlock[l] = new NativeView(zDev[l]);
            dzBlock[l] = new NativeView(dzDev[l]);
            if (l < depth) {
                a[l] = new double[rows * n];
                da[l] = new double[rows * n];
                dzTilde[l] = new double[rows * n];
                aDev[l] = onCacheLines(dt, rows, n);
                daDev[l] = onCacheLines(dt, rows, n);
                aOp[l] = new Gemm.Operand(aDev[l]);
                daOp[l] = new Gemm.Operand(daDev[l]);
                aBlock[l] = new NativeView(aDev[l]);
                daBlock[l] = new NativeView(daDev[l]);
                if (config.batchNorm(l)) {
                    gamma[l] = new double[n];
                    beta[l] = new double[n];
                    zNorm[l] = new double[rows * n];
                    zTilde[l] = new double[rows * n];
                    mu[l] = new double[n];
                    var[l] = new double[n];
                    invStd[l] = new double[n];
                } else {
                    bias[l] = new double[n];
                    zTilde[l] = z[l];
                }
            } else {
                bias[l] = new double[n];
                zTilde[l] = z[l];
            }
        }
        int classes = config.classes();
        probs = new double[rows * classes];
        logProbs = new double[rows * classes];
        vectors[0] = new ColumnVectors(widest);
        scratch = new float[rows * widest];
        this.widest = widest;
    }

    /**
     * A new rows × n array whose first element starts a 64-byte cache line (ND4J aligns to 16
     * bytes): when the engine threads write disjoint blocks of its columns (multiples of 16
     * numbers), no cache line then holds numbers of two blocks. Two cores writing one line take
     * turns owning it, and that cost more than the arithmetic (see docs/PERFORMANCE.md).
     */
    static INDArray onCacheLines(DataType dt, int rows, int n) {
        int width = dt.width();
        long length = (long) rows * n;
        INDArray flat = Nd4j.create(dt, length + CACHE_LINE / width);
        long address = flat.data().addressPointer().address();
        long skip = (CACHE_LINE - address % CACHE_LINE) % CACHE_LINE / width;
        return flat.get(NDArrayIndex.interval(skip, skip + length)).reshape('c', rows, n);
    }

    /** A row-major copy of layer l's m × n host array {@code values}, as the last pass left it ({@link #columnBlocks}). */
    double[] rowMajor(int l, double[] values, int n) {
        double[] out = new double[rows * n];
        int blocks = Math.max(1, columnBlocks[l]);
        for (int part = 0; part < blocks; part++) {
            int c0 = Gemm.boundary(n, blocks, part);
            int width = Gemm.boundary(n, blocks, part + 1) - c0;
            for (int i = 0; i < rows; i++) {
                System.arraycopy(values, rows * c0 + i * width, out, i * n + c0, width);
            }
        }
        return out;
    }

    /**
     * x in the network's precision: x itself, or its values converted into this batch size's input
     * array (made once: a new native array per batch cost milliseconds a step).
     */
    INDArray inNetworkPrecision(INDArray x) {
        if (x.dataType() == dataType) {
            return x;
        }
        if (convertedInput == null) {
            convertedInput = Nd4j.create(dataType, rows, inputs);
        }
        return convertedInput.assign(x);
    }
}
