package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What a network's engine threads may change in its results: nothing in float64 (the split
 * products and loops sum in the same order as one thread does), rounding only in float32, and
 * nothing between two runs with the same count.
 */
class EngineThreadsTest {

    @AfterEach
    void clear() {
        EngineThreads.clearForThisThread();
    }

    @Test
    void float64TrainingIsBitIdenticalWithOneTwoAndThreeThreads() {
        long[] one = train(Precision.FLOAT64, 1);
        assertThat(train(Precision.FLOAT64, 2)).isEqualTo(one);
        assertThat(train(Precision.FLOAT64, 3)).isEqualTo(one);
    }

    /**
     * With an L2 term, the weight gradients computed by a helper while the trainer goes on (see
     * ForwardBackward.backward) get the term once, after the product: the same bits as one thread.
     */
    @Test
    void float64TrainingWithL2IsBitIdenticalWithOneAndTwoThreads() {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withLearningRate(0.01).withBatchSize(128).withL2(0.5);
        assertThat(train(Precision.FLOAT64, 2, hp)).isEqualTo(train(Precision.FLOAT64, 1, hp));
    }

    @Test
    void float32TrainingRepeatsExactlyWithTheSameThreadsAndStaysCloseAcrossCounts() {
        long[] two = train(Precision.FLOAT32, 2);
        assertThat(train(Precision.FLOAT32, 2)).isEqualTo(two);
        float[] a = floats(train(Precision.FLOAT32, 1));
        float[] b = floats(two);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        // 40 Adam steps of α = 0.01 move a weight by at most 0.4; rounding differences stay far below.
        assertThat(worst).isLessThan(1e-3);
    }

    /**
     * Inference on chunks with more rows than units splits the products by rows and the
     * element-wise work along the same rows: float64 results, including every per-layer quantity
     * the accessors show, are those of one thread.
     */
    @Test
    void float64InferenceOnManyRowsIsBitIdenticalAcrossThreadCounts() {
        TestNets.Batch data = TestNets.randomBatch(600, 100, 10, Precision.FLOAT64.dataType(), 9);
        long[][] reference = null;
        for (int threads : new int[] {1, 2, 3}) {
            EngineThreads.setForThisThread(threads);
            Network net = new Network(config(Precision.FLOAT64));
            // a few training steps so that the running statistics are not the initial ones
            Hyperparameters hp = Hyperparameters.DEFAULTS.withLearningRate(0.01).withBatchSize(128);
            for (int step = 0; step < 4; step++) {
                INDArray x = data.x().get(NDArrayIndex.interval(step * 128, step * 128 + 128), NDArrayIndex.all());
                net.trainStep(x, Arrays.copyOfRange(data.labels(), step * 128, step * 128 + 128), hp, 0);
            }
            Network.Evaluation e = net.evaluate(data.x(), data.labels(), Network.Mode.INFERENCE, 300);
            INDArray probs = net.predict(data.x(), Network.Mode.INFERENCE);
            long[][] now = {
                {Double.doubleToRawLongBits(e.cost()), Double.doubleToRawLongBits(e.accuracy())},
                bits(probs), bits(net.z(1)), bits(net.zNorm(1)), bits(net.activation(1)), bits(net.activation(2))};
            if (reference == null) {
                reference = now;
            } else {
                for (int i = 0; i < now.length; i++) {
                    assertThat(now[i]).as("quantity %d with %d threads", i, threads).isEqualTo(reference[i]);
                }
            }
        }
    }

    /**
     * A training step splits each wide enough hidden layer's product and element-wise work by
     * blocks of columns: every per-layer quantity the accessors show, with and without batch
     * norm, is that of one thread, in the same row-major order.
     */
    @Test
    void float64TrainingStepShowsTheSameLayerQuantitiesWithAnyThreadCount() {
        TestNets.Batch data = TestNets.randomBatch(128, 100, 10, Precision.FLOAT64.dataType(), 6);
        NetworkConfig[] configs = {config(Precision.FLOAT64),
            TestNets.config(100, 10, Precision.FLOAT64, 23, new LayerSpec(96, Activation.SIGMOID, false),
                    new LayerSpec(64, Activation.LEAKY_RELU, true))};
        Hyperparameters hp = Hyperparameters.DEFAULTS.withLearningRate(0.01).withBatchSize(128);
        for (NetworkConfig config : configs) {
            long[][] reference = null;
            for (int threads : new int[] {1, 2, 3}) {
                EngineThreads.setForThisThread(threads);
                Network net = new Network(config);
                net.trainStep(data.x(), data.labels(), hp, 0);
                net.trainStep(data.x(), data.labels(), hp, 0);
                List<INDArray> quantities = new ArrayList<>();
                for (int l = 1; l <= 3; l++) {
                    quantities.addAll(List.of(net.z(l), net.zTilde(l), net.activation(l), net.gradW(l)));
                    if (l < 3 && config.batchNorm(l)) {
                        quantities.addAll(List.of(net.zNorm(l), net.batchMean(l), net.batchVar(l),
                                net.gradGamma(l), net.gradBeta(l), net.runningMean(l), net.runningVar(l)));
                    } else {
                        quantities.add(net.gradB(l));
                    }
                }
                long[][] now = quantities.stream().map(EngineThreadsTest::bits).toArray(long[][]::new);
                if (reference == null) {
                    reference = now;
                } else {
                    for (int i = 0; i < now.length; i++) {
                        assertThat(now[i]).as("quantity %d of %s with %d threads", i, config.hidden(), threads)
                                .isEqualTo(reference[i]);
                    }
                }
            }
        }
    }

    @Test
    void aNonFiniteInputInALaterRowBlockIsStillNamed() {
        EngineThreads.setForThisThread(2);
        Network net = new Network(config(Precision.FLOAT32));
        TestNets.Batch data = TestNets.randomBatch(600, 100, 10, Precision.FLOAT32.dataType(), 9);
        INDArray x = data.x().dup();
        x.putScalar(new long[] {517, 3}, Double.NaN);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> net.evaluate(x, data.labels(), Network.Mode.INFERENCE, 600))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 517, column 3");
    }

    /**
     * Inference split by rows takes each block through every layer; layers without batch norm
     * (their bias) and a layer too narrow to be split by rows (one unit: the whole batch runs
     * layer by layer instead) give the same bits as one thread.
     */
    @Test
    void float64InferenceWithBiasLayersAndAOneUnitLayerIsBitIdenticalAcrossThreadCounts() {
        TestNets.Batch data = TestNets.randomBatch(500, 40, 3, Precision.FLOAT64.dataType(), 4);
        NetworkConfig[] configs = {
            TestNets.config(40, 3, Precision.FLOAT64, 21, new LayerSpec(32, Activation.SIGMOID, false),
                    new LayerSpec(24, Activation.LEAKY_RELU, false)),
            TestNets.config(40, 3, Precision.FLOAT64, 22, new LayerSpec(32, Activation.RELU, true),
                    new LayerSpec(1, Activation.TANH, false))};
        for (NetworkConfig config : configs) {
            long[][] reference = null;
            for (int threads : new int[] {1, 2}) {
                EngineThreads.setForThisThread(threads);
                Network net = new Network(config);
                Network.Evaluation e = net.evaluate(data.x(), data.labels(), Network.Mode.INFERENCE, 250);
                long[][] now = {
                    {Double.doubleToRawLongBits(e.cost()), Double.doubleToRawLongBits(e.accuracy())},
                    bits(net.predict(data.x(), Network.Mode.INFERENCE)), bits(net.z(1)), bits(net.activation(2))};
                if (reference == null) {
                    reference = now;
                } else {
                    for (int i = 0; i < now.length; i++) {
                        assertThat(now[i]).as("quantity %d of %s", i, config.hidden()).isEqualTo(reference[i]);
                    }
                }
            }
        }
    }

    private static long[] bits(INDArray a) {
        double[] v = a.dup().data().asDouble();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }

    @Test
    void theWindowLeavesOneCoreToTheDisplay() {
        assertThat(EngineThreads.forWindow(1)).isEqualTo(1);
        assertThat(EngineThreads.forWindow(2)).isEqualTo(1);
        assertThat(EngineThreads.forWindow(4)).isEqualTo(3);
        assertThat(EngineThreads.forWindow(16)).isEqualTo(EngineThreads.MAX_DEFAULT);
    }

    @Test
    void aNetworkKeepsTheCountItWasMadeWith() {
        EngineThreads.setForThisThread(1);
        Network net = new Network(config(Precision.FLOAT32));
        EngineThreads.setForThisThread(2);
        assertThat(net.threads()).isEqualTo(1);
        assertThat(new Network(config(Precision.FLOAT32)).threads()).isEqualTo(2);
    }

    /** 40 steps of 128 rows (products big enough to be split), then the parameters' bits. */
    private static long[] train(Precision p, int threads) {
        return train(p, threads, Hyperparameters.DEFAULTS.withLearningRate(0.01).withBatchSize(128));
    }

    private static long[] train(Precision p, int threads, Hyperparameters hp) {
        EngineThreads.setForThisThread(threads);
        Network net = new Network(config(p));
        assertThat(net.threads()).isEqualTo(threads);
        TestNets.Batch data = TestNets.randomBatch(1024, 100, 10, p.dataType(), 5);
        for (int step = 0; step < 40; step++) {
            int from = (step * 128) % 1024;
            INDArray x = data.x().get(NDArrayIndex.interval(from, from + 128), NDArrayIndex.all());
            net.trainStep(x, Arrays.copyOfRange(data.labels(), from, from + 128), hp, 0);
        }
        double[] v = net.parameters().dup().data().asDouble();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = p == Precision.FLOAT64 ? Double.doubleToRawLongBits(v[i]) : Float.floatToRawIntBits((float) v[i]);
        }
        return out;
    }

    private static float[] floats(long[] bits) {
        float[] out = new float[bits.length];
        for (int i = 0; i < bits.length; i++) {
            out[i] = Float.intBitsToFloat((int) bits[i]);
        }
        return out;
    }

    private static NetworkConfig config(Precision p) {
        return TestNets.config(100, 10, p, 13, new LayerSpec(64, Activation.RELU, true),
                new LayerSpec(48, Activation.TANH, true));
    }
}
