package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The direct OpenBLAS products ({@link Gemm}) give bit-identical results to {@code Nd4j.gemm}:
 * single products of the engine's three kinds at the reference network's sizes, and whole
 * training runs (50 steps, float32 and float64).
 */
class GemmCrossCheckTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(Gemm.PROPERTY);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void productsAreBitIdenticalToNd4jGemm(Precision p) {
        DataType dt = p.dataType();
        int[][] shapes = {{128, 784, 256}, {128, 256, 128}, {128, 128, 10}, {7, 3, 5}, {2, 2, 2}, {1, 5, 4},
                {5, 1, 4}, {5, 4, 1}};
        long seed = 1;
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            // forward z = a·W with W a view inside a longer vector (non-zero offset)
            INDArray a = Nd4j.rand(dt, m, k).subi(0.5);
            INDArray flat = Nd4j.rand(dt, 3 + k * n + 2).subi(0.5);
            INDArray w = flat.get(NDArrayIndex.interval(3, 3 + k * n)).reshape('c', k, n);
            check(a, false, w, false, Nd4j.create(dt, m, n), Nd4j.create(dt, m, n));
            // dW = aᵀ·dz into a view
            INDArray dz = Nd4j.rand(dt, m, n).subi(0.5);
            INDArray gFlat = Nd4j.create(dt, 3 + k * n + 2);
            INDArray gFlat2 = Nd4j.create(dt, 3 + k * n + 2);
            check(a, true, dz, false, gFlat.get(NDArrayIndex.interval(3, 3 + k * n)).reshape('c', k, n),
                    gFlat2.get(NDArrayIndex.interval(3, 3 + k * n)).reshape('c', k, n));
            // da = dz·Wᵀ
            check(dz, false, w, true, Nd4j.create(dt, m, k), Nd4j.create(dt, m, k));
            // a row range of a bigger input (offset, row stride = columns)
            INDArray big = Nd4j.rand(dt, m + 9, k);
            INDArray rows = big.get(NDArrayIndex.interval(4, 4 + m), NDArrayIndex.all());
            check(rows, false, w, false, Nd4j.create(dt, m, n), Nd4j.create(dt, m, n));
            seed++;
        }
    }

    private static void check(INDArray a, boolean ta, INDArray b, boolean tb, INDArray c, INDArray expected) {
        Nd4j.gemm(a, b, expected, ta, tb, 1.0, 0.0);
        // the arrays all go to OpenBLAS directly (products with a dimension of 1 then fall back)
        if (c.rows() > 1 && c.columns() > 1 && (ta ? a.rows() : a.columns()) > 1) {
            assertThat(new Gemm.Operand(a).direct && new Gemm.Operand(b).direct && new Gemm.Operand(c).direct).isTrue();
        }
        Gemm.multiply(a, new Gemm.Operand(a), ta, b, new Gemm.Operand(b), tb, c, new Gemm.Operand(c));
        assertThat(bits(c)).as("%s%s · %s%s", Arrays.toString(a.shape()), ta ? "ᵀ" : "", Arrays.toString(b.shape()),
                tb ? "ᵀ" : "").isEqualTo(bits(expected));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void trainingRunIsBitIdenticalToNd4jGemm(Precision p) {
        System.setProperty(Gemm.PROPERTY, "nd4j");
        long[] viaNd4j = train(p);
        System.clearProperty(Gemm.PROPERTY);
        long[] direct = train(p);
        assertThat(direct).isEqualTo(viaNd4j);
    }

    /**
     * 50 steps (row-range views of one input matrix, a one-row batch every 10th step, L2), then
     * the parameters' bits.
     */
    private static long[] train(Precision p) {
        Network net = new Network(TestNets.config(20, 5, p, 11, new LayerSpec(16, Activation.RELU, true),
                new LayerSpec(9, Activation.TANH, false)));
        TestNets.Batch data = TestNets.randomBatch(256, 20, 5, p.dataType(), 3);
        Hyperparameters hp = Hyperparameters.DEFAULTS.withLearningRate(0.01).withBatchSize(32).withL2(0.01);
        for (int step = 0; step < 50; step++) {
            int from = (step * 32) % 256;
            int to = step % 10 == 9 ? from + 1 : from + 32;
            INDArray x = data.x().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            int[] y = Arrays.copyOfRange(data.labels(), from, to);
            net.trainStep(x, y, hp, 0);
        }
        return bits(net.parameters());
    }

    private static long[] bits(INDArray a) {
        double[] v = a.dup().data().asDouble();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }
}
