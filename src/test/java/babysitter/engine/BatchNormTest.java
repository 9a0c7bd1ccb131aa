package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.engine.optim.OptimizerKind;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Batch normalisation in training and at inference, course notes §4 and §5. */
class BatchNormTest {

    private static final int M = 16;
    private static final int IN = 4;
    private static final int C = 3;

    private static Network net(Activation g) {
        Network net = new Network(TestNets.config(IN, C, Precision.FLOAT64, 3,
                new LayerSpec(5, g, true), new LayerSpec(4, g, true)));
        TestNets.randomiseBatchNorm(net, 17);
        return net;
    }

    private static TestNets.Batch batch(long seed) {
        TestNets.Batch b = TestNets.randomBatch(M, IN, C, DataType.DOUBLE, seed);
        // shift and scale the inputs so that z has a mean and variance far from 0 and 1
        return new TestNets.Batch(b.x().mul(3.0).add(2.0), b.labels());
    }

    private static double[][] matrix(INDArray a) {
        return a.toDoubleMatrix();
    }

    @Test
    void trainModeNormalisesEachUnitToMeanZeroAndVarianceOneUpToEpsilon() {
        Network net = net(Activation.RELU);
        TestNets.Batch b = batch(1);
        net.predict(b.x(), Network.Mode.TRAIN);
        double eps = net.config().bnEpsilon();
        for (int l = 1; l <= 2; l++) {
            double[][] z = matrix(net.z(l));
            double[][] zn = matrix(net.zNorm(l));
            double[][] zt = matrix(net.zTilde(l));
            double[][] a = matrix(net.activation(l));
            double[] gamma = net.gamma(l).toDoubleVector();
            double[] beta = net.beta(l).toDoubleVector();
            double[] mu = net.batchMean(l).toDoubleVector();
            double[] var = net.batchVar(l).toDoubleVector();
            int n = zn[0].length;
            for (int j = 0; j < n; j++) {
                // μ and the biased σ² of z, computed here
                double sum = 0;
                for (double[] row : z) {
                    sum += row[j];
                }
                double muJ = sum / M;
                double sq = 0;
                for (double[] row : z) {
                    sq += (row[j] - muJ) * (row[j] - muJ);
                }
                double varJ = sq / M;
                assertThat(mu[j]).as("μ layer %d unit %d", l, j).isCloseTo(muJ, within(1e-12 * (1 + Math.abs(muJ))));
                assertThat(var[j]).as("σ² layer %d unit %d", l, j).isCloseTo(varJ, within(1e-12 * varJ));
                assertThat(varJ).as("z must not be degenerate").isGreaterThan(1e-3);

                double mean = 0;
                for (double[] row : zn) {
                    mean += row[j];
                }
                mean /= M;
                double v = 0;
                for (double[] row : zn) {
                    v += (row[j] - mean) * (row[j] - mean);
                }
                v /= M;
                assertThat(Math.abs(mean)).as("mean of z_norm, layer %d unit %d", l, j).isLessThan(1e-12);
                double expected = varJ / (varJ + eps);
                assertThat(v).as("variance of z_norm, layer %d unit %d", l, j).isCloseTo(expected, within(1e-9));
                for (int i = 0; i < M; i++) {
                    assertThat(zn[i][j]).isCloseTo((z[i][j] - muJ) / Math.sqrt(varJ + eps), within(1e-10));
                    assertThat(zt[i][j]).as("z̃ = γ z_norm + β").isCloseTo(gamma[j] * zn[i][j] + beta[j], within(1e-12));
                    assertThat(a[i][j]).as("a = relu(z̃)").isEqualTo(Math.max(0.0, zt[i][j]));
                }
            }
        }
    }

    @Test
    void inferenceWithRunningStatisticsEqualToTheBatchStatisticsReproducesTrainMode() {
        Network net = net(Activation.TANH);
        TestNets.Batch b = batch(2);
        INDArray train = net.predict(b.x(), Network.Mode.TRAIN);
        for (int l = 1; l <= 2; l++) {
            net.runningMean(l).assign(net.batchMean(l).dup());
            net.runningVar(l).assign(net.batchVar(l).dup());
        }
        INDArray inference = net.predict(b.x(), Network.Mode.INFERENCE);
        double diff = maxAbsDiff(train, inference);
        assertThat(diff).isLessThan(1e-12);

        // and with the initial running statistics (0, 1) inference differs: the mode is honoured
        Network fresh = net(Activation.TANH);
        INDArray freshInference = fresh.predict(b.x(), Network.Mode.INFERENCE);
        assertThat(maxAbsDiff(train, freshInference)).isGreaterThan(1e-3);
    }

    @Test
    void runningStatisticsAreAnExponentialAverageWithMomentumPointNine() {
        Network net = net(Activation.RELU);
        TestNets.Batch b = batch(3);
        for (int l = 1; l <= 2; l++) {
            assertThat(net.runningMean(l).toDoubleVector()).containsOnly(0.0);
            assertThat(net.runningVar(l).toDoubleVector()).containsOnly(1.0);
        }
        // batch statistics of the parameters before the step
        net.predict(b.x(), Network.Mode.TRAIN);
        double[][] mu = new double[3][];
        double[][] var = new double[3][];
        for (int l = 1; l <= 2; l++) {
            mu[l] = net.batchMean(l).toDoubleVector();
            var[l] = net.batchVar(l).toDoubleVector();
        }
        // passes that are not training steps leave the running statistics alone
        net.computeGradients(b.x(), b.labels(), 0);
        net.cost(b.x(), b.labels(), Network.Mode.TRAIN, 0);
        net.evaluate(b.x(), b.labels(), Network.Mode.TRAIN, 5);
        for (int l = 1; l <= 2; l++) {
            assertThat(net.runningMean(l).toDoubleVector()).containsOnly(0.0);
            assertThat(net.runningVar(l).toDoubleVector()).containsOnly(1.0);
        }

        net.trainStep(b.x(), b.labels(), Hyperparameters.DEFAULTS.withOptimizer(OptimizerKind.SGD).withLearningRate(0.1), 0);

        for (int l = 1; l <= 2; l++) {
            double[] rm = net.runningMean(l).toDoubleVector();
            double[] rv = net.runningVar(l).toDoubleVector();
            for (int j = 0; j < rm.length; j++) {
                assertThat(rm[j]).as("μ_run layer %d unit %d", l, j)
                        .isCloseTo(0.9 * 0.0 + 0.1 * mu[l][j], within(1e-15 * (1 + Math.abs(mu[l][j]))));
                assertThat(rv[j]).as("σ²_run layer %d unit %d", l, j)
                        .isCloseTo(0.9 * 1.0 + 0.1 * var[l][j], within(1e-15 * (1 + var[l][j])));
            }
        }
    }

    /**
     * One input x ~ N(3, 2²), one BN unit with W1 fixed at 1 (so z = x), and a learning rate so
     * small (1e-300) that no parameter moves: the running statistics must converge to the true
     * mean 3 and (biased batch) variance 4·(m−1)/m of z.
     *
     * <p>Tolerance: with momentum 0.9 the running average is Σ_k 0.1·0.9^k·(batch value), whose
     * variance is 0.1²/(1−0.81) ≈ 0.0526 times that of one batch value (start-up weight 0.9^300 is
     * negligible). With m = 1000: sd of a batch mean 2/√1000 = 0.063, of the running mean 0.0145;
     * sd of a batch variance ≈ 4·√(2/999) = 0.179, of the running variance 0.041. The bounds 0.08
     * and 0.21 are about 5.5 and 5 standard deviations.
     */
    @Test
    void runningStatisticsConvergeToTheTrueMeanAndVarianceOfZ() {
        Network net = new Network(new NetworkConfig(1, List.of(new LayerSpec(1, Activation.RELU, true)), 2,
                Precision.FLOAT64, NetworkConfig.DEFAULT_BN_EPSILON, NetworkConfig.DEFAULT_BN_MOMENTUM, 5));
        net.weights(1).assign(1.0);
        Hyperparameters hp = Hyperparameters.DEFAULTS.withOptimizer(OptimizerKind.SGD).withLearningRate(1e-300);
        int m = 1000;
        SplittableRandom r = new SplittableRandom(99);
        for (int step = 0; step < 300; step++) {
            double[] x = new double[m];
            int[] labels = new int[m];
            for (int i = 0; i < m; i++) {
                x[i] = 3 + 2 * r.nextGaussian();
                labels[i] = r.nextInt(2);
            }
            net.trainStep(Nd4j.create(x, new long[] {m, 1}, DataType.DOUBLE), labels, hp, 0);
        }
        assertThat(net.weights(1).getDouble(0, 0)).as("W1 did not move").isEqualTo(1.0);
        double rm = net.runningMean(1).getDouble(0);
        double rv = net.runningVar(1).getDouble(0);
        System.out.printf("running mean %.5f (true 3), running variance %.5f (true 4, biased batch 3.996)%n", rm, rv);
        assertThat(rm).isCloseTo(3.0, within(0.08));
        assertThat(rv).isCloseTo(4.0 * (m - 1) / m, within(0.21));
    }

    /**
     * One step on the batch z = x = (1, 2, 4): μ = 7/3, biased σ² = 14/9, unbiased σ² = 7/3. From
     * μ_run = 0, σ²_run = 1 and momentum 0.9 (PyTorch's momentum 0.1): μ_run = 0.1·7/3, σ²_run =
     * 0.9 + 0.1·14/9 under the biased convention and 0.9 + 0.1·7/3 under PyTorch's unbiased one.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(RunningVariance.class)
    void theRunningVarianceAveragesTheChosenBatchVariance(RunningVariance convention) {
        Network net = new Network(new NetworkConfig(1, List.of(new LayerSpec(1, Activation.RELU, true)), 2,
                Precision.FLOAT64, NetworkConfig.DEFAULT_BN_EPSILON, 0.9, 5, convention));
        net.weights(1).assign(1.0);
        Hyperparameters hp = Hyperparameters.DEFAULTS.withOptimizer(OptimizerKind.SGD).withLearningRate(1e-300);
        net.trainStep(Nd4j.create(new double[] {1, 2, 4}, new long[] {3, 1}, DataType.DOUBLE), new int[] {0, 1, 0},
                hp, 0);
        double expected = convention == RunningVariance.BIASED ? 0.9 + 0.1 * 14.0 / 9 : 0.9 + 0.1 * 7.0 / 3;
        assertThat(net.runningMean(1).getDouble(0)).isCloseTo(0.1 * 7.0 / 3, within(1e-15));
        assertThat(net.runningVar(1).getDouble(0)).isCloseTo(expected, within(1e-15));
        assertThat(net.batchVar(1).getDouble(0)).as("training mode still normalises with the biased σ²")
                .isCloseTo(14.0 / 9, within(1e-15));
    }

    /** Max |a − b| over two arrays of the same shape. */
    static double maxAbsDiff(INDArray a, INDArray b) {
        assertThat(a.shape()).isEqualTo(b.shape());
        return a.sub(b).amaxNumber().doubleValue();
    }
}
