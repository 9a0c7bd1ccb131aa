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
 */
final class Gemm {
    static final String PROPERTY = "babysitter.gemm";
    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;

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
                this.floats = isDouble ? null : new FloatAt(address);
                this.doubles = isDouble ? new DoubleAt(address) : null;
            } else {
                this.floats = null;
                this.doubles = null;
            }
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
        int m = co.rows;
        int n = co.cols;
        int k = ta ? ao.rows : ao.cols;
        boolean direct = ao.direct && bo.direct && co.direct && ao.isDouble == co.isDouble
                && bo.isDouble == co.isDouble && m > 1 && n > 1 && k > 1
                && (ta ? ao.cols : ao.rows) == m && (tb ? bo.rows : bo.cols) == n && (tb ? bo.cols : bo.rows) == k;
        if (!direct) {
            Nd4j.gemm(a, b, c, ta, tb, 1.0, 0.0);
            return;
        }
        int transA = ta ? TRANS : NO_TRANS;
        int transB = tb ? TRANS : NO_TRANS;
        if (co.isDouble) {
            openblas_nolapack.cblas_dgemm(ROW_MAJOR, transA, transB, m, n, k, 1.0, ao.doubles, ao.ld,
                    bo.doubles, bo.ld, 0.0, co.doubles, co.ld);
        } else {
            openblas_nolapack.cblas_sgemm(ROW_MAJOR, transA, transB, m, n, k, 1.0f, ao.floats, ao.ld,
                    bo.floats, bo.ld, 0.0f, co.floats, co.ld);
        }
    }
}
