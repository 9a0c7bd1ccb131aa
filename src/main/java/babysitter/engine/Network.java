package babysitter.engine;

import babysitter.engine.optim.OptimizerKind;
import babysitter.engine.optim.OptimizerState;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A feed-forward softmax classifier whose hidden layers are Dense → (BatchNorm) → activation, with
 * the forward and backward passes written out by hand ({@link ForwardBackward}, course notes §4–§7).
 * This class assembles the parameters ({@link LayerViews}) and keeps the work arrays of recent
 * batch sizes ({@link WorkArrays}).
 *
 * <p>All trainable parameters live in one flat vector ({@link #parameters()}), in layer order
 * W1, (γ1, β1 | b1), W2, …, W_L, b_L; each is a view into it. Gradients use the same layout
 * ({@link #gradients()}), and so does the optimiser state, so an optimiser step is a handful of
 * native calls on whole vectors. Batch-norm running statistics are kept apart: they are not
 * trained.
 *
 * <p>After a call that runs the network on a batch, the per-layer quantities of that batch (z, μ,
 * σ², z_norm, z̃, a and, after a training step or {@link #computeGradients}, dW, db, dγ, dβ) can
 * be read through the accessors until the next call. The arrays returned are the network's own
 * buffers: copy what you keep.
 *
 * <p>Not thread-safe: one thread (the trainer) owns a network.
 */
public final class Network {

    /** Which statistics batch normalisation uses. */
    public enum Mode {
        /** The mini-batch's own mean and variance (training). */
        TRAIN,
        /** The running averages (inference, course notes §5). */
        INFERENCE
    }

    /**
     * Work arrays are kept for this many batch sizes (training's full and last batch, evaluation's
     * chunk and its remainder, the dev set in training mode…): fewer made every epoch drop and
     * rebuild tens of megabytes, and the garbage collector's pauses stalled the window.
     */
    private static final int MAX_CACHED_BATCH_SHAPES = 8;

    private final NetworkConfig config;
    private final DataType dt;
    private final int depth;
    private final int[] units;

    private final INDArray params;
    private final INDArray grads;
    private final LayerViews v;
    private final ForwardBackward passes;
    /** The engine threads of this network's steps, fixed when it is made ({@link EngineThreads}). */
    private final int threads;
    private final ParameterLayout layout;

    private final OptimizerState optimizerState;
    private long steps;
    private int lastBatchCorrect;

    private final Map<Integer, WorkArrays> buffersByRows = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, WorkArrays> eldest) {
            return size() > MAX_CACHED_BATCH_SHAPES;
        }
    };
    private WorkArrays last;

    /** A new network with weights drawn from {@code config.seed()}: He for ReLU layers, Xavier otherwise. */
    public Network(NetworkConfig config) {
        this(config, OptimizerKind.ADAM);
    }

    public Network(NetworkConfig config, OptimizerKind initialOptimizer) {
        Nd4jSetup.configure();
        this.config = config;
        this.dt = config.precision().dataType();
        this.depth = config.depth();
        this.units = new int[depth + 1];
        for (int l = 0; l <= depth; l++) {
            units[l] = config.units(l);
        }
        this.layout = new ParameterLayout(config);
        this.params = Nd4j.zeros(dt, layout.size());
        this.grads = Nd4j.zeros(dt, layout.size());
        this.v = new LayerViews(config, layout, params, grads, dt);
        this.threads = EngineThreads.current();
        this.passes = new ForwardBackward(config, v, threads);
        initialiseWeights(config.seed());
        this.optimizerState = new OptimizerState(initialOptimizer, layout.size(), dt);
    }

    private void initialiseWeights(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int l = 1; l <= depth; l++) {
            int fanIn = units[l - 1];
            boolean he = l < depth && config.hidden().get(l - 1).activation().reluFamily();
            double std = Math.sqrt((he ? 2.0 : 1.0) / fanIn);
            int n = fanIn * units[l];
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextGaussian() * std;
            }
            v.w[l].assign(Nd4j.create(values, new long[] {fanIn, units[l]}, dt));
        }
    }

    // ------------------------------------------------------------------ public API

    public NetworkConfig config() {
        return config;
    }

    /** How many threads this network's steps use ({@link EngineThreads}, fixed when it was made). */
    public int threads() {
        return threads;
    }

    /** Number of weight layers L. */
    public int depth() {
        return depth;
    }

    /** Training steps taken so far. */
    public long steps() {
        return steps;
    }

    public void setSteps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("step count must be >= 0, got " + steps);
        }
        this.steps = steps;
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** All trainable parameters as one flat vector (live: writes change the network). */
    public INDArray parameters() {
        return params;
    }

    /** The gradients of the last backward pass, laid out like {@link #parameters()}. */
    public INDArray gradients() {
        return grads;
    }

    public OptimizerState optimizerState() {
        return optimizerState;
    }

    /**
     * One step of mini-batch gradient descent: forward with batch statistics (updating the
     * running statistics), backward, then the optimiser named by {@code hp} updates every
     * parameter with the learning rate of {@code epoch} after decay.
     *
     * @param x      m × n_0 inputs, in this network's precision (others are converted)
     * @param labels m class indices in [0, C)
     * @return the cost J of this batch before the update (mean cross-entropy plus the L2 term)
     */
    public double trainStep(INDArray x, int[] labels, Hyperparameters hp, int epoch) {
        StepPhases.start();
        WorkArrays buf = check(x, labels);
        x = buf.inNetworkPrecision(x);
        StepPhases.lap(StepPhases.Phase.OTHER);
        forward(x, buf, Mode.TRAIN, true);
        double cost = passes.cost(buf, labels, hp.l2());
        lastBatchCorrect = Kernels.countCorrect(buf.probs, units[depth], labels, null);
        StepPhases.lap(StepPhases.Phase.OTHER);
        if (!Double.isFinite(cost)) {
            // Nothing is updated: the parameters stay those of the last finite cost.
            return cost;
        }
        passes.backward(x, buf, labels, hp.l2());
        optimizerState.apply(params, grads, hp, hp.learningRateAt(epoch), threads);
        StepPhases.lap(StepPhases.Phase.OPTIMIZER);
        steps++;
        return cost;
    }

    /**
     * Forward and backward with batch statistics, leaving the gradients in {@link #gradients()};
     * changes neither the parameters nor the running statistics (gradient checks, cross-checks).
     *
     * @return the cost J of the batch
     */
    public double computeGradients(INDArray x, int[] labels, double l2) {
        WorkArrays buf = check(x, labels);
        x = buf.inNetworkPrecision(x);
        forward(x, buf, Mode.TRAIN, false);
        double cost = passes.cost(buf, labels, l2);
        passes.backward(x, buf, labels, l2);
        return cost;
    }

    /** The cost J of a batch in the given mode, without changing anything. */
    public double cost(INDArray x, int[] labels, Mode mode, double l2) {
        WorkArrays buf = check(x, labels);
        forward(buf.inNetworkPrecision(x), buf, mode, false);
        return passes.cost(buf, labels, l2);
    }

    /**
     * Class probabilities ŷ (m × C, a copy) of inputs x in the given mode. In {@link Mode#TRAIN}
     * the batch's own statistics are used and the running statistics are not changed.
     */
    public INDArray predict(INDArray x, Mode mode) {
        WorkArrays buf = check(x, null);
        forward(buf.inNetworkPrecision(x), buf, mode, false);
        return matrix(depth, buf.probs);
    }

    /** Cost and accuracy of a data set, evaluated in chunks of at most {@code chunk} rows. */
    public Evaluation evaluate(INDArray x, int[] labels, Mode mode, int chunk) {
        return evaluate(x, labels, mode, chunk, null);
    }

    /**
     * Cost and accuracy of a data set, evaluated in chunks of at most {@code chunk} rows; when
     * {@code confusion} is not null, each row is also counted in {@code confusion[label][predicted]}
     * (C × C, the predicted class the one accuracy counts: the most probable, the lowest index on ties).
     */
    public Evaluation evaluate(INDArray x, int[] labels, Mode mode, int chunk, long[][] confusion) {
        if (confusion != null && (confusion.length != units[depth]
                || Arrays.stream(confusion).anyMatch(r -> r.length != units[depth]))) {
            throw new IllegalArgumentException("the confusion matrix must be " + units[depth] + " × " + units[depth]);
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("evaluation chunk must be at least 1 row, got " + chunk);
        }
        long rows = x.rows();
        if (labels.length != rows) {
            throw new IllegalArgumentException("got " + rows + " input rows but " + labels.length + " labels");
        }
        double costSum = 0;
        long correct = 0;
        for (int from = 0; from < rows; from += chunk) {
            int to = (int) Math.min(rows, from + (long) chunk);
            StepPhases.start();
            INDArray part = x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            int[] partLabels = Arrays.copyOfRange(labels, from, to);
            WorkArrays buf = check(part, partLabels);
            forward(buf.inNetworkPrecision(part), buf, mode, false);
            costSum += passes.cost(buf, partLabels, 0.0) * (to - from);
            correct += Kernels.countCorrect(buf.probs, units[depth], partLabels, confusion);
            StepPhases.lap(StepPhases.Phase.OTHER);
        }
        return new Evaluation(costSum / rows, (double) correct / rows, rows);
    }

    /** How many examples of the last training step's batch the network classified right (before the update). */
    public int lastBatchCorrect() {
        return lastBatchCorrect;
    }

    /** Cost (mean cross-entropy, no L2 term) and accuracy of a data set. */
    public record Evaluation(double cost, double accuracy, long examples) {
    }

    // ------------------------------------------------------------------ per-layer access

    /** W^[l], shape [n_{l-1}, n_l] (live view). */
    public INDArray weights(int l) {
        return v.w[checkLayer(l)];
    }

    /** b^[l] (live view), or null for a batch-normalised layer, which has no bias. */
    public INDArray bias(int l) {
        return v.b[checkLayer(l)];
    }

    /** γ^[l] (live view), or null without batch norm. */
    public INDArray gamma(int l) {
        return v.gamma[checkLayer(l)];
    }

    /** β^[l] (live view), or null without batch norm. */
    public INDArray beta(int l) {
        return v.beta[checkLayer(l)];
    }

    public INDArray runningMean(int l) {
        return v.runningMean[checkLayer(l)];
    }

    public INDArray runningVar(int l) {
        return v.runningVar[checkLayer(l)];
    }

    public INDArray gradW(int l) {
        return v.dW[checkLayer(l)];
    }

    public INDArray gradB(int l) {
        return v.db[checkLayer(l)];
    }

    public INDArray gradGamma(int l) {
        return v.dGamma[checkLayer(l)];
    }

    public INDArray gradBeta(int l) {
        return v.dBeta[checkLayer(l)];
    }

    /** z^[l] = a^[l-1]·W^[l] (+ b^[l]) of the last batch (a copy, m × n_l). */
    public INDArray z(int l) {
        return matrix(l, lastWorkArrays().z[checkLayer(l)]);
    }

    /** μ of the last batch (the statistics used: the batch's in TRAIN, the running ones in INFERENCE). */
    public INDArray batchMean(int l) {
        return config.batchNorm(checkLayer(l)) ? vector(lastWorkArrays().mu[l]) : null;
    }

    /** σ² (biased) of the last batch, as used. */
    public INDArray batchVar(int l) {
        return config.batchNorm(checkLayer(l)) ? vector(lastWorkArrays().var[l]) : null;
    }

    public INDArray zNorm(int l) {
        return config.batchNorm(checkLayer(l)) ? matrix(l, lastWorkArrays().zNorm[l]) : null;
    }

    /** z̃ = γ·z_norm + β with batch norm, else z. */
    public INDArray zTilde(int l) {
        return matrix(l, lastWorkArrays().zTilde[checkLayer(l)]);
    }

    /** a^[l] = g(z̃^[l]); for l = L the softmax output ŷ. */
    public INDArray activation(int l) {
        checkLayer(l);
        return matrix(l, l == depth ? lastWorkArrays().probs : lastWorkArrays().a[l]);
    }

    /** A row-major copy of layer l's {@code values} of the last batch (called once the accessor has the work arrays). */
    private INDArray matrix(int l, double[] values) {
        return Nd4j.create(last.rowMajor(l, values, units[l]), new long[] {last.rows, units[l]}, dt);
    }

    private INDArray vector(double[] values) {
        return Nd4j.create(values.clone(), new long[] {values.length}, dt);
    }

    private int checkLayer(int l) {
        if (l < 1 || l > depth) {
            throw new IndexOutOfBoundsException("layer must be in 1.." + depth + ", got " + l);
        }
        return l;
    }

    private WorkArrays lastWorkArrays() {
        if (last == null) {
            throw new IllegalStateException("the network has not run on a batch yet");
        }
        passes.keepHiddenLayers(last);
        return last;
    }

    /** Runs the forward pass and keeps its work arrays for the per-layer accessors. */
    private void forward(INDArray x, WorkArrays buf, Mode mode, boolean updateRunning) {
        passes.forward(x, buf, mode, updateRunning);
        last = buf;
    }

    // ------------------------------------------------------------------ input checks and buffers

    private WorkArrays check(INDArray x, int[] labels) {
        if (x.rank() != 2 || x.columns() != units[0]) {
            throw new IllegalArgumentException("inputs must be a matrix of m rows and " + units[0]
                    + " columns, got shape " + Arrays.toString(x.shape()));
        }
        long rows = x.rows();
        if (rows < 1 || rows > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a batch must have between 1 and " + Integer.MAX_VALUE
                    + " rows, got " + rows);
        }
        if (labels != null) {
            if (labels.length != rows) {
                throw new IllegalArgumentException("got " + rows + " input rows but " + labels.length + " labels");
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0 || labels[i] >= units[depth]) {
                    throw new IllegalArgumentException("label " + labels[i] + " of example " + i
                            + " is outside [0, " + units[depth] + ")");
                }
            }
        }
        return buffers((int) rows);
    }

    private WorkArrays buffers(int rows) {
        return buffersByRows.computeIfAbsent(rows, r -> new WorkArrays(r, config, dt));
    }
}
