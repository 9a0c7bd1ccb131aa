package babysitter.session.training;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.Activation;
import babysitter.engine.LayerSpec;
import babysitter.engine.Network;
import babysitter.engine.NetworkConfig;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** What LayerStats.of takes from the network's config: each layer's size, activation and batch norm. */
class LayerStatsTest {

    @Test
    void statsCarryUnitsActivationAndBatchNormFromTheConfig() {
        NetworkConfig config = NetworkConfig.of(4, List.of(new LayerSpec(6, Activation.RELU, true),
                new LayerSpec(5, Activation.TANH, false), new LayerSpec(3, Activation.LEAKY_RELU, true)), 3, 7);
        Network net = new Network(config);
        SplittableRandom r = new SplittableRandom(1);
        int m = 8;
        double[] x = new double[m * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            labels[i] = i % 3;
        }
        net.computeGradients(Nd4j.create(x, new long[] {m, 4}, DataType.FLOAT), labels, 0);

        LayerStats l1 = LayerStats.of(net, 1, 10, null);
        LayerStats l2 = LayerStats.of(net, 2, 10, null);
        LayerStats l3 = LayerStats.of(net, 3, 10, null);
        LayerStats out = LayerStats.of(net, 4, 10, null);

        assertThat(List.of(l1.units(), l2.units(), l3.units(), out.units())).containsExactly(6, 5, 3, 3);
        assertThat(List.of(l1.activation(), l2.activation(), l3.activation(), out.activation()))
                .containsExactly("relu", "tanh", "leaky_relu", "softmax");
        assertThat(List.of(l1.batchNorm(), l2.batchNorm(), l3.batchNorm(), out.batchNorm()))
                .containsExactly(true, false, true, false);
        assertThat(List.of(l1.output(), l2.output(), l3.output(), out.output()))
                .containsExactly(false, false, false, true);
        // the per-unit batch-norm statistics agree with the size
        assertThat(l1.batchMean()).hasSize(6);
        assertThat(l2.batchMean()).isEmpty();
    }
}
