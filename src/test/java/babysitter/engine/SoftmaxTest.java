package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The softmax output layer and its cross-entropy, course notes §6. */
class SoftmaxTest {

    /** Softmax regression (no hidden layer), float64. */
    private static Network softmaxRegression(int inputs, int classes) {
        return softmaxRegression(inputs, classes, Precision.FLOAT64);
    }

    private static Network softmaxRegression(int inputs, int classes, Precision p) {
        return new Network(new NetworkConfig(inputs, List.of(), classes, p,
                NetworkConfig.DEFAULT_BN_EPSILON, NetworkConfig.DEFAULT_BN_MOMENTUM, 4));
    }

    /** W = I and b = 0: the logits equal the inputs. */
    private static Network identityLogits(Precision p) {
        Network net = softmaxRegression(3, 3, p);
        net.weights(1).assign(Nd4j.eye(3));
        return net;
    }

    /** Logits of ±1000, one row per case: a clear winner, a tie of two, all three very negative. */
    private static INDArray hugeLogits(Precision p) {
        return Nd4j.create(new double[][] {{1000, -1000, 0}, {-1000, 1000, 1000}, {-1000, -1000, -1000}})
                .castTo(p.dataType());
    }

    private static void assertHugeLogitProbabilities(Precision p) {
        Network net = identityLogits(p);
        double[][] probs = net.predict(hugeLogits(p), Network.Mode.INFERENCE).toDoubleMatrix();
        double tol = p == Precision.FLOAT64 ? 1e-15 : 1e-7;
        for (int i = 0; i < probs.length; i++) {
            double sum = 0;
            for (double v : probs[i]) {
                assertThat(v).as("probability in row %d: %s", i, java.util.Arrays.toString(probs[i]))
                        .isFinite().isBetween(0.0, 1.0);
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, within(tol));
        }
        assertThat(probs[0][0]).isCloseTo(1.0, within(tol));
        assertThat(probs[1][1]).isCloseTo(0.5, within(tol));
        assertThat(probs[1][2]).isCloseTo(0.5, within(tol));
        assertThat(probs[2][0]).isCloseTo(1.0 / 3, within(tol));
    }

    private static void assertHugeLogitCosts(Precision p) {
        Network net = identityLogits(p);
        INDArray x = hugeLogits(p);
        double tol = p == Precision.FLOAT64 ? 1e-12 : 1e-4;
        // right labels: losses 0, log 2, log 3
        double right = net.cost(x, new int[] {0, 1, 2}, Network.Mode.INFERENCE, 0);
        assertThat(right).isCloseTo((Math.log(2) + Math.log(3)) / 3, within(tol));
        // a confidently wrong example 0 (logit 1000 for class 0, −1000 for class 1): its loss is
        // −log ŷ_1 = 2000 by log-softmax (z − max − log Σ exp(z − max)), not ∞ = −log(0)
        double wrong = net.cost(x, new int[] {1, 1, 2}, Network.Mode.INFERENCE, 0);
        assertThat(wrong).isFinite().isCloseTo((2000 + Math.log(2) + Math.log(3)) / 3, within(tol * 2000));
        net.computeGradients(x, new int[] {1, 1, 2}, 0);
        assertThat(java.util.Arrays.stream(net.gradients().toDoubleVector()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void hugeLogitsGiveFiniteProbabilitiesFloat32() {
        assertHugeLogitProbabilities(Precision.FLOAT32);
    }

    @Test
    void hugeLogitsGiveFiniteProbabilitiesFloat64() {
        assertHugeLogitProbabilities(Precision.FLOAT64);
    }

    @Test
    void hugeLogitsGiveAFiniteCostFloat32() {
        assertHugeLogitCosts(Precision.FLOAT32);
    }

    @Test
    void hugeLogitsGiveAFiniteCostFloat64() {
        assertHugeLogitCosts(Precision.FLOAT64);
    }

    @Test
    void aConfidentlyRightFloat32ExampleHasAFiniteCostAndIsTrainedOn() {
        // float32 is the default precision: a logit gap of 110 is reached by an ordinary confident
        // network. The loss of the right class is log(1 + e^−110) ≈ 0, the cost must be finite and
        // the training step must update the parameters.
        Network net = softmaxRegression(2, 2, Precision.FLOAT32);
        net.weights(1).assign(Nd4j.eye(2));
        INDArray x = Nd4j.create(new double[][] {{0, -110}, {0, -1}}).castTo(DataType.FLOAT);
        double expected = Math.log(1 + Math.exp(-1)) / 2;
        assertThat(net.cost(x, new int[] {0, 0}, Network.Mode.INFERENCE, 0)).isCloseTo(expected, within(1e-6));
        INDArray before = net.parameters().dup();
        double cost = net.trainStep(x, new int[] {0, 0}, Hyperparameters.DEFAULTS, 0);
        assertThat(cost).isCloseTo(expected, within(1e-6));
        assertThat(net.parameters()).isNotEqualTo(before);
    }

    @Test
    void outputGradientIsYHatMinusYOverM() {
        Network net = softmaxRegression(4, 3);
        for (int j = 0; j < 3; j++) {
            net.bias(1).putScalar(j, 0.3 * j - 0.2);
        }
        TestNets.Batch b = TestNets.randomBatch(7, 4, 3, DataType.DOUBLE, 12);
        int m = 7;
        double[][] yHat = net.predict(b.x(), Network.Mode.TRAIN).toDoubleMatrix();
        double[][] x = b.x().toDoubleMatrix();
        double[][] dz = new double[m][3];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < 3; j++) {
                dz[i][j] = (yHat[i][j] - (b.labels()[i] == j ? 1 : 0)) / m;
            }
        }
        // ŷ itself is the softmax of xW + b, computed here
        double[][] w = net.weights(1).toDoubleMatrix();
        double[] bias = net.bias(1).toDoubleVector();
        for (int i = 0; i < m; i++) {
            double[] z = new double[3];
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                z[j] = bias[j];
                for (int k = 0; k < 4; k++) {
                    z[j] += x[i][k] * w[k][j];
                }
                sum += Math.exp(z[j]);
            }
            for (int j = 0; j < 3; j++) {
                assertThat(yHat[i][j]).isCloseTo(Math.exp(z[j]) / sum, within(1e-14));
            }
        }

        net.computeGradients(b.x(), b.labels(), 0);
        double[][] gradW = net.gradW(1).toDoubleMatrix();
        double[] gradB = net.gradB(1).toDoubleVector();
        for (int j = 0; j < 3; j++) {
            double db = 0;
            for (int i = 0; i < m; i++) {
                db += dz[i][j];
            }
            assertThat(gradB[j]).as("db[%d]", j).isCloseTo(db, within(1e-14));
            for (int k = 0; k < 4; k++) {
                double dw = 0;
                for (int i = 0; i < m; i++) {
                    dw += x[i][k] * dz[i][j];
                }
                assertThat(gradW[k][j]).as("dW[%d][%d]", k, j).isCloseTo(dw, within(1e-14));
            }
        }
        // Σ_j dz_ij = 0 for every example, so the bias gradients sum to zero
        assertThat(gradB[0] + gradB[1] + gradB[2]).isCloseTo(0.0, within(1e-15));
        assertThat(Math.abs(gradB[0]) + Math.abs(gradB[1])).isGreaterThan(1e-3);
    }
}
