package babysitter.engine;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A contiguous C-order native array (a matrix, or a vector as one row) seen as rows × cols, with
 * copies of a block of its columns to and from a double work array of the same shape. The NIO
 * view is made once (making it per copy was most of a step's garbage), and the copies use
 * absolute gets and puts only, so several threads may copy disjoint blocks at once, each with its
 * own scratch row.
 */
final class NativeBlock {
    final int rows;
    final int cols;
    private final int offset;
    private final FloatBuffer floats;
    private final DoubleBuffer doubles;

    NativeBlock(INDArray a) {
        this(a, a.rank() == 2 ? (int) a.rows() : 1, a.rank() == 2 ? (int) a.columns() : (int) a.length());
    }

    private NativeBlock(INDArray a, int rows, int cols) {
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

    /** dst[i·cols + j] = this[i, j] for every row i and columns c0 ≤ j < c1. */
    void readColumns(int c0, int c1, double[] dst, float[] scratch) {
        int width = c1 - c0;
        for (int i = 0; i < rows; i++) {
            int at = i * cols + c0;
            if (doubles != null) {
                doubles.get(offset + at, dst, at, width);
            } else {
                floats.get(offset + at, scratch, 0, width);
                for (int j = 0; j < width; j++) {
                    dst[at + j] = scratch[j];
                }
            }
        }
    }

    /** this[i, j] = src[i·cols + j] for every row i and columns c0 ≤ j < c1 (rounded to float in a float array). */
    void writeColumns(int c0, int c1, double[] src, float[] scratch) {
        int width = c1 - c0;
        for (int i = 0; i < rows; i++) {
            int at = i * cols + c0;
            if (doubles != null) {
                doubles.put(offset + at, src, at, width);
            } else {
                for (int j = 0; j < width; j++) {
                    scratch[j] = (float) src[at + j];
                }
                floats.put(offset + at, scratch, 0, width);
            }
        }
    }
}
