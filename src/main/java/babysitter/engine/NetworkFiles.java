package babysitter.engine;

import babysitter.engine.optim.OptimizerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Saves a {@link Network} as a folder of NumPy {@code .npy} files plus {@code state.json}, and
 * loads it back.
 *
 * <p>With layers l counted from 1: {@code W{l}.npy} [n_{l-1}, n_l]; {@code b{l}.npy} [n_l] for
 * layers without batch norm (always for the output layer); {@code gamma{l}.npy},
 * {@code beta{l}.npy}, {@code running_mean{l}.npy}, {@code running_var{l}.npy} [n_l] for
 * batch-normalised layers; the optimiser's v and s with the parameter names prefixed {@code v_}
 * and {@code s_}, for the optimiser kinds that keep them. {@code state.json} holds the format
 * version, steps, optimiser kind and t, precision, layer sizes n_0..n_L, the hidden layers'
 * activations and batch-norm flags, batch-norm ε and momentum, and the seed.
 */
public final class NetworkFiles {

    /** Version of the folder layout written by {@link #save}. */
    public static final int FORMAT_VERSION = 1;
    public static final String STATE_FILE = "state.json";

    private NetworkFiles() {
    }

    // ------------------------------------------------------------------ save

    /**
     * Writes {@code net} into {@code dir}, creating it if needed. Files of an earlier save are
     * overwritten; optimiser files the current kind does not keep are deleted. {@code state.json}
     * is written last.
     */
    public static void save(Network net, Path dir) throws IOException {
        Files.createDirectories(dir);
        ParameterLayout layout = net.layout();
        OptimizerState opt = net.optimizerState();
        boolean withV = OptimizerState.usesV(opt.kind());
        boolean withS = OptimizerState.usesS(opt.kind());
        INDArray v = opt.v();
        INDArray s = opt.s();
        for (ParameterLayout.Entry e : layout.entries()) {
            NpyFile.write(npy(dir, e.name()), layout.view(net.parameters(), e));
            writeOrDelete(dir, "v_" + e.name(), withV, layout.view(v, e));
            writeOrDelete(dir, "s_" + e.name(), withS, layout.view(s, e));
        }
        for (int l = 1; l <= net.depth(); l++) {
            if (net.config().batchNorm(l)) {
                NpyFile.write(npy(dir, "running_mean" + l), net.runningMean(l));
                NpyFile.write(npy(dir, "running_var" + l), net.runningVar(l));
            }
        }
        NetworkStateFile.write(net, dir.resolve(STATE_FILE));
    }

    private static void writeOrDelete(Path dir, String name, boolean write, INDArray values) throws IOException {
        if (write) {
            NpyFile.write(npy(dir, name), values);
        } else {
            Files.deleteIfExists(npy(dir, name));
        }
    }

    // ------------------------------------------------------------------ load

    /**
     * A new network built from {@code dir}'s {@code state.json}, with its parameters, running
     * statistics, optimiser state and step count read from the folder. Files of the other float
     * type are converted to the network's precision.
     *
     * @throws IOException naming the file and the problem if anything is missing or does not fit
     */
    public static Network load(Path dir) throws IOException {
        NetworkStateFile.Saved state = NetworkStateFile.read(dir);
        Contents contents = readContents(dir, state, state.config(), false);
        Network net = new Network(state.config(), state.kind());
        apply(net, state, contents);
        return net;
    }

    /**
     * Overwrites {@code net}'s parameters, running statistics, optimiser state and step count with
     * those saved in {@code dir}, whose layer sizes, activations and batch-norm flags must match
     * {@code net.config()}. Everything is read and checked before anything is written: on failure
     * {@code net} is unchanged.
     */
    public static void loadInto(Network net, Path dir) throws IOException {
        loadInto(net, dir, false);
    }

    private static void loadInto(Network net, Path dir, boolean finiteOnly) throws IOException {
        NetworkStateFile.Saved state = NetworkStateFile.read(dir);
        NetworkConfig mine = net.config();
        NetworkConfig saved = state.config();
        Path json = dir.resolve(STATE_FILE);
        if (saved.depth() != mine.depth() || !Arrays.equals(sizes(saved), sizes(mine))) {
            throw new IOException(json + ": layer sizes " + Arrays.toString(sizes(saved))
                    + " do not match the network's " + Arrays.toString(sizes(mine)));
        }
        for (int i = 0; i < mine.hidden().size(); i++) {
            LayerSpec a = saved.hidden().get(i);
            LayerSpec b = mine.hidden().get(i);
            if (a.activation() != b.activation()) {
                throw new IOException(json + ": activation of layer " + (i + 1) + " is " + a.activation()
                        + " but the network's is " + b.activation());
            }
            if (a.batchNorm() != b.batchNorm()) {
                throw new IOException(json + ": batch norm of layer " + (i + 1) + " is " + a.batchNorm()
                        + " but the network's is " + b.batchNorm());
            }
        }
        if (mine.hidden().stream().anyMatch(LayerSpec::batchNorm)
                && saved.bnRunningVariance() != mine.bnRunningVariance()) {
            throw new IOException(json + ": the running variances were kept " + name(saved.bnRunningVariance())
                    + " but the network keeps them " + name(mine.bnRunningVariance())
                    + " (set network.bnRunningVariance to \"" + name(saved.bnRunningVariance()) + "\")");
        }
        Contents contents = readContents(dir, state, mine, finiteOnly);
        apply(net, state, contents);
    }

    /**
     * Starts {@code net} from the parameters in {@code dir}: a folder this class saved (then as
     * {@link #loadInto}), or a folder of bare {@code .npy} files, e.g. written by NumPy, with
     * {@code W{l}} and {@code b{l}} or {@code gamma{l}}/{@code beta{l}} for every layer and,
     * optionally, {@code running_mean{l}}/{@code running_var{l}}. From a bare folder the optimiser
     * state and step count are left as they are. Everything is checked before anything is written,
     * including that every value is finite: a NaN or infinity is an {@link NpyFormatException}
     * naming the file and the index ("W1.npy holds NaN at [3, 7]").
     */
    public static void loadParameters(Network net, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a folder of .npy files");
        }
        if (Files.exists(dir.resolve(STATE_FILE))) {
            loadInto(net, dir, true);
            return;
        }
        NetworkConfig c = net.config();
        ParameterLayout layout = net.layout();
        DataType dt = c.precision().dataType();
        Map<ParameterLayout.Entry, INDArray> params = new LinkedHashMap<>();
        for (ParameterLayout.Entry e : layout.entries()) {
            params.put(e, readChecked(dir, e.name(), e.shape(), dt, true));
        }
        Map<Integer, INDArray[]> stats = new LinkedHashMap<>();
        for (int l = 1; l <= c.depth(); l++) {
            if (c.batchNorm(l) && Files.exists(npy(dir, "running_mean" + l))) {
                long[] shape = {c.units(l)};
                stats.put(l, new INDArray[] {readChecked(dir, "running_mean" + l, shape, dt, true),
                    readChecked(dir, "running_var" + l, shape, dt, true)});
            }
        }
        params.forEach((e, a) -> layout.view(net.parameters(), e).assign(a));
        stats.forEach((l, a) -> {
            net.runningMean(l).assign(a[0]);
            net.runningVar(l).assign(a[1]);
        });
    }

    private static String name(RunningVariance v) {
        return v.name().toLowerCase(Locale.ROOT);
    }

    private static int[] sizes(NetworkConfig c) {
        int[] n = new int[c.depth() + 1];
        for (int l = 0; l <= c.depth(); l++) {
            n[l] = c.units(l);
        }
        return n;
    }

    /** Every array of a saved folder, checked and converted to the target precision. */
    private record Contents(Map<String, INDArray> params, Map<String, INDArray> v, Map<String, INDArray> s,
                            Map<Integer, INDArray> runningMean, Map<Integer, INDArray> runningVar) {
    }

    private static Contents readContents(Path dir, NetworkStateFile.Saved state, NetworkConfig target, boolean finiteOnly)
            throws IOException {
        ParameterLayout layout = new ParameterLayout(target);
        DataType dt = target.precision().dataType();
        boolean withV = OptimizerState.usesV(state.kind());
        boolean withS = OptimizerState.usesS(state.kind());
        Map<String, INDArray> params = new LinkedHashMap<>();
        Map<String, INDArray> v = new LinkedHashMap<>();
        Map<String, INDArray> s = new LinkedHashMap<>();
        for (ParameterLayout.Entry e : layout.entries()) {
            params.put(e.name(), readChecked(dir, e.name(), e.shape(), dt, finiteOnly));
            if (withV) {
                v.put(e.name(), readChecked(dir, "v_" + e.name(), e.shape(), dt, finiteOnly));
            }
            if (withS) {
                s.put(e.name(), readChecked(dir, "s_" + e.name(), e.shape(), dt, finiteOnly));
            }
        }
        Map<Integer, INDArray> mean = new LinkedHashMap<>();
        Map<Integer, INDArray> var = new LinkedHashMap<>();
        for (int l = 1; l <= target.depth(); l++) {
            if (target.batchNorm(l)) {
                long[] shape = {target.units(l)};
                mean.put(l, readChecked(dir, "running_mean" + l, shape, dt, finiteOnly));
                var.put(l, readChecked(dir, "running_var" + l, shape, dt, finiteOnly));
            }
        }
        return new Contents(params, v, s, mean, var);
    }

    /** Writes checked contents into a network of the same shape; cannot fail on valid input. */
    private static void apply(Network net, NetworkStateFile.Saved state, Contents contents) {
        ParameterLayout layout = net.layout();
        OptimizerState opt = net.optimizerState();
        for (ParameterLayout.Entry e : layout.entries()) {
            layout.view(net.parameters(), e).assign(contents.params.get(e.name()));
        }
        contents.runningMean.forEach((l, a) -> net.runningMean(l).assign(a));
        contents.runningVar.forEach((l, a) -> net.runningVar(l).assign(a));
        opt.switchTo(state.kind());
        INDArray vAll = Nd4j.zeros(net.parameters().dataType(), layout.size());
        INDArray sAll = Nd4j.zeros(net.parameters().dataType(), layout.size());
        for (ParameterLayout.Entry e : layout.entries()) {
            INDArray v = contents.v.get(e.name());
            if (v != null) {
                layout.view(vAll, e).assign(v);
            }
            INDArray s = contents.s.get(e.name());
            if (s != null) {
                layout.view(sAll, e).assign(s);
            }
        }
        opt.setV(vAll);
        opt.setS(sAll);
        opt.setT(state.t());
        net.setSteps(state.steps());
    }

    private static INDArray readChecked(Path dir, String name, long[] expectedShape, DataType dt, boolean finiteOnly)
            throws IOException {
        Path file = npy(dir, name);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null,
                    name + ".npy is required but missing from " + dir);
        }
        INDArray a = NpyFile.read(file);
        if (!Arrays.equals(a.shape(), expectedShape)) {
            throw new NpyFormatException(file, name + ".npy has the wrong shape: expected "
                    + Arrays.toString(expectedShape) + ", found " + Arrays.toString(a.shape()));
        }
        if (finiteOnly) {
            requireFinite(file, a);
        }
        return a.dataType() == dt ? a : a.castTo(dt);
    }

    /** Refuses an array holding NaN or an infinity, naming the first such index. */
    static void requireFinite(Path file, INDArray a) throws NpyFormatException {
        double[] values = a.dup('c').data().asDouble();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                long[] shape = a.shape();
                long[] at = new long[shape.length];
                long rest = i;
                for (int d = shape.length - 1; d >= 0; d--) {
                    at[d] = shape[d] == 0 ? 0 : rest % shape[d];
                    rest = shape[d] == 0 ? rest : rest / shape[d];
                }
                throw new NpyFormatException(file, "holds " + values[i] + " at " + Arrays.toString(at)
                        + ": starting values must be finite numbers");
            }
        }
    }

    private static Path npy(Path dir, String name) {
        return dir.resolve(name + ".npy");
    }


}
