package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
        EngineThreads.setForThisThread(threads);
        Network net = new Network(config(p));
        assertThat(net.threads()).isEqualTo(threads);
        TestNets.Batch data = TestNets.randomBatch(1024, 100, 10, p.dataType(), 5);
        Hyperparameters hp = Hyperparameters.DEFAULTS.withLearningRate(0.01).withBatchSize(128);
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
