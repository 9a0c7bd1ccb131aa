package babysitter.engine;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between ND4J's off-heap arrays and Java {@code double[]} work arrays, for the fused
 * element-wise kernels (one memory copy per array instead of one native call per operation).
 * Arrays must be contiguous in C order (all the engine's buffers and parameter views are).
 */
public final class HostIO {
    private float[] floats = new float[0];

    /** Copies {@code a} (float or double) into {@code dst[0 .. a.length())}. */
    public void read(INDArray a, double[] dst) {
        int n = (int) a.length();
        int offset = (int) a.offset();
        if (a.dataType() == DataType.DOUBLE) {
            DoubleBuffer buf = a.data().asNioDouble();
            buf.get(offset, dst, 0, n);
        } else if (a.dataType() == DataType.FLOAT) {
            float[] tmp = floats(n);
            FloatBuffer buf = a.data().asNioFloat();
            buf.get(offset, tmp, 0, n);
            for (int i = 0; i < n; i++) {
                dst[i] = tmp[i];
            }
        } else {
            throw new IllegalArgumentException("only float32 and float64 arrays are supported, got " + a.dataType());
        }
    }

    /** Copies {@code src[0 .. a.length())} into {@code a}, rounding to float for a float array. */
    public void write(double[] src, INDArray a) {
        int n = (int) a.length();
        int offset = (int) a.offset();
        if (a.dataType() == DataType.DOUBLE) {
            DoubleBuffer buf = a.data().asNioDouble();
            buf.put(offset, src, 0, n);
        } else if (a.dataType() == DataType.FLOAT) {
            float[] tmp = floats(n);
            for (int i = 0; i < n; i++) {
                tmp[i] = (float) src[i];
            }
            FloatBuffer buf = a.data().asNioFloat();
            buf.put(offset, tmp, 0, n);
        } else {
            throw new IllegalArgumentException("only float32 and float64 arrays are supported, got " + a.dataType());
        }
    }

    /** Copies a float array {@code a} into {@code dst[0 .. a.length())} (one memory copy). */
    public static void readFloats(INDArray a, float[] dst) {
        requireFloat(a);
        a.data().asNioFloat().get((int) a.offset(), dst, 0, (int) a.length());
    }

    /** Copies {@code src[0 .. a.length())} into a float array {@code a} (one memory copy). */
    public static void writeFloats(float[] src, INDArray a) {
        requireFloat(a);
        a.data().asNioFloat().put((int) a.offset(), src, 0, (int) a.length());
    }

    /** Copies entries [from, to) of a float array {@code a} into the same places of {@code dst}. */
    public static void readFloats(INDArray a, int from, int to, float[] dst) {
        requireFloat(a);
        a.data().asNioFloat().get((int) a.offset() + from, dst, from, to - from);
    }

    /** Copies {@code src[from, to)} into the same places of a float array {@code a}. */
    public static void writeFloats(float[] src, int from, int to, INDArray a) {
        requireFloat(a);
        a.data().asNioFloat().put((int) a.offset() + from, src, from, to - from);
    }

    /** Copies entries [from, to) of a double array {@code a} into the same places of {@code dst}. */
    public static void readDoubles(INDArray a, int from, int to, double[] dst) {
        requireDouble(a);
        a.data().asNioDouble().get((int) a.offset() + from, dst, from, to - from);
    }

    /** Copies {@code src[from, to)} into the same places of a double array {@code a}. */
    public static void writeDoubles(double[] src, int from, int to, INDArray a) {
        requireDouble(a);
        a.data().asNioDouble().put((int) a.offset() + from, src, from, to - from);
    }

    private static void requireDouble(INDArray a) {
        if (a.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("expected a float64 array, got " + a.dataType());
        }
    }

    private static void requireFloat(INDArray a) {
        if (a.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("expected a float32 array, got " + a.dataType());
        }
    }

    /** A new array holding {@code a}'s values. */
    public double[] toArray(INDArray a) {
        double[] out = new double[(int) a.length()];
        read(a, out);
        return out;
    }

    private float[] floats(int n) {
        if (floats.length < n) {
            floats = new float[n];
        }
        return floats;
    }
}
