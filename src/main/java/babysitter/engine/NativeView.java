package babysitter.engine;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
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
                    + Arrays.toString(a.stride()));
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
        readRows(0, rows, dst, scratch);
    }

    /** this = src[0 .. rows·cols), rounded to float in a float array. */
    void writeAll(double[] src, float[] scratch) {
        writeRows(0, rows, src, scratch);
    }

    /**
     * The rows r0 ≤ i < r1 into the same places of {@code dst}, through the same places of
     * {@code scratch}: threads copying disjoint rows may share both arrays.
     */
    void readRows(int r0, int r1, double[] dst, float[] scratch) {
        int from = r0 * cols;
        int to = r1 * cols;
        if (doubles != null) {
            doubles.get(offset + from, dst, from, to - from);
        } else {
            floats.get(offset + from, scratch, from, to - from);
            for (int k = from; k < to; k++) {
                dst[k] = scratch[k];
            }
        }
    }

    /** The rows r0 ≤ i < r1 from the same places of {@code src} (as {@link #readRows}). */
    void writeRows(int r0, int r1, double[] src, float[] scratch) {
        int from = r0 * cols;
        int to = r1 * cols;
        if (doubles != null) {
            doubles.put(offset + from, src, from, to - from);
        } else {
            for (int k = from; k < to; k++) {
                scratch[k] = (float) src[k];
            }
            floats.put(offset + from, scratch, from, to - from);
        }
    }

    /**
     * The block of columns c0 ≤ j < c1 into {@code dst} as a block stored on its own: row-major
     * rows × (c1 − c0) from dst[rows·c0] (for c0 = 0, c1 = cols, the whole matrix as it is). Goes
     * through the same places of {@code scratch}: threads copying disjoint blocks may share both.
     */
    void readColumns(int c0, int c1, double[] dst, float[] scratch) {
        if (c0 == 0 && c1 == cols) {
            readRows(0, rows, dst, scratch);
            return;
        }
        int width = c1 - c0;
        int base = rows * c0;
        if (doubles != null) {
            for (int i = 0; i < rows; i++) {
                doubles.get(offset + i * cols + c0, dst, base + i * width, width);
            }
            return;
        }
        for (int i = 0; i < rows; i++) {
            floats.get(offset + i * cols + c0, scratch, base + i * width, width);
        }
        for (int k = base, to = base + rows * width; k < to; k++) {
            dst[k] = scratch[k];
        }
    }

    /** The block of columns c0 ≤ j < c1 from {@code src}, stored as {@link #readColumns} leaves it. */
    void writeColumns(int c0, int c1, double[] src, float[] scratch) {
        if (c0 == 0 && c1 == cols) {
            writeRows(0, rows, src, scratch);
            return;
        }
        int width = c1 - c0;
        int base = rows * c0;
        if (doubles != null) {
            for (int i = 0; i < rows; i++) {
                doubles.put(offset + i * cols + c0, src, base + i * width, width);
            }
            return;
        }
        for (int k = base, to = base + rows * width; k < to; k++) {
            scratch[k] = (float) src[k];
        }
        for (int i = 0; i < rows; i++) {
            floats.put(offset + i * cols + c0, scratch, base + i * width, width);
        }
    }

    /** The rows r0 ≤ i < r1 into {@code tile[0 ..)} ({@code floatTile} as long, for a float array's copy). */
    void readRowsToTile(int r0, int r1, double[] tile, float[] floatTile) {
        int from = r0 * cols;
        int len = (r1 - r0) * cols;
        if (doubles != null) {
            doubles.get(offset + from, tile, 0, len);
        } else {
            floats.get(offset + from, floatTile, 0, len);
            for (int k = 0; k < len; k++) {
                tile[k] = floatTile[k];
            }
        }
    }

    /** The rows r0 ≤ i < r1 from {@code tile[0 ..)}, rounded to float in a float array. */
    void writeRowsFromTile(int r0, int r1, double[] tile, float[] floatTile) {
        int from = r0 * cols;
        int len = (r1 - r0) * cols;
        if (doubles != null) {
            doubles.put(offset + from, tile, 0, len);
        } else {
            for (int k = 0; k < len; k++) {
                floatTile[k] = (float) tile[k];
            }
            floats.put(offset + from, floatTile, 0, len);
        }
    }
}
