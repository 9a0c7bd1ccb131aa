package babysitter.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.engine.Hyperparameters;
import babysitter.engine.LrDecay;
import babysitter.engine.Network;
import babysitter.engine.NetworkConfig;
import babysitter.engine.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The update rules of course notes §7, recomputed by hand in plain Java on softmax regression (no
 * hidden layer: 2 inputs, 2 classes, 2 examples, float64), whose gradient is also computed by hand:
 * dz = (ŷ − y)/m, dW = xᵀ dz, db = Σ_i dz.
 */
class OptimizerTest {

    private static final double TOL = 1e-12;
    private static final double[][] X = {{0.5, -1.2}, {1.5, 0.3}};
    private static final int[] LABELS = {1, 0};

    private static Network net() {
        Network net = new Network(new NetworkConfig(2, List.of(), 2, Precision.FLOAT64,
                NetworkConfig.DEFAULT_BN_EPSILON, NetworkConfig.DEFAULT_BN_MOMENTUM, 7));
        net.bias(1).putScalar(0, 0.2);
        net.bias(1).putScalar(1, -0.1);
        return net;
    }

    private static INDArray x() {
        return Nd4j.create(X).castTo(DataType.DOUBLE);
    }

    /** Gradient of the mean cross-entropy in the layout W[0][0], W[0][1], W[1][0], W[1][1], b0, b1. */
    static double[] handGradient(double[] p) {
        int m = X.length;
        double[] g = new double[6];
        for (int i = 0; i < m; i++) {
            double z0 = X[i][0] * p[0] + X[i][1] * p[2] + p[4];
            double z1 = X[i][0] * p[1] + X[i][1] * p[3] + p[5];
            double mx = Math.max(z0, z1);
            double e0 = Math.exp(z0 - mx);
            double e1 = Math.exp(z1 - mx);
            double[] dz = {e0 / (e0 + e1) - (LABELS[i] == 0 ? 1 : 0), e1 / (e0 + e1) - (LABELS[i] == 1 ? 1 : 0)};
            for (int j = 0; j < 2; j++) {
                dz[j] /= m;
                g[j] += X[i][0] * dz[j];
                g[2 + j] += X[i][1] * dz[j];
                g[4 + j] += dz[j];
            }
        }
        return g;
    }

    /** The notes' optimisers on plain doubles. */
    static final class HandOptimizer {
        final double[] v = new double[6];
        final double[] s = new double[6];
        int t;

        void step(OptimizerKind kind, double[] p, double[] g, Hyperparameters hp, double alpha) {
            t++;
            for (int k = 0; k < p.length; k++) {
                switch (kind) {
                    case SGD -> p[k] -= alpha * g[k];
                    case MOMENTUM -> {
                        v[k] = hp.momentum() * v[k] + (1 - hp.momentum()) * g[k];
                        p[k] -= alpha * v[k];
                    }
                    case RMSPROP -> {
                        s[k] = hp.beta2() * s[k] + (1 - hp.beta2()) * g[k] * g[k];
                        p[k] -= alpha * g[k] / (Math.sqrt(s[k]) + hp.epsilon());
                    }
                    case ADAM -> {
                        v[k] = hp.beta1() * v[k] + (1 - hp.beta1()) * g[k];
                        s[k] = hp.beta2() * s[k] + (1 - hp.beta2()) * g[k] * g[k];
                        double vHat = v[k] / (1 - Math.pow(hp.beta1(), t));
                        double sHat = s[k] / (1 - Math.pow(hp.beta2(), t));
                        p[k] -= alpha * vHat / (Math.sqrt(sHat) + hp.epsilon());
                    }
                }
            }
        }
    }

    private static void assertClose(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k]).as("%s[%d]", what, k).isCloseTo(expected[k], within(TOL));
        }
    }

    /** A step of the network, after checking that its gradient is the hand-computed one. */
    private static double[] engineStep(Network net, Hyperparameters hp, int epoch, double[] expectedBefore) {
        double[] p = net.parameters().toDoubleVector();
        assertClose(p, expectedBefore, "parameters before the step");
        net.computeGradients(x(), LABELS, 0);
        assertClose(net.gradients().toDoubleVector(), handGradient(p), "gradient");
        net.trainStep(x(), LABELS, hp, epoch);
        return net.parameters().toDoubleVector();
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void twoStepsFollowTheCourseNotes(OptimizerKind kind) {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withOptimizer(kind).withLearningRate(0.1)
                .withMomentum(0.8).withBetas(0.7, 0.95).withEpsilon(1e-3);
        Network net = net();
        double[] p = net.parameters().toDoubleVector();
        HandOptimizer hand = new HandOptimizer();
        double[] start = p.clone();
        for (int step = 1; step <= 2; step++) {
            double[] before = p.clone();
            hand.step(kind, p, handGradient(before), hp, 0.1);
            double[] got = engineStep(net, hp, 0, before);
            assertClose(got, p, kind + " step " + step);
            assertThat(net.optimizerState().t()).isEqualTo(step);
        }
        // the steps moved the parameters by more than the tolerance
        double moved = 0;
        for (int k = 0; k < p.length; k++) {
            moved = Math.max(moved, Math.abs(p[k] - start[k]));
        }
        assertThat(moved).isGreaterThan(1e-3);
        if (OptimizerState.usesV(kind)) {
            assertClose(net.optimizerState().v().toDoubleVector(), hand.v, "v");
        }
        if (OptimizerState.usesS(kind)) {
            assertClose(net.optimizerState().s().toDoubleVector(), hand.s, "s");
        }
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void float32NetworksFollowTheSameRulesInFloatArithmetic(OptimizerKind kind) {
        // The float32 update is its own loop: checked against the notes' rule computed in double
        // from the engine's own float32 gradient, to float precision.
        Hyperparameters hp = Hyperparameters.DEFAULTS.withOptimizer(kind).withLearningRate(0.1)
                .withMomentum(0.8).withBetas(0.7, 0.95).withEpsilon(1e-3);
        Network net = new Network(new NetworkConfig(2, List.of(), 2, Precision.FLOAT32,
                NetworkConfig.DEFAULT_BN_EPSILON, NetworkConfig.DEFAULT_BN_MOMENTUM, 7));
        INDArray x = Nd4j.create(X).castTo(DataType.FLOAT);
        HandOptimizer hand = new HandOptimizer();
        for (int step = 1; step <= 3; step++) {
            double[] p = net.parameters().toDoubleVector();
            net.computeGradients(x, LABELS, 0);
            double[] g = net.gradients().toDoubleVector();
            double[] before = p.clone();
            hand.step(kind, p, g, hp, 0.1);
            net.trainStep(x, LABELS, hp, 0);
            double[] got = net.parameters().toDoubleVector();
            for (int k = 0; k < p.length; k++) {
                assertThat(got[k]).as("%s step %d parameter %d", kind, step, k).isCloseTo(p[k], within(2e-6));
                assertThat(Math.abs(got[k] - before[k])).as("moved").isGreaterThan(1e-4);
            }
        }
        assertThat(net.parameters().dataType()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void decaySchedulesFollowTheNotes() {
        Hyperparameters inv = Hyperparameters.DEFAULTS.withLearningRate(0.2).withDecay(LrDecay.INVERSE_TIME, 0.5);
        Hyperparameters exp = Hyperparameters.DEFAULTS.withLearningRate(0.2).withDecay(LrDecay.EXPONENTIAL, 0.5);
        Hyperparameters none = Hyperparameters.DEFAULTS.withLearningRate(0.2);
        for (int e = 0; e < 6; e++) {
            assertThat(inv.learningRateAt(e)).isCloseTo(0.2 / (1 + 0.5 * e), within(1e-15));
            assertThat(exp.learningRateAt(e)).isCloseTo(0.2 * Math.pow(0.5, e), within(1e-15));
            assertThat(none.learningRateAt(e)).isEqualTo(0.2);
        }
        assertThat(inv.learningRateAt(3)).isCloseTo(0.08, within(1e-15));
        assertThat(exp.learningRateAt(2)).isCloseTo(0.05, within(1e-15));
    }

    @ParameterizedTest
    @EnumSource(value = LrDecay.class, names = {"INVERSE_TIME", "EXPONENTIAL", "INVERSE_SQRT", "STAIRCASE"})
    void trainingStepsUseTheDecayedRateOfTheirEpoch(LrDecay decay) {
        for (OptimizerKind kind : List.of(OptimizerKind.SGD, OptimizerKind.ADAM)) {
            Hyperparameters hp = Hyperparameters.DEFAULTS.withOptimizer(kind).withLearningRate(0.2)
                    .withDecay(decay, 0.5, 2);
            Network net = net();
            double[] p = net.parameters().toDoubleVector();
            HandOptimizer hand = new HandOptimizer();
            int[] epochs = {0, 3};
            for (int epoch : epochs) {
                double alpha = switch (decay) {
                    case INVERSE_TIME -> 0.2 / (1 + 0.5 * epoch);
                    case EXPONENTIAL -> Math.pow(0.5, epoch) * 0.2;
                    case INVERSE_SQRT -> 0.5 * 0.2 / Math.sqrt(epoch + 1);
                    case STAIRCASE -> epoch < 2 ? 0.2 : 0.2 * 0.5; // stairs of 2 epochs
                    default -> throw new IllegalStateException();
                };
                double[] before = p.clone();
                hand.step(kind, p, handGradient(before), hp, alpha);
                assertClose(engineStep(net, hp, epoch, before), p, kind + " " + decay + " epoch " + epoch);
            }
            // and the undecayed rate would have given another result
            HandOptimizer plain = new HandOptimizer();
            double[] q = net().parameters().toDoubleVector();
            for (int i = 0; i < 2; i++) {
                plain.step(kind, q, handGradient(q.clone()), hp, 0.2);
            }
            double diff = 0;
            for (int k = 0; k < q.length; k++) {
                diff = Math.max(diff, Math.abs(q[k] - p[k]));
            }
            assertThat(diff).isGreaterThan(1e-4);
        }
    }

    @Test
    void switchingTheOptimizerResetsVSAndT() {
        Hyperparameters momentum = Hyperparameters.DEFAULTS.withOptimizer(OptimizerKind.MOMENTUM).withLearningRate(0.1);
        Hyperparameters adam = momentum.withOptimizer(OptimizerKind.ADAM);
        Hyperparameters rms = momentum.withOptimizer(OptimizerKind.RMSPROP);
        Network net = net();
        double[] p = net.parameters().toDoubleVector();

        HandOptimizer hand = new HandOptimizer();
        for (int i = 0; i < 2; i++) {
            double[] before = p.clone();
            hand.step(OptimizerKind.MOMENTUM, p, handGradient(before), momentum, 0.1);
            assertClose(engineStep(net, momentum, 0, before), p, "momentum");
        }
        assertThat(net.optimizerState().t()).isEqualTo(2);
        assertThat(net.optimizerState().kind()).isEqualTo(OptimizerKind.MOMENTUM);

        // Adam after momentum starts from v = s = 0, t = 0: its first step is α·g/(|g| + ε)
        hand = new HandOptimizer();
        double[] before = p.clone();
        double[] g = handGradient(before);
        hand.step(OptimizerKind.ADAM, p, g, adam, 0.1);
        assertClose(engineStep(net, adam, 0, before), p, "adam after momentum");
        for (int k = 0; k < 6; k++) {
            assertThat(before[k] - p[k]).isCloseTo(0.1 * g[k] / (Math.abs(g[k]) + 1e-8), within(TOL));
        }
        assertThat(net.optimizerState().kind()).isEqualTo(OptimizerKind.ADAM);
        assertThat(net.optimizerState().t()).isEqualTo(1);
        assertClose(net.optimizerState().v().toDoubleVector(), hand.v, "v after the switch");
        assertClose(net.optimizerState().s().toDoubleVector(), hand.s, "s after the switch");

        // staying with Adam keeps the state: t = 2 and the hand optimiser continues
        before = p.clone();
        hand.step(OptimizerKind.ADAM, p, handGradient(before), adam, 0.1);
        assertClose(engineStep(net, adam, 0, before), p, "second adam step");
        assertThat(net.optimizerState().t()).isEqualTo(2);

        // RMSprop after Adam: s restarts from 0
        hand = new HandOptimizer();
        before = p.clone();
        hand.step(OptimizerKind.RMSPROP, p, handGradient(before), rms, 0.1);
        assertClose(engineStep(net, rms, 0, before), p, "rmsprop after adam");
        assertThat(net.optimizerState().t()).isEqualTo(1);
        assertClose(net.optimizerState().s().toDoubleVector(), hand.s, "s after the second switch");
        assertThat(net.optimizerState().v().toDoubleVector()).containsOnly(0.0);
    }
}
