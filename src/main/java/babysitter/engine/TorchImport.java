package babysitter.engine;

import babysitter.engine.optim.OptimizerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads the parameters of a PyTorch {@code torch.nn.Sequential} of the shape this engine builds,
 * {@code Linear(bias=False), BatchNorm1d, act, …, Linear} (hidden layers without batch norm are
 * {@code Linear} with a bias, then the activation), exported one {@code .npy} file per
 * {@code state_dict} entry: {@code 0.weight.npy}, {@code 1.weight.npy} (γ), {@code 1.bias.npy} (β),
 * {@code 1.running_mean.npy}, {@code 1.running_var.npy}, … The activations hold no parameters,
 * so their kind is given. {@code num_batches_tracked} files are ignored.
 *
 * <p>PyTorch's {@code Linear} keeps its weight as [out, in]; the engine's W is [in, out], so each
 * weight is transposed. PyTorch keeps the unbiased running variance, so the network's
 * {@link RunningVariance} is {@link RunningVariance#UNBIASED}. The precision is that of the files.
 */
public final class TorchImport {
    private static final Pattern NAME = Pattern.compile("(\\d+)\\.(weight|bias|running_mean|running_var|num_batches_tracked)\\.npy");

    private TorchImport() {
    }

    /**
     * A network holding the parameters and running statistics of the folder {@code dir}.
     *
     * @param activation the activation of every hidden layer (ReLU for {@code nn.ReLU})
     * @param bnEpsilon  the batch norms' ε (PyTorch's {@code eps}, default 1e-5)
     * @param bnMomentum the engine's momentum m = 1 − PyTorch's {@code momentum} (default 0.9)
     * @throws IOException naming the file and the rule when the folder is not such a state_dict
     */
    public static Network read(Path dir, Activation activation, double bnEpsilon, double bnMomentum)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a folder of .npy files");
        }
        Map<Integer, Map<String, Path>> modules = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = String.valueOf(f.getFileName());
                if (!name.endsWith(".npy")) {
                    continue;
                }
                Matcher m = NAME.matcher(name);
                if (!m.matches()) {
                    throw new IOException(f + ": not a state_dict entry of a Sequential of Linear and BatchNorm1d"
                            + " (expected names such as 0.weight.npy, 1.running_var.npy)");
                }
                if (!m.group(2).equals("num_batches_tracked")) {
                    modules.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new TreeMap<>()).put(m.group(2), f);
                }
            }
        }
        if (modules.isEmpty()) {
            throw new IOException(dir + ": no state_dict .npy files (expected 0.weight.npy, …)");
        }
        List<Layer> layers = new ArrayList<>();
        Layer open = null;
        for (Map.Entry<Integer, Map<String, Path>> e : modules.entrySet()) {
            Map<String, Path> p = e.getValue();
            if (p.containsKey("running_mean") || p.containsKey("running_var")) {
                if (open == null || open.gamma != null) {
                    throw new IOException(dir + ": module " + e.getKey() + " is a batch norm that does not follow a"
                            + " Linear layer");
                }
                if (open.bias != null) {
                    throw new IOException(open.biasFile + ": the Linear layer before batch norm " + e.getKey()
                            + " has a bias; batch-normalised layers have none (β takes its place): expected"
                            + " Linear(bias=False)");
                }
                open.gamma = vector(require(dir, e.getKey(), p, "weight"), open.units);
                open.beta = vector(require(dir, e.getKey(), p, "bias"), open.units);
                open.mean = vector(require(dir, e.getKey(), p, "running_mean"), open.units);
                open.var = vector(require(dir, e.getKey(), p, "running_var"), open.units);
            } else {
                Path wf = require(dir, e.getKey(), p, "weight");
                INDArray w = NpyFile.read(wf);
                if (w.rank() != 2) {
                    throw new IOException(wf + ": a Linear weight must be a matrix [out, in], got shape "
                            + Arrays.toString(w.shape()));
                }
                Layer l = new Layer(e.getKey(), (int) w.size(0), (int) w.size(1), w.transpose().dup('c'));
                if (open != null && l.inputs != open.units) {
                    throw new IOException(wf + ": takes " + l.inputs + " inputs but the layer before has "
                            + open.units + " units");
                }
                if (p.containsKey("bias")) {
                    l.biasFile = p.get("bias");
                    l.bias = vector(l.biasFile, l.units);
                }
                layers.add(l);
                open = l;
            }
        }
        Layer output = layers.get(layers.size() - 1);
        if (output.gamma != null) {
            throw new IOException(dir + ": the last module is a batch norm; expected a Linear output layer");
        }
        for (Layer l : layers) {
            if (l.gamma == null && l.bias == null) {
                throw new IOException(dir.resolve(l.module + ".bias.npy") + ": missing: the Linear layer "
                        + l.module + " has neither a bias nor a batch norm after it");
            }
        }
        DataType dt = layers.get(0).w.dataType();
        Precision precision = dt == DataType.DOUBLE ? Precision.FLOAT64 : Precision.FLOAT32;
        List<LayerSpec> hidden = new ArrayList<>();
        for (Layer l : layers.subList(0, layers.size() - 1)) {
            hidden.add(new LayerSpec(l.units, activation, l.gamma != null));
        }
        NetworkConfig config = new NetworkConfig(layers.get(0).inputs, hidden, output.units, precision, bnEpsilon,
                bnMomentum, 0, RunningVariance.UNBIASED);
        Network net = new Network(config, OptimizerKind.SGD);
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            int layer = i + 1;
            net.weights(layer).assign(l.w.castTo(net.weights(layer).dataType()));
            if (l.gamma != null) {
                net.gamma(layer).assign(l.gamma.castTo(dt));
                net.beta(layer).assign(l.beta.castTo(dt));
                net.runningMean(layer).assign(l.mean.castTo(dt));
                net.runningVar(layer).assign(l.var.castTo(dt));
            } else {
                net.bias(layer).assign(l.bias.castTo(dt));
            }
        }
        return net;
    }

    private static Path require(Path dir, int module, Map<String, Path> p, String what) throws IOException {
        Path f = p.get(what);
        if (f == null) {
            throw new IOException(dir.resolve(module + "." + what + ".npy") + ": missing (module " + module
                    + " has " + String.join(", ", p.keySet()) + ")");
        }
        return f;
    }

    private static INDArray vector(Path f, int units) throws IOException {
        INDArray a = NpyFile.read(f);
        if (a.rank() != 1 || a.length() != units) {
            throw new IOException(f + ": expected a vector of " + units + " values, got shape "
                    + Arrays.toString(a.shape()));
        }
        return a;
    }

    /** One Linear layer and the batch norm after it, if any. */
    private static final class Layer {
        final int module;
        final int units;
        final int inputs;
        final INDArray w;
        INDArray bias;
        Path biasFile;
        INDArray gamma;
        INDArray beta;
        INDArray mean;
        INDArray var;

        Layer(int module, int units, int inputs, INDArray w) {
            this.module = module;
            this.units = units;
            this.inputs = inputs;
            this.w = w;
        }
    }
}
