package babysitter.engine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The engine's matrix products, c = op(a)·op(b), called straight into OpenBLAS's
 * {@code cblas_sgemm}/{@code cblas_dgemm}: the library, and so the thread count, that ND4J itself
 * uses ({@code openblas_nolapack}, set by {@link Nd4jSetup}). {@code Nd4j.gemm} builds an
 * {@code Mmul} op, its argument lists and a native op context on every call (a few kB of Java
 * garbage and several µs of dispatch); here each array's pointer is made once ({@link Operand})
 * and a product allocates nothing.
 *
 * <p>The arguments are those libnd4j passes to OpenBLAS for C-order operands (row major, the
 * transposes as asked, each leading dimension the stored row stride), so the results are
 * bit-identical to {@code Nd4j.gemm}'s. Products libnd4j treats differently (a dimension of 1:
 * vector and dot products; operands not in C order with unit column stride) go through
 * {@code Nd4j.gemm}, as does everything when the system property {@value #PROPERTY} is
 * {@code nd4j}.
 *
 * <p>A product big enough to share is split into blocks of c's longer side (whole rows or whole
 * columns of c), one per engine thread ({@link Lanes}), each an OpenBLAS call on one thread. An
 * element of c is the same dot product, summed in the same order, whichever block computes it.
 */
final class Gemm {
    static final String PROPERTY = "babysitter.gemm";
    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;
    /** Products of fewer multiply-adds than this run whole (the hand-off would cost more than half). */
    static final long SPLIT_MIN_WORK = 200_000;
    /** Block boundaries fall on multiples of this many rows or columns (OpenBLAS's register tiles). */
    private static final int BLOCK_ALIGN = 16;

    private Gemm() {
    }

    /** Whether products go through {@code Nd4j.gemm} (system property {@value #PROPERTY}{@code =nd4j}). */
    static boolean viaNd4j() {
        return "nd4j".equalsIgnoreCase(System.getProperty(PROPERTY, "").trim());
    }

    /**
     * A matrix operand: its shape, row stride and a typed pointer at its first element, made once
     * per array. Holds no reference to the array itself. {@link #direct} is false when the array
     * cannot be handed to OpenBLAS as a row-major matrix (then products with it use Nd4j.gemm).
     */
    static final class Operand {
        final boolean direct;
        final boolean isDouble;
        final int rows;
        final int cols;
        final int ld;
        final FloatPointer floats;
        final DoublePointer doubles;
        private final long address;
        /** Pointers for the blocks of a split product, one per block (each thread moves its own). */
        private FloatAt[] floatBlocks = new FloatAt[0];
        private DoubleAt[] doubleBlocks = new DoubleAt[0];

        Operand(INDArray a) {
            DataType type = a.dataType();
            boolean ok = a.rank() == 2 && (type == DataType.FLOAT || type == DataType.DOUBLE) && !a.isEmpty()
                    && a.ordering() == 'c' && a.stride(1) == 1 && a.stride(0) >= a.size(1)
                    && a.size(0) <= Integer.MAX_VALUE && a.stride(0) <= Integer.MAX_VALUE;
            this.direct = ok && !viaNd4j();
            this.isDouble = type == DataType.DOUBLE;
            this.rows = (int) a.size(0);
            this.cols = (int) a.size(1);
            this.ld = ok ? (int) a.stride(0) : 0;
            if (direct) {
                // A view's data buffer already starts at its own offset (data().offset(), counted
                // like a.offset() from the start of the memory it shares). The arrays outlive their
                // operands (see Network), which hold the address only.
                Pointer base = a.data().addressPointer();
                long size = isDouble ? Double.BYTES : Float.BYTES;
                long address = base.address() + (base.position() + a.offset() - a.data().offset()) * size;
                this.address = address;
                this.floats = isDouble ? null : new FloatAt(address);
                this.doubles = isDouble ? new DoubleAt(address) : null;
            } else {
                this.address = 0;
                this.floats = null;
                this.doubles = null;
            }
        }

        /** Makes block pointers for {@code parts} blocks (on the thread that splits, before it does). */
        void prepareBlocks(int parts) {
            if (isDouble && doubleBlocks.length < parts) {
                doubleBlocks = new DoubleAt[parts];
                for (int i = 0; i < parts; i++) {
                    doubleBlocks[i] = new DoubleAt(address);
                }
            } else if (!isDouble && floatBlocks.length < parts) {
                floatBlocks = new FloatAt[parts];
                for (int i = 0; i < parts; i++) {
                    floatBlocks[i] = new FloatAt(address);
                }
            }
        }

        FloatPointer floatsAt(int part, long elementOffset) {
            return floatBlocks[part].position(elementOffset);
        }

        DoublePointer doublesAt(int part, long elementOffset) {
            return doubleBlocks[part].position(elementOffset);
        }
    }

    /** A float pointer at a fixed address that owns nothing. */
    private static final class FloatAt extends FloatPointer {
        FloatAt(long address) {
            this.address = address;
        }
    }

    /** A double pointer at a fixed address that owns nothing. */
    private static final class DoubleAt extends DoublePointer {
        DoubleAt(long address) {
            this.address = address;
        }
    }

    /**
     * c = op(a)·op(b) (α = 1, β = 0) for c's preallocated array; {@code ta}, {@code tb} transpose
     * a, b. The operands are those of the arrays {@code a}, {@code b}, {@code c}.
     */
    static void multiply(INDArray a, Operand ao, boolean ta, INDArray b, Operand bo, boolean tb,
            INDArray c, Operand co) {
        multiply(a, ao, ta, b, bo, tb, c, co, 1);
    }

    /**
     * As {@link #multiply(INDArray, Operand, boolean, INDArray, Operand, boolean, INDArray, Operand)},
     * split into {@code parts} blocks run at once when the product is big enough to share.
     */
    static void multiply(INDArray a, Operand ao, boolean ta, INDArray b, Operand bo, boolean tb,
            INDArray c, Operand co, int parts) {
        int m = co.rows;
        int n = co.cols;
        int k = ta ? ao.rows : ao.cols;
        if (!direct(ao, ta, bo, tb, co)) {
            Nd4j.gemm(a, b, c, ta, tb, 1.0, 0.0);
            return;
        }
        int transA = ta ? TRANS : NO_TRANS;
        int transB = tb ? TRANS : NO_TRANS;
        boolean byColumns = n >= m;
        int side = byColumns ? n : m;
        int blocks = blockCount((long) m * n * k, side, parts);
        if (blocks == 1) {
            if (co.isDouble) {
                openblas_nolapack.cblas_dgemm(ROW_MAJOR, transA, transB, m, n, k, 1.0, ao.doubles, ao.ld,
                        bo.doubles, bo.ld, 0.0, co.doubles, co.ld);
            } else {
                openblas_nolapack.cblas_sgemm(ROW_MAJOR, transA, transB, m, n, k, 1.0f, ao.floats, ao.ld,
                        bo.floats, bo.ld, 0.0f, co.floats, co.ld);
            }
            return;
        }
        ao.prepareBlocks(blocks);
        bo.prepareBlocks(blocks);
        co.prepareBlocks(blocks);
        Lanes.shared().run(blocks, part -> {
            int from = boundary(side, blocks, part);
            int to = boundary(side, blocks, part + 1);
            if (byColumns) {
                columns(ao, ta, bo, tb, co, from, to, part);
            } else {
                // c[from:to, :] = op(a)[from:to, :] · op(b); op(a)'s rows are a's columns when a is transposed.
                long aOffset = ta ? from : (long) from * ao.ld;
                product(co.isDouble, part, transA, transB, to - from, n, k, ao, aOffset, bo, 0, co, (long) from * co.ld);
            }
        });
    }

    /** Whether c = op(a)·op(b) can be handed to OpenBLAS directly (shapes that agree, no vector sides). */
    static boolean direct(Operand ao, boolean ta, Operand bo, boolean tb, Operand co) {
        int m = co.rows;
        int n = co.cols;
        int k = ta ? ao.rows : ao.cols;
        return ao.direct && bo.direct && co.direct && ao.isDouble == co.isDouble
                && bo.isDouble == co.isDouble && m > 1 && n > 1 && k > 1
                && (ta ? ao.cols : ao.rows) == m && (tb ? bo.rows : bo.cols) == n && (tb ? bo.cols : bo.rows) == k;
    }

    /** Into how many blocks on the tile grid n columns can be split for {@code parts} threads. */
    static int columnBlocks(int n, int parts) {
        return Math.min(parts, Math.max(1, n / BLOCK_ALIGN));
    }

    /**
     * The columns c0 ≤ j < c1 of c = op(a)·op(b) ({@link #direct} operands) as one OpenBLAS call on
     * this thread, for block {@code part} of work split by columns (its own pointers, see
     * {@link Operand#prepareBlocks}). Each element is the same as in the whole product.
     */
    static void columns(Operand ao, boolean ta, Operand bo, boolean tb, Operand co, int c0, int c1, int part) {
        int k = ta ? ao.rows : ao.cols;
        // op(b)'s columns are b's rows when b is transposed.
        long bOffset = tb ? (long) c0 * bo.ld : c0;
        product(co.isDouble, part, ta ? TRANS : NO_TRANS, tb ? TRANS : NO_TRANS, co.rows, c1 - c0, k, ao, 0, bo,
                bOffset, co, c0);
    }

    /**
     * The rows r0 ≤ i < r1 of c = a·b (no transposes) as one OpenBLAS call on this thread, for
     * block {@code part} of work split by rows (its own pointers, see {@link Operand#prepareBlocks},
     * called before the split). Each element is the same as in the whole product.
     */
    static void multiplyRows(Operand ao, Operand bo, Operand co, int r0, int r1, int part) {
        if (!rowsDirect(ao, bo, co)) {
            throw new IllegalArgumentException("operands cannot be split by rows: " + ao.rows + "×" + ao.cols
                    + " · " + bo.rows + "×" + bo.cols + " → " + co.rows + "×" + co.cols);
        }
        product(co.isDouble, part, NO_TRANS, NO_TRANS, r1 - r0, co.cols, ao.cols, ao, (long) r0 * ao.ld,
                bo, 0, co, (long) r0 * co.ld);
    }

    /** Whether c = a·b can be computed by {@link #multiplyRows} (direct operands, shapes that agree, no vector sides). */
    static boolean rowsDirect(Operand ao, Operand bo, Operand co) {
        return ao.direct && bo.direct && co.direct && ao.isDouble == co.isDouble && bo.isDouble == co.isDouble
                && ao.rows == co.rows && bo.cols == co.cols && ao.cols == bo.rows
                && co.rows > 1 && co.cols > 1 && ao.cols > 1;
    }

    /**
     * Into how many blocks of rows the product of an m × k matrix and a k × n one is split for
     * {@code parts} threads: 1 when it is made whole or split by columns.
     */
    static int rowBlocks(int m, int n, int k, int parts) {
        return n >= m ? 1 : blockCount((long) m * n * k, m, parts);
    }

    /** Blocks for a product of {@code work} multiply-adds split along a side of {@code side}. */
    private static int blockCount(long work, int side, int parts) {
        return work < SPLIT_MIN_WORK ? 1 : Math.min(parts, Math.max(1, side / BLOCK_ALIGN));
    }

    /** Where block {@code part} of {@code blocks} starts along a side of {@code length}, on the tile grid. */
    static int boundary(int length, int blocks, int part) {
        if (part >= blocks) {
            return length;
        }
        int raw = (int) ((long) length * part / blocks);
        return raw / BLOCK_ALIGN * BLOCK_ALIGN;
    }

    private static void product(boolean isDouble, int part, int transA, int transB, int m, int n, int k,
            Operand ao, long aOffset, Operand bo, long bOffset, Operand co, long cOffset) {
        if (isDouble) {
            openblas_nolapack.cblas_dgemm(ROW_MAJOR, transA, transB, m, n, k, 1.0, ao.doublesAt(part, aOffset), ao.ld,
                    bo.doublesAt(part, bOffset), bo.ld, 0.0, co.doublesAt(part, cOffset), co.ld);
        } else {
            openblas_nolapack.cblas_sgemm(ROW_MAJOR, transA, transB, m, n, k, 1.0f, ao.floatsAt(part, aOffset), ao.ld,
                    bo.floatsAt(part, bOffset), bo.ld, 0.0f, co.floatsAt(part, cOffset), co.ld);
        }
    }
}
