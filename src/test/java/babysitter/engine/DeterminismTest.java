package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A seeded run is reproducible bit for bit (float32, the default precision). */
class DeterminismTest {

    private static final int STEPS = 50;
    private static final int BATCH = 32;

    private static double[] costs(long seed, TestNets.Batch data) {
        Network net = new Network(TestNets.config(2, 3, Precision.FLOAT32, seed,
                new LayerSpec(16, Activation.RELU, true), new LayerSpec(8, Activation.TANH, false)));
        Hyperparameters hp = Hyperparameters.DEFAULTS.withLearningRate(0.01).withBatchSize(BATCH);
        int n = data.labels().length;
        double[] costs = new double[STEPS];
        for (int step = 0; step < STEPS; step++) {
            int from = (step * BATCH) % n;
            INDArray x = TestNets.rows(data, from, from + BATCH);
            int[] y = java.util.Arrays.copyOfRange(data.labels(), from, from + BATCH);
            costs[step] = net.trainStep(x, y, hp, step * BATCH / n);
        }
        return costs;
    }

    private static TestNets.Batch data() {
        return TestNets.blobs(new double[][] {{0, 0}, {3, 0}, {0, 3}}, 64, 1.0, DataType.FLOAT, 5);
    }

    @Test
    void sameSeedDataAndConfigGiveBitIdenticalCosts() {
        double[] a = costs(42, data());
        double[] b = costs(42, data());
        for (int i = 0; i < STEPS; i++) {
            assertThat(Double.doubleToRawLongBits(b[i])).as("cost of step %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(a[i]));
        }
        assertThat(java.util.Arrays.stream(a).allMatch(Double::isFinite)).isTrue();
        // training happened: the costs are not one repeated value
        assertThat(a[STEPS - 1]).isLessThan(a[0]);
    }

    @Test
    void anotherSeedGivesAnotherSequence() {
        double[] a = costs(42, data());
        double[] b = costs(43, data());
        int differing = 0;
        for (int i = 0; i < STEPS; i++) {
            if (a[i] != b[i]) {
                differing++;
            }
        }
        assertThat(differing).isEqualTo(STEPS);
    }
}
