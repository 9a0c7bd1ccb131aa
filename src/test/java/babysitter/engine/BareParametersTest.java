package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Starting a network from a folder of bare .npy files (no state.json), as NumPy would write it. */
class BareParametersTest {

    private static NetworkConfig config() {
        return NetworkConfig.of(3, List.of(new LayerSpec(4, Activation.RELU, true)), 2, 1);
    }

    @Test
    void bareFilesSetTheParametersAndLeaveTheRestAlone(@TempDir Path dir) throws IOException {
        NpyFile.write(dir.resolve("W1.npy"), Nd4j.arange(1, 13).castTo(DataType.FLOAT).reshape(3, 4));
        NpyFile.write(dir.resolve("gamma1.npy"), Nd4j.valueArrayOf(new long[] {4}, 2.0f));
        NpyFile.write(dir.resolve("beta1.npy"), Nd4j.valueArrayOf(new long[] {4}, -1.0f));
        NpyFile.write(dir.resolve("W2.npy"), Nd4j.ones(DataType.DOUBLE, 4, 2));
        NpyFile.write(dir.resolve("b2.npy"), Nd4j.create(new double[] {0.5, -0.5}));
        Network net = new Network(config());
        NetworkFiles.loadParameters(net, dir);
        assertThat(net.weights(1).getDouble(2, 3)).isEqualTo(12.0);
        assertThat(net.gamma(1).getDouble(0)).isEqualTo(2.0);
        assertThat(net.beta(1).getDouble(3)).isEqualTo(-1.0);
        assertThat(net.bias(2).getDouble(1)).isEqualTo(-0.5);
        assertThat(net.weights(2).dataType()).isEqualTo(DataType.FLOAT);
        // no running statistics in the folder: the initial ones stay
        assertThat(net.runningVar(1).getDouble(0)).isEqualTo(1.0);
    }

    @Test
    void aMissingOrMisshapenBareFileChangesNothing(@TempDir Path dir) throws IOException {
        NpyFile.write(dir.resolve("W1.npy"), Nd4j.ones(DataType.FLOAT, 3, 4));
        NpyFile.write(dir.resolve("gamma1.npy"), Nd4j.ones(DataType.FLOAT, 4));
        NpyFile.write(dir.resolve("beta1.npy"), Nd4j.ones(DataType.FLOAT, 4));
        NpyFile.write(dir.resolve("W2.npy"), Nd4j.ones(DataType.FLOAT, 2, 4));
        Network net = new Network(config());
        double before = net.weights(1).getDouble(0, 0);
        assertThatThrownBy(() -> NetworkFiles.loadParameters(net, dir))
                .hasMessageContaining("W2.npy").hasMessageContaining("[4, 2]").hasMessageContaining("[2, 4]");
        assertThat(net.weights(1).getDouble(0, 0)).isEqualTo(before);
        NpyFile.write(dir.resolve("W2.npy"), Nd4j.ones(DataType.FLOAT, 4, 2));
        assertThatThrownBy(() -> NetworkFiles.loadParameters(net, dir)).hasMessageContaining("b2.npy");
    }
}
