package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A product split into blocks run at once ({@link Gemm}, {@link Lanes}) gives the same matrix as
 * the product made whole, for the engine's three kinds of product, split by rows and by columns,
 * into 2 and 3 blocks: in float64 every element bit for bit; in float32 within the rounding bound
 * of a dot product (OpenBLAS's single-precision kernels do not always sum a block's elements in
 * the order they sum the whole's: measured, 875 of the 32,768 elements of the 128×784·784×256
 * product in 2 blocks differ, by at most 9e-5 relative).
 */
class GemmSplitTest {

    @ParameterizedTest
    @EnumSource(Precision.class)
    void splitProductsEqualWholeOnes(Precision p) {
        Nd4jSetup.configure(); // one OpenBLAS thread per call, as the engine runs them
        DataType dt = p.dataType();
        int[][] shapes = {{128, 784, 256}, {128, 256, 128}, {128, 128, 10}, {300, 64, 40}, {100, 50, 30}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            Nd4j.getRandom().setSeed(m * 31L + n);
            INDArray a = Nd4j.rand(dt, m, k).subi(0.5);
            INDArray flat = Nd4j.rand(dt, 3 + k * n + 2).subi(0.5);
            INDArray w = flat.get(NDArrayIndex.interval(3, 3 + k * n)).reshape('c', k, n);
            INDArray dz = Nd4j.rand(dt, m, n).subi(0.5);
            for (int parts : new int[] {2, 3}) {
                compare(a, false, w, false, Nd4j.create(dt, m, n), Nd4j.create(dt, m, n), parts);
                compare(a, true, dz, false, Nd4j.create(dt, k, n), Nd4j.create(dt, k, n), parts);
                compare(dz, false, w, true, Nd4j.create(dt, m, k), Nd4j.create(dt, m, k), parts);
            }
        }
    }

    private static void compare(INDArray a, boolean ta, INDArray b, boolean tb, INDArray split, INDArray whole, int parts) {
        // |error of a float dot product of length k| ≤ k·u·Σ|a_i·b_i| (u = 2⁻²⁴); two such sums differ by at most twice that.
        int k = (int) (ta ? a.rows() : a.columns());
        INDArray absA = Nd4j.math().abs(a.castTo(DataType.DOUBLE));
        INDArray absB = Nd4j.math().abs(b.castTo(DataType.DOUBLE));
        double[] magnitude = Nd4j.gemm(absA, absB, ta, tb).ravel().toDoubleVector();
        boolean exact = a.dataType() == DataType.DOUBLE;
        Gemm.multiply(a, new Gemm.Operand(a), ta, b, new Gemm.Operand(b), tb, whole, new Gemm.Operand(whole), 1);
        Gemm.multiply(a, new Gemm.Operand(a), ta, b, new Gemm.Operand(b), tb, split, new Gemm.Operand(split), parts);
        double[] x = whole.ravel().toDoubleVector();
        double[] y = split.ravel().toDoubleVector();
        double worst = 0;
        int differing = 0;
        int outsideBound = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                differing++;
                if (Math.abs(x[i] - y[i]) > 2.0 * k * 0x1p-24 * magnitude[i]) {
                    outsideBound++;
                }
                worst = Math.max(worst, Math.abs(x[i] - y[i]) / Math.max(1e-30, Math.abs(x[i])));
            }
        }
        System.out.printf("%s x %s (%s%s), %d parts: %d of %d differ, worst relative %.3g%n",
                java.util.Arrays.toString(a.shape()), java.util.Arrays.toString(b.shape()), ta ? "aT" : "a", tb ? " bT" : "",
                parts, differing, x.length, worst);
        if (exact) {
            assertThat(differing).as("float64 elements that differ").isZero();
        } else {
            assertThat(outsideBound).as("float32 elements outside the rounding bound").isZero();
        }
    }

    @org.junit.jupiter.api.Test
    void blocksCoverTheSideOnTheTileGrid() {
        assertThat(Gemm.boundary(256, 2, 0)).isZero();
        assertThat(Gemm.boundary(256, 2, 1)).isEqualTo(128);
        assertThat(Gemm.boundary(256, 2, 2)).isEqualTo(256);
        assertThat(Gemm.boundary(784, 2, 1)).isEqualTo(384);
        assertThat(Gemm.boundary(100, 3, 1)).isEqualTo(32);
        assertThat(Gemm.boundary(100, 3, 2)).isEqualTo(64);
        assertThat(Gemm.boundary(100, 3, 3)).isEqualTo(100);
    }
}
