package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class GradientCheckTest {

    static Stream<Arguments> nets() {
        return Stream.of(Activation.values()).flatMap(a -> Stream.of(
                Arguments.of(a, true, 0.0), Arguments.of(a, false, 0.0), Arguments.of(a, true, 0.3)));
    }

    @ParameterizedTest(name = "{0}, batch norm {1}, λ {2}")
    @MethodSource("nets")
    void backwardPassMatchesCentralDifferences(Activation activation, boolean bn, double l2) {
        NetworkConfig config = TestNets.config(4, 3, Precision.FLOAT64, 11,
                new LayerSpec(5, activation, bn), new LayerSpec(4, activation, bn));
        Network net = new Network(config);
        TestNets.randomiseBatchNorm(net, 5);
        TestNets.Batch batch = TestNets.randomBatch(8, 4, 3, DataType.DOUBLE, 3);

        Map<String, Double> errors = GradientCheck.relativeErrors(net, batch.x(), batch.labels(), l2, 1e-6);

        // Every parameter of the net is checked: W1..W3, γ/β or b per hidden layer, b3.
        assertThat(errors).hasSize(bn ? 8 : 6).containsKeys("W1", "W2", "W3", "b3");
        if (bn) {
            assertThat(errors).containsKeys("gamma1", "beta1", "gamma2", "beta2").doesNotContainKey("b1");
        } else {
            assertThat(errors).containsKeys("b1", "b2").doesNotContainKey("gamma1");
        }
        assertThat(errors.values()).allSatisfy(e -> assertThat(e).isLessThan(1e-7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameterNames")
    void aWrongGradientIsCaught(String name) {
        // The check itself can fail: one parameter's gradient scaled by 1.01 is reported.
        Network net = new Network(TestNets.config(4, 3, Precision.FLOAT64, 11,
                new LayerSpec(5, Activation.TANH, true)));
        TestNets.Batch b = TestNets.randomBatch(8, 4, 3, DataType.DOUBLE, 3);
        net.computeGradients(b.x(), b.labels(), 0);
        INDArray wrong = net.gradients().dup();
        net.layout().view(wrong, net.layout().entries().stream()
                .filter(e -> e.name().equals(name)).findFirst().orElseThrow()).muli(1.01);

        Map<String, Double> errors = GradientCheck.compare(net, b.x(), b.labels(), 0, 1e-6, wrong);

        assertThat(errors.get(name)).isGreaterThan(1e-3);
        errors.forEach((other, e) -> {
            if (!other.equals(name)) {
                assertThat(e).as(other).isLessThan(1e-7);
            }
        });
    }

    static Stream<String> parameterNames() {
        return Stream.of("W1", "gamma1", "beta1", "W2", "b2");
    }
}
