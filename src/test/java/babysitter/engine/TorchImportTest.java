package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fixtures under src/test/resources/torch were made by make_fixtures.py there with PyTorch:
 * a float64 Sequential(Linear(4, 6, bias=False), BatchNorm1d(6), ReLU(), Linear(6, 5), ReLU(),
 * Linear(5, 3)) after 20 training steps, and its eval-mode probabilities of 8 inputs.
 */
class TorchImportTest {

    static Path resource(String name) throws Exception {
        return Path.of(TorchImportTest.class.getResource("/torch/" + name).toURI());
    }

    static double maxAbsDiff(INDArray a, INDArray b) {
        assertThat(a.shape()).isEqualTo(b.shape());
        return a.sub(b).amaxNumber().doubleValue();
    }

    @Test
    void theImportedNetworkGivesPyTorchsInferenceProbabilities() throws Exception {
        Network net = TorchImport.read(resource("bn-mlp"), Activation.RELU, 1e-5, 0.9);
        NetworkConfig c = net.config();
        assertThat(c.precision()).isEqualTo(Precision.FLOAT64);
        assertThat(c.inputSize()).isEqualTo(4);
        assertThat(c.hidden()).containsExactly(new LayerSpec(6, Activation.RELU, true),
                new LayerSpec(5, Activation.RELU, false));
        assertThat(c.classes()).isEqualTo(3);
        assertThat(c.bnRunningVariance()).isEqualTo(RunningVariance.UNBIASED);
        // PyTorch's [out, in] weight is the engine's [in, out] W transposed
        INDArray torchW = NpyFile.read(resource("bn-mlp").resolve("0.weight.npy"));
        assertThat(net.weights(1).shape()).containsExactly(4, 6);
        assertThat(net.weights(1).getDouble(3, 1)).isEqualTo(torchW.getDouble(1, 3));
        assertThat(net.runningVar(1).getDouble(2))
                .isEqualTo(NpyFile.read(resource("bn-mlp").resolve("1.running_var.npy")).getDouble(2));

        INDArray x = NpyFile.read(resource("bn-mlp-check").resolve("x.npy"));
        INDArray expected = NpyFile.read(resource("bn-mlp-check").resolve("probs.npy"));
        assertThat(x.dataType()).isEqualTo(DataType.DOUBLE);
        INDArray probs = net.predict(x, Network.Mode.INFERENCE);
        double diff = maxAbsDiff(probs, expected);
        System.out.printf("import-torch: max |p - p_torch| = %.3g over %d probabilities%n", diff, probs.length());
        assertThat(diff).isLessThanOrEqualTo(1e-12);
        // the check can fail: without the imported running statistics the probabilities differ
        net.runningMean(1).assign(0);
        net.runningVar(1).assign(1);
        assertThat(maxAbsDiff(net.predict(x, Network.Mode.INFERENCE), expected)).isGreaterThan(1e-6);
    }

    @Test
    void theSavedFolderLoadsBackToTheSameProbabilitiesAndKeepsTheConvention(@TempDir Path tmp) throws Exception {
        Network net = TorchImport.read(resource("bn-mlp"), Activation.RELU, 1e-5, 0.9);
        NetworkFiles.save(net, tmp);
        Network back = NetworkFiles.load(tmp);
        assertThat(back.config().bnRunningVariance()).isEqualTo(RunningVariance.UNBIASED);
        INDArray x = NpyFile.read(resource("bn-mlp-check").resolve("x.npy"));
        INDArray expected = NpyFile.read(resource("bn-mlp-check").resolve("probs.npy"));
        assertThat(maxAbsDiff(back.predict(x, Network.Mode.INFERENCE), expected)).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void aLinearLayerWithABiasBeforeBatchNormIsRefusedByName(@TempDir Path tmp) throws Exception {
        copy(resource("bn-mlp"), tmp);
        NpyFile.write(tmp.resolve("0.bias.npy"), Nd4j.zeros(DataType.DOUBLE, 6));
        assertThatThrownBy(() -> TorchImport.read(tmp, Activation.RELU, 1e-5, 0.9)).isInstanceOf(IOException.class)
                .hasMessageContaining("0.bias.npy").hasMessageContaining("bias=False");
    }

    @Test
    void aMissingRunningVarianceAndAForeignFileAreNamed(@TempDir Path tmp) throws Exception {
        copy(resource("bn-mlp"), tmp);
        Files.delete(tmp.resolve("1.running_var.npy"));
        assertThatThrownBy(() -> TorchImport.read(tmp, Activation.RELU, 1e-5, 0.9)).isInstanceOf(IOException.class)
                .hasMessageContaining("1.running_var.npy").hasMessageContaining("missing");
        copy(resource("bn-mlp"), tmp);
        NpyFile.write(tmp.resolve("extra.npy"), Nd4j.zeros(DataType.DOUBLE, 2));
        assertThatThrownBy(() -> TorchImport.read(tmp, Activation.RELU, 1e-5, 0.9)).isInstanceOf(IOException.class)
                .hasMessageContaining("extra.npy");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
