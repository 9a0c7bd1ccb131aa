package babysitter.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
    final double[] vecA;
    final double[] vecB;
    final double[] vecC;
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
     * Whether the hidden layers' z, z_norm, z̃ and a of the last inference pass are still to be
     * computed from the products' outputs (see {@link ForwardBackward#keepHiddenLayers}).
     */
    boolean hiddenLayersDeferred;
    /** Each row block's tiles (inference split by rows), made on first use. */
    final Tile[] tiles = new Tile[64];

    /** A thread's few rows of a hidden layer while they go from z to a. */
    static final class Tile {
        /** Room for 2,048 numbers (16 KB of doubles an array: the first cache keeps them), at least one row. */
        final double[] z;
        final double[] zTilde;
        final double[] a;
        final float[] floats;

        Tile(int widest) {
            int numbers = Math.max(2048, widest);
            z = new double[numbers];
            zTilde = new double[numbers];
            a = new double[numbers];
            floats = new float[numbers];
        }
    }

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
            zDev[l] = Nd4j.create(dt, rows, n);
            dzDev[l] = Nd4j.create(dt, rows, n);
            zOp[l] = new Gemm.Operand(zDev[l]);
            dzOp[l] = new Gemm.Operand(dzDev[l]);
            zBlock[l] = new NativeView(zDev[l]);
            dzBlock[l] = new NativeView(dzDev[l]);
            if (l < depth) {
                a[l] = new double[rows * n];
                da[l] = new double[rows * n];
                dzTilde[l] = new double[rows * n];
                aDev[l] = Nd4j.create(dt, rows, n);
                daDev[l] = Nd4j.create(dt, rows, n);
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
        vecA = new double[widest];
        vecB = new double[widest];
        vecC = new double[widest];
        scratch = new float[rows * widest];
        this.widest = widest;
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
