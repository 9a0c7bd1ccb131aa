package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Bad values are rejected with a message naming the value and the rule; nothing changes. */
class BadInputTest {

    private static final Hyperparameters HP = Hyperparameters.DEFAULTS;

    @Test
    void layerSizeZero() {
        assertThatThrownBy(() -> new LayerSpec(0, Activation.RELU, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer size").hasMessageContaining("at least 1").hasMessageContaining("got 0");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void learningRate(double alpha) {
        assertThatThrownBy(() -> HP.withLearningRate(alpha))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learning rate").hasMessageContaining("> 0")
                .hasMessageContaining("got " + alpha);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, -0.1})
    void momentum(double beta) {
        assertThatThrownBy(() -> HP.withMomentum(beta))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("momentum").hasMessageContaining("[0, 1)").hasMessageContaining("got " + beta);
    }

    @Test
    void adamBetasOfOne() {
        assertThatThrownBy(() -> HP.withBetas(1.0, 0.999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("β1").hasMessageContaining("[0, 1)").hasMessageContaining("got 1.0");
        assertThatThrownBy(() -> HP.withBetas(0.9, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("β2").hasMessageContaining("[0, 1)").hasMessageContaining("got 1.0");
    }

    @Test
    void epsilonZero() {
        assertThatThrownBy(() -> HP.withEpsilon(0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ε").hasMessageContaining("> 0").hasMessageContaining("got 0.0");
    }

    @Test
    void batchSizeZero() {
        assertThatThrownBy(() -> HP.withBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mini-batch size").hasMessageContaining("at least 1").hasMessageContaining("got 0");
    }

    /** A BN network, its parameters, running statistics and step counts before a rejected step. */
    private static final class Fixture {
        final Network net = new Network(TestNets.config(4, 3, Precision.FLOAT64, 9,
                new LayerSpec(5, Activation.RELU, true)));
        final TestNets.Batch batch = TestNets.randomBatch(6, 4, 3, DataType.DOUBLE, 4);

        Fixture() {
            // one good step first, so that the optimiser state and running statistics are not zero
            net.trainStep(batch.x(), batch.labels(), HP, 0);
        }

        void assertRejectedStepChangesNothing(INDArray x, int[] labels, String... messageParts) {
            INDArray p = net.parameters().dup();
            INDArray rm = net.runningMean(1).dup();
            INDArray rv = net.runningVar(1).dup();
            INDArray v = net.optimizerState().v().dup();
            long t = net.optimizerState().t();
            long steps = net.steps();
            var thrown = assertThatThrownBy(() -> net.trainStep(x, labels, HP, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            for (String part : messageParts) {
                thrown.hasMessageContaining(part);
            }
            assertThat(net.parameters()).isEqualTo(p);
            assertThat(net.runningMean(1)).isEqualTo(rm);
            assertThat(net.runningVar(1)).isEqualTo(rv);
            assertThat(net.optimizerState().v()).isEqualTo(v);
            assertThat(net.optimizerState().t()).isEqualTo(t);
            assertThat(net.steps()).isEqualTo(steps);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, -1})
    void labelOutsideTheClasses(int label) {
        Fixture f = new Fixture();
        int[] labels = f.batch.labels().clone();
        labels[4] = label;
        f.assertRejectedStepChangesNothing(f.batch.x(), labels, "label " + label, "example 4", "[0, 3)");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteInput(double bad) {
        Fixture f = new Fixture();
        INDArray x = f.batch.x().dup();
        x.putScalar(2, 3, bad);
        f.assertRejectedStepChangesNothing(x, f.batch.labels(), "row 2", "column 3", String.valueOf(bad), "finite");
    }

    @Test
    void wrongColumnCount() {
        Fixture f = new Fixture();
        INDArray x = TestNets.randomBatch(6, 5, 3, DataType.DOUBLE, 1).x();
        f.assertRejectedStepChangesNothing(x, f.batch.labels(), "4 columns", "[6, 5]");
    }

    @Test
    void labelCountDifferentFromRowCount() {
        Fixture f = new Fixture();
        f.assertRejectedStepChangesNothing(f.batch.x(), new int[] {0, 1, 2}, "6 input rows", "3 labels");
    }

    @Test
    void theFixtureDetectsAChange() {
        // the "nothing changed" check can fail: a good step does change the parameters
        Fixture f = new Fixture();
        INDArray p = f.net.parameters().dup();
        f.net.trainStep(f.batch.x(), f.batch.labels(), HP, 0);
        assertThat(f.net.parameters()).isNotEqualTo(p);
    }
}
