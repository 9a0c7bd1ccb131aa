package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Batches in another precision than the network's are converted into an input array the network
 * reuses: the results are those of batches converted beforehand, batch after batch.
 */
class InputPrecisionTest {

    @Test
    void float32BatchesTrainAFloat64NetworkAsTheirFloat64Copies() {
        TestNets.Batch data = TestNets.randomBatch(256, 20, 4, DataType.FLOAT, 3);
        NetworkConfig config = TestNets.config(20, 4, Precision.FLOAT64, 8,
                new LayerSpec(16, Activation.RELU, true), new LayerSpec(8, Activation.TANH, false));
        Network converting = new Network(config);
        Network given = new Network(config);
        Hyperparameters hp = Hyperparameters.DEFAULTS.withLearningRate(0.01).withBatchSize(64);
        for (int step = 0; step < 6; step++) {
            int from = (step * 64) % 256;
            INDArray x = data.x().get(NDArrayIndex.interval(from, from + 64), NDArrayIndex.all());
            int[] y = Arrays.copyOfRange(data.labels(), from, from + 64);
            double a = converting.trainStep(x, y, hp, 0);
            double b = given.trainStep(x.castTo(DataType.DOUBLE), y, hp, 0);
            assertThat(Double.doubleToRawLongBits(a)).as("cost of step %d", step).isEqualTo(Double.doubleToRawLongBits(b));
        }
        assertThat(converting.parameters().data().asDouble()).isEqualTo(given.parameters().data().asDouble());
        Network.Evaluation a = converting.evaluate(data.x(), data.labels(), Network.Mode.INFERENCE, 100);
        Network.Evaluation b = given.evaluate(data.x().castTo(DataType.DOUBLE), data.labels(), Network.Mode.INFERENCE, 100);
        assertThat(a).isEqualTo(b);
        assertThat(converting.z(1).data().asDouble()).isEqualTo(given.z(1).data().asDouble());
    }
}
