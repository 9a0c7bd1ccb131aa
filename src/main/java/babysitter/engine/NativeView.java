package babysitter.engine;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A contiguous C-order native array (a matrix, or a vector as one row) seen as rows × cols, with
 * copies to and from a double work array of the same shape. Its NIO view is made once: making
 * one per copy was most of a step's garbage.
 */
final class NativeView {
    final int rows;
    final int cols;
    private final int offset;
    private final FloatBuffer floats;
    private final DoubleBuffer doubles;

    NativeView(INDArray a) {
        this(a, a.rank() == 2 ? (int) a.rows() : 1, a.rank() == 2 ? (int) a.columns() : (int) a.length());
    }

    private NativeView(INDArray a, int rows, int cols) {
        boolean contiguous = a.rank() == 1 ? a.length() <= 1 || a.stride(0) == 1
                : (cols <= 1 || a.stride(1) == 1) && (rows <= 1 || a.stride(0) == cols);
        if (a.rank() > 2 || !contiguous) {
            throw new IllegalArgumentException("expected a contiguous C-order matrix, got strides "
                    + java.util.Arrays.toString(a.stride()));
        }
        this.rows = rows;
        this.cols = cols;
        this.offset = (int) a.offset();
        if (a.dataType() == DataType.FLOAT) {
            this.floats = a.data().asNioFloat();
            this.doubles = null;
        } else if (a.dataType() == DataType.DOUBLE) {
            this.floats = null;
            this.doubles = a.data().asNioDouble();
        } else {
            throw new IllegalArgumentException("only float32 and float64 arrays are supported, got " + a.dataType());
        }
    }

    /** dst[0 .. rows·cols) = this, row after row ({@code scratch} holds at least rows·cols floats). */
    void readAll(double[] dst, float[] scratch) {
        int size = rows * cols;
        if (doubles != null) {
            doubles.get(offset, dst, 0, size);
        } else {
            floats.get(offset, scratch, 0, size);
            for (int k = 0; k < size; k++) {
                dst[k] = scratch[k];
            }
        }
    }

    /** this = src[0 .. rows·cols), rounded to float in a float array. */
    void writeAll(double[] src, float[] scratch) {
        int size = rows * cols;
        if (doubles != null) {
            doubles.put(offset, src, 0, size);
        } else {
            for (int k = 0; k < size; k++) {
                scratch[k] = (float) src[k];
            }
            floats.put(offset, scratch, 0, size);
        }
    }
}
