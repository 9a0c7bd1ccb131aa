package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.engine.optim.OptimizerKind;
import babysitter.engine.optim.OptimizerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NetworkFilesTest {

    @TempDir
    Path tmp;

    private static NetworkConfig config(Precision p) {
        return NetworkConfig.of(4, List.of(new LayerSpec(5, Activation.RELU, true),
                new LayerSpec(3, Activation.TANH, false)), 3, 42).withPrecision(p);
    }

    private static Network trained(Precision p, OptimizerKind kind, int steps, long dataSeed) {
        Network net = new Network(config(p), kind);
        Hyperparameters hp = Hyperparameters.DEFAULTS.withOptimizer(kind).withLearningRate(0.05);
        for (int i = 0; i < steps; i++) {
            TestNets.Batch b = TestNets.randomBatch(8, 4, 3, p.dataType(), dataSeed + i);
            net.trainStep(b.x(), b.labels(), hp, 0);
        }
        return net;
    }

    /** The exact values of an array (every float is exactly a double), for bit-for-bit comparison. */
    static double[] values(INDArray a) {
        return a.dup('c').data().asDouble();
    }

    static void assertSameBits(INDArray actual, INDArray expected, String what) {
        assertThat(actual.dataType()).as(what).isEqualTo(expected.dataType());
        assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
        double[] a = values(actual);
        double[] e = values(expected);
        for (int i = 0; i < e.length; i++) {
            assertThat(Double.doubleToRawLongBits(a[i])).as("%s[%d]: %s vs %s", what, i, a[i], e[i])
                    .isEqualTo(Double.doubleToRawLongBits(e[i]));
        }
    }

    static void assertSameState(Network actual, Network expected) {
        assertThat(actual.config()).isEqualTo(expected.config());
        assertThat(actual.steps()).isEqualTo(expected.steps());
        assertSameBits(actual.parameters(), expected.parameters(), "parameters");
        for (int l = 1; l <= expected.depth(); l++) {
            if (expected.config().batchNorm(l)) {
                assertSameBits(actual.runningMean(l), expected.runningMean(l), "running_mean" + l);
                assertSameBits(actual.runningVar(l), expected.runningVar(l), "running_var" + l);
            }
        }
        OptimizerState a = actual.optimizerState();
        OptimizerState e = expected.optimizerState();
        assertThat(a.kind()).isEqualTo(e.kind());
        assertThat(a.t()).isEqualTo(e.t());
        assertSameBits(a.v(), e.v(), "v");
        assertSameBits(a.s(), e.s(), "s");
    }

    static Stream<Arguments> precisionsAndOptimizers() {
        return Stream.of(Precision.values()).flatMap(p -> Stream.of(OptimizerKind.values())
                .map(k -> Arguments.of(p, k)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("precisionsAndOptimizers")
    void saveThenLoadGivesTheSameNetworkAndTheSameNextStep(Precision p, OptimizerKind kind) throws IOException {
        Network net = trained(p, kind, 3, 100);
        // The state saved is not trivial: running statistics and optimiser state have moved from their start.
        assertThat(values(net.runningMean(1))).isNotEqualTo(new double[5]);
        if (OptimizerState.usesV(kind)) {
            assertThat(net.optimizerState().v().norm2Number().doubleValue()).isPositive();
        }
        if (OptimizerState.usesS(kind)) {
            assertThat(net.optimizerState().s().norm2Number().doubleValue()).isPositive();
        }

        Path dir = tmp.resolve("net");
        NetworkFiles.save(net, dir);

        assertThat(dir.resolve("W1.npy")).exists();
        assertThat(dir.resolve("gamma1.npy")).exists();
        assertThat(dir.resolve("beta1.npy")).exists();
        assertThat(dir.resolve("running_mean1.npy")).exists();
        assertThat(dir.resolve("running_var1.npy")).exists();
        assertThat(dir.resolve("b1.npy")).doesNotExist();
        assertThat(dir.resolve("b2.npy")).exists();
        assertThat(dir.resolve("running_mean2.npy")).doesNotExist();
        assertThat(dir.resolve("b3.npy")).exists();
        assertThat(dir.resolve("v_gamma1.npy").toFile().exists()).isEqualTo(OptimizerState.usesV(kind));
        assertThat(dir.resolve("v_W3.npy").toFile().exists()).isEqualTo(OptimizerState.usesV(kind));
        assertThat(dir.resolve("s_b2.npy").toFile().exists()).isEqualTo(OptimizerState.usesS(kind));
        assertThat(NpyFile.read(dir.resolve("W2.npy")).dataType()).isEqualTo(p.dataType());
        assertThat(NpyFile.read(dir.resolve("W2.npy")).shape()).containsExactly(5, 3);
        assertSameBits(NpyFile.read(dir.resolve("W2.npy")), net.weights(2), "W2.npy");

        Network loaded = NetworkFiles.load(dir);
        assertSameState(loaded, net);

        Hyperparameters hp = Hyperparameters.DEFAULTS.withOptimizer(kind).withLearningRate(0.05);
        TestNets.Batch b = TestNets.randomBatch(8, 4, 3, p.dataType(), 999);
        double costOriginal = net.trainStep(b.x(), b.labels(), hp, 0);
        double costLoaded = loaded.trainStep(b.x(), b.labels(), hp, 0);
        assertThat(Double.doubleToRawLongBits(costLoaded)).isEqualTo(Double.doubleToRawLongBits(costOriginal));
        assertSameState(loaded, net);
    }

    @Test
    void stateJsonHoldsTheConfigurationAndCounters() throws IOException {
        Network net = trained(Precision.FLOAT32, OptimizerKind.ADAM, 2, 7);
        NetworkFiles.save(net, tmp);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tmp.resolve("state.json").toFile());
        assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(json.get("steps").asLong()).isEqualTo(2);
        assertThat(json.get("optimizer").get("kind").asText()).isEqualTo("ADAM");
        assertThat(json.get("optimizer").get("t").asLong()).isEqualTo(2);
        assertThat(json.get("precision").asText()).isEqualTo("FLOAT32");
        assertThat(json.get("layerSizes").toString()).isEqualTo("[4,5,3,3]");
        assertThat(json.get("activations").toString()).isEqualTo("[\"RELU\",\"TANH\"]");
        assertThat(json.get("batchNorm").toString()).isEqualTo("[true,false]");
        assertThat(json.get("bnEpsilon").asDouble()).isEqualTo(1e-5);
        assertThat(json.get("bnMomentum").asDouble()).isEqualTo(0.9);
        assertThat(json.get("seed").asLong()).isEqualTo(42);
        assertThat(json.get("bnRunningVariance").asText()).isEqualTo("BIASED");
    }

    @Test
    void theRunningVarianceConventionIsSavedAndMustMatchOnLoadInto() throws IOException {
        NetworkConfig c = config(Precision.FLOAT64);
        NetworkConfig unbiased = new NetworkConfig(c.inputSize(), c.hidden(), c.classes(), c.precision(),
                c.bnEpsilon(), c.bnMomentum(), c.seed(), RunningVariance.UNBIASED);
        Network net = new Network(unbiased, OptimizerKind.SGD);
        NetworkFiles.save(net, tmp);
        assertThat(NetworkFiles.load(tmp).config().bnRunningVariance()).isEqualTo(RunningVariance.UNBIASED);
        Network biased = new Network(c, OptimizerKind.SGD);
        assertThatThrownBy(() -> NetworkFiles.loadInto(biased, tmp)).isInstanceOf(IOException.class)
                .hasMessageContaining("state.json").hasMessageContaining("unbiased")
                .hasMessageContaining("network.bnRunningVariance");
        // a folder written before the key existed kept the biased variance
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(tmp.resolve("state.json").toFile());
        json.remove("bnRunningVariance");
        java.nio.file.Files.writeString(tmp.resolve("state.json"), json.toString());
        assertThat(NetworkFiles.load(tmp).config().bnRunningVariance()).isEqualTo(RunningVariance.BIASED);
    }

    @Test
    void aFileOfTheOtherPrecisionIsConverted() throws IOException {
        Network net = trained(Precision.FLOAT32, OptimizerKind.ADAM, 2, 7);
        NetworkFiles.save(net, tmp);
        NpyFile.write(tmp.resolve("W1.npy"), net.weights(1).castTo(DataType.DOUBLE));
        NpyFile.write(tmp.resolve("v_W1.npy"), Nd4j.ones(DataType.DOUBLE, 4, 5).muli(0.25));

        Network loaded = NetworkFiles.load(tmp);
        assertThat(loaded.parameters().dataType()).isEqualTo(DataType.FLOAT);
        assertSameBits(loaded.weights(1), net.weights(1), "W1");
        assertThat(values(loaded.layout().view(loaded.optimizerState().v(), ParameterLayout.Kind.W, 1)))
                .containsOnly(0.25);
    }

    @Test
    void savingAgainWithAnotherOptimiserRemovesTheOldOptimiserFiles() throws IOException {
        Network net = trained(Precision.FLOAT32, OptimizerKind.ADAM, 2, 7);
        NetworkFiles.save(net, tmp);
        assertThat(tmp.resolve("v_W1.npy")).exists();
        assertThat(tmp.resolve("s_W1.npy")).exists();
        TestNets.Batch b = TestNets.randomBatch(8, 4, 3, DataType.FLOAT, 1);
        net.trainStep(b.x(), b.labels(), Hyperparameters.DEFAULTS.withOptimizer(OptimizerKind.MOMENTUM), 0);
        NetworkFiles.save(net, tmp);
        assertThat(tmp.resolve("v_W1.npy")).exists();
        assertThat(tmp.resolve("s_W1.npy")).doesNotExist();
        assertThat(tmp.resolve("s_b3.npy")).doesNotExist();
        assertSameState(NetworkFiles.load(tmp), net);
    }

    // ------------------------------------------------------------------ broken folders

    private Path savedFolder() throws IOException {
        Path dir = tmp.resolve("saved");
        NetworkFiles.save(trained(Precision.FLOAT32, OptimizerKind.ADAM, 2, 7), dir);
        return dir;
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Path dir = savedFolder();
        Files.delete(dir.resolve("gamma1.npy"));
        assertThatThrownBy(() -> NetworkFiles.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("gamma1.npy is required but missing");
        Files.delete(dir.resolve("state.json"));
        assertThatThrownBy(() -> NetworkFiles.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("state.json is required but missing");
    }

    @Test
    void aMissingOptimiserFileIsNamed() throws IOException {
        Path dir = savedFolder();
        Files.delete(dir.resolve("s_b3.npy"));
        assertThatThrownBy(() -> NetworkFiles.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("s_b3.npy is required but missing");
    }

    @Test
    void aWrongShapeIsNamedWithBothShapes() throws IOException {
        Path dir = savedFolder();
        NpyFile.write(dir.resolve("W1.npy"), Nd4j.zeros(DataType.FLOAT, 5, 4));
        assertThatThrownBy(() -> NetworkFiles.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("W1.npy")
                .hasMessageContaining("expected [4, 5], found [5, 4]");
        NpyFile.write(dir.resolve("W1.npy"), Nd4j.zeros(DataType.FLOAT, 4, 5));
        NpyFile.write(dir.resolve("running_var1.npy"), Nd4j.zeros(DataType.FLOAT, 1, 5));
        assertThatThrownBy(() -> NetworkFiles.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("running_var1.npy")
                .hasMessageContaining("expected [5], found [1, 5]");
    }

    @Test
    void truncatedAndNonNpyFilesAreNamed() throws IOException {
        Path dir = savedFolder();
        byte[] bytes = Files.readAllBytes(dir.resolve("b2.npy"));
        Files.write(dir.resolve("b2.npy"), Arrays.copyOf(bytes, bytes.length - 4));
        assertThatThrownBy(() -> NetworkFiles.load(dir)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("b2.npy")
                .hasMessageContaining("truncated data: expected 12 bytes of data, found 8");
        Files.write(dir.resolve("b2.npy"), bytes);
        Files.writeString(dir.resolve("v_beta1.npy"), "hello");
        assertThatThrownBy(() -> NetworkFiles.load(dir)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("v_beta1.npy")
                .hasMessageContaining("not an .npy file");
    }

    @Test
    void badStateJsonNamesTheKey() throws IOException {
        Path dir = savedFolder();
        Path json = dir.resolve("state.json");
        String good = Files.readString(json);

        Files.writeString(json, good.replaceAll("\"bnMomentum\"\\s*:\\s*[0-9.]+,", ""));
        assertThatThrownBy(() -> NetworkFiles.load(dir)).hasMessageContaining("key 'bnMomentum' is missing");

        Files.writeString(json, good.replace("\"FLOAT32\"", "\"FLOAT16\""));
        assertThatThrownBy(() -> NetworkFiles.load(dir)).hasMessageContaining("'precision' must be one of")
                .hasMessageContaining("FLOAT16");

        Files.writeString(json, good.replace("\"ADAM\"", "\"NADAM\""));
        assertThatThrownBy(() -> NetworkFiles.load(dir)).hasMessageContaining("'optimizer.kind'");

        Files.writeString(json, good.replace("\"TANH\"", "3"));
        assertThatThrownBy(() -> NetworkFiles.load(dir)).hasMessageContaining("'activations[1]'");

        Files.writeString(json, good.replace("\"steps\" : 2", "\"steps\" : -1"));
        assertThatThrownBy(() -> NetworkFiles.load(dir)).hasMessageContaining("'steps' must be in [0,");

        Files.writeString(json, good.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
        assertThatThrownBy(() -> NetworkFiles.load(dir)).hasMessageContaining("'formatVersion' is 2");

        Files.writeString(json, good.replace("[ true, false ]", "[ true ]"));
        assertThatThrownBy(() -> NetworkFiles.load(dir)).hasMessageContaining("'batchNorm' has 1 entries");

        Files.writeString(json, good.substring(0, good.length() / 2));
        assertThatThrownBy(() -> NetworkFiles.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("state.json: not valid JSON");

        Files.writeString(json, good);
        assertThat(NetworkFiles.load(dir).steps()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ loadInto (rewind)

    @Test
    void loadIntoRewindsANetworkToTheSavedState() throws IOException {
        Network net = trained(Precision.FLOAT32, OptimizerKind.ADAM, 3, 100);
        Path dir = tmp.resolve("at3");
        NetworkFiles.save(net, dir);
        Network reference = NetworkFiles.load(dir);

        Hyperparameters momentum = Hyperparameters.DEFAULTS.withOptimizer(OptimizerKind.MOMENTUM);
        TestNets.Batch b = TestNets.randomBatch(8, 4, 3, DataType.FLOAT, 5);
        net.trainStep(b.x(), b.labels(), momentum, 0);
        net.trainStep(b.x(), b.labels(), momentum, 0);
        assertThat(net.steps()).isEqualTo(5);
        assertThat(net.optimizerState().kind()).isEqualTo(OptimizerKind.MOMENTUM);

        NetworkFiles.loadInto(net, dir);
        assertSameState(net, reference);
        assertThat(net.optimizerState().kind()).isEqualTo(OptimizerKind.ADAM);
        assertThat(net.steps()).isEqualTo(3);
    }

    @Test
    void loadIntoLeavesTheNetworkUnchangedWhenAFileIsBad() throws IOException {
        Path dir = savedFolder();
        Network net = trained(Precision.FLOAT32, OptimizerKind.MOMENTUM, 4, 300);
        Network copy = trained(Precision.FLOAT32, OptimizerKind.MOMENTUM, 4, 300);
        assertSameState(net, copy);

        // The last file read is bad: everything before it was read but must not have been applied.
        Files.delete(dir.resolve("running_var1.npy"));
        assertThatThrownBy(() -> NetworkFiles.loadInto(net, dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("running_var1.npy is required");
        assertSameState(net, copy);
    }

    @Test
    void loadIntoRejectsAnotherArchitecture() throws IOException {
        Path dir = savedFolder();
        Network otherActivation = new Network(NetworkConfig.of(4, List.of(new LayerSpec(5, Activation.SIGMOID, true),
                new LayerSpec(3, Activation.TANH, false)), 3, 42));
        assertThatThrownBy(() -> NetworkFiles.loadInto(otherActivation, dir))
                .hasMessageContaining("activation of layer 1 is RELU but the network's is SIGMOID");
        Network otherBn = new Network(NetworkConfig.of(4, List.of(new LayerSpec(5, Activation.RELU, false),
                new LayerSpec(3, Activation.TANH, false)), 3, 42));
        assertThatThrownBy(() -> NetworkFiles.loadInto(otherBn, dir))
                .hasMessageContaining("batch norm of layer 1 is true but the network's is false");
        Network otherSizes = new Network(NetworkConfig.of(4, List.of(new LayerSpec(6, Activation.RELU, true),
                new LayerSpec(3, Activation.TANH, false)), 3, 42));
        assertThatThrownBy(() -> NetworkFiles.loadInto(otherSizes, dir))
                .hasMessageContaining("layer sizes [4, 5, 3, 3] do not match the network's [4, 6, 3, 3]");
    }
}
