package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.optim.OptimizerKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The engine learns: easy blobs perfectly, and batch norm helps a deep net at a large learning rate. */
class LearningTest {

    /** One epoch of mini-batches in the data's (already shuffled) order; returns the last batch cost. */
    static double epoch(Network net, TestNets.Batch data, Hyperparameters hp, int epoch) {
        int n = data.labels().length;
        double cost = Double.NaN;
        for (int from = 0; from < n; from += hp.batchSize()) {
            int to = Math.min(n, from + hp.batchSize());
            cost = net.trainStep(TestNets.rows(data, from, to), Arrays.copyOfRange(data.labels(), from, to), hp, epoch);
        }
        return cost;
    }

    @Test
    void threeBlobsAreLearnedPerfectly() {
        TestNets.Batch data = TestNets.blobs(new double[][] {{0, 0}, {4, 0}, {2, 3.5}}, 100, 0.6, DataType.FLOAT, 1);
        Network net = new Network(TestNets.config(2, 3, Precision.FLOAT32, 1,
                new LayerSpec(16, Activation.RELU, true)));
        Hyperparameters hp = Hyperparameters.DEFAULTS.withLearningRate(0.01).withBatchSize(32);
        int maxEpochs = 60;
        int reached = -1;
        Network.Evaluation ev = null;
        for (int e = 0; e < maxEpochs; e++) {
            epoch(net, data, hp, e);
            ev = net.evaluate(data.x(), data.labels(), Network.Mode.INFERENCE, 1000);
            if (ev.accuracy() == 1.0) {
                reached = e + 1;
                break;
            }
        }
        System.out.printf("blobs: 100%% training accuracy after %d epochs (cost %.4f)%n", reached, ev.cost());
        assertThat(reached).as("epochs to 100%% accuracy (last: %s)", ev).isBetween(1, maxEpochs);
    }

    /** Three interleaved spiral arms, {@code perClass} points each, shuffled. */
    static TestNets.Batch spiral(int perClass, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 3 * perClass;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(seed));
        double[] x = new double[2 * n];
        int[] y = new int[n];
        for (int k = 0; k < n; k++) {
            int i = order.get(k);
            int c = i / perClass;
            double t = (double) (i % perClass) / perClass;
            double radius = t;
            double angle = 4 * t + c * 2 * Math.PI / 3 + noise * r.nextGaussian();
            x[2 * k] = radius * Math.cos(angle);
            x[2 * k + 1] = radius * Math.sin(angle);
            y[k] = c;
        }
        return new TestNets.Batch(Nd4j.create(x, new long[] {n, 2}, DataType.FLOAT), y);
    }

    record Run(double finalCost, double accuracy, int nanSteps) {
    }

    static Run deepRun(boolean bn, Activation g, Hyperparameters hp, int epochs, TestNets.Batch data) {
        LayerSpec[] layers = new LayerSpec[5];
        Arrays.fill(layers, new LayerSpec(32, g, bn));
        Network net = new Network(TestNets.config(2, 3, Precision.FLOAT32, 7, layers));
        int nan = 0;
        for (int e = 0; e < epochs; e++) {
            int n = data.labels().length;
            for (int from = 0; from < n; from += hp.batchSize()) {
                int to = Math.min(n, from + hp.batchSize());
                double c = net.trainStep(TestNets.rows(data, from, to), Arrays.copyOfRange(data.labels(), from, to), hp, e);
                if (!Double.isFinite(c)) {
                    nan++;
                }
            }
        }
        Network.Evaluation ev = net.evaluate(data.x(), data.labels(), Network.Mode.INFERENCE, 10_000);
        return new Run(ev.cost(), ev.accuracy(), nan);
    }

    /**
     * A deep net (5 hidden layers of 32) on three spiral arms, plain SGD with α = 1, batches of 32,
     * 100 epochs, same seed with and without batch norm. Measured (float32, this machine):
     * tanh: BN 98.3 % / cost 0.043, no BN 33.3 % / cost 7.03; ReLU: BN 99.3 % / cost 0.031, no BN
     * 33.3 % / cost 1.10 (the net without BN is stuck at chance: its cost is finite, no NaN steps).
     */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU"})
    void batchNormTrainsADeepNetAtALargeLearningRateWhereThePlainNetFails(Activation g) {
        TestNets.Batch data = spiral(100, 0.15, 3);
        Hyperparameters hp = Hyperparameters.DEFAULTS.withOptimizer(OptimizerKind.SGD).withLearningRate(1.0)
                .withBatchSize(32);
        Run withBn = deepRun(true, g, hp, 100, data);
        Run without = deepRun(false, g, hp, 100, data);
        System.out.printf("spiral, 5×32 %s, SGD α=1, 100 epochs: with BN accuracy %.4f cost %.4f NaN steps %d | "
                + "without BN accuracy %.4f cost %.4f NaN steps %d%n", g, withBn.accuracy(), withBn.finalCost(),
                withBn.nanSteps(), without.accuracy(), without.finalCost(), without.nanSteps());
        assertThat(withBn.nanSteps()).isZero();
        assertThat(withBn.accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(withBn.finalCost()).isLessThan(0.2);
        // the plain net does not learn: chance-level accuracy and a cost above log 3 ≈ 1.0986 at best
        assertThat(without.accuracy()).isLessThan(0.5);
        assertThat(without.finalCost()).isGreaterThan(1.0);
        assertThat(withBn.accuracy() - without.accuracy()).isGreaterThan(0.4);
    }
}
