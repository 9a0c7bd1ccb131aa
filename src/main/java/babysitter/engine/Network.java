package babysitter.engine;

import babysitter.engine.optim.Optimizer;
import babysitter.engine.optim.OptimizerKind;
import babysitter.engine.optim.OptimizerState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.summarystats.Variance;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.same.TimesOneMinus;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A feed-forward softmax classifier whose hidden layers are Dense → (BatchNorm) → activation, with
 * the forward and backward passes written out by hand on ND4J arrays (course notes §4–§7).
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

    private static final int MAX_CACHED_BATCH_SHAPES = 3;

    private final NetworkConfig config;
    private final DataType dt;
    private final int depth;
    private final int[] units;

    private final INDArray params;
    private final INDArray grads;
    private final INDArray[] w;
    private final INDArray[] b;
    private final INDArray[] gamma;
    private final INDArray[] beta;
    private final INDArray[] dW;
    private final INDArray[] db;
    private final INDArray[] dGamma;
    private final INDArray[] dBeta;
    private final INDArray[] runningMean;
    private final INDArray[] runningVar;
    private final ParameterLayout layout;

    private final OptimizerState optimizerState;
    private long steps;

    private final Map<Integer, Buffers> buffersByRows = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Buffers> eldest) {
            return size() > MAX_CACHED_BATCH_SHAPES;
        }
    };
    private Buffers last;

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
        this.w = new INDArray[depth + 1];
        this.b = new INDArray[depth + 1];
        this.gamma = new INDArray[depth + 1];
        this.beta = new INDArray[depth + 1];
        this.dW = new INDArray[depth + 1];
        this.db = new INDArray[depth + 1];
        this.dGamma = new INDArray[depth + 1];
        this.dBeta = new INDArray[depth + 1];
        this.runningMean = new INDArray[depth + 1];
        this.runningVar = new INDArray[depth + 1];
        for (int l = 1; l <= depth; l++) {
            w[l] = layout.view(params, ParameterLayout.Kind.W, l);
            dW[l] = layout.view(grads, ParameterLayout.Kind.W, l);
            if (config.batchNorm(l)) {
                gamma[l] = layout.view(params, ParameterLayout.Kind.GAMMA, l);
                beta[l] = layout.view(params, ParameterLayout.Kind.BETA, l);
                dGamma[l] = layout.view(grads, ParameterLayout.Kind.GAMMA, l);
                dBeta[l] = layout.view(grads, ParameterLayout.Kind.BETA, l);
                gamma[l].assign(1.0);
                runningMean[l] = Nd4j.zeros(dt, units[l]);
                runningVar[l] = Nd4j.ones(dt, units[l]);
            } else {
                b[l] = layout.view(params, ParameterLayout.Kind.B, l);
                db[l] = layout.view(grads, ParameterLayout.Kind.B, l);
            }
        }
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
            w[l].assign(Nd4j.create(values, new long[] {fanIn, units[l]}, dt));
        }
    }

    // ------------------------------------------------------------------ public API

    public NetworkConfig config() {
        return config;
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
        Buffers buf = check(x, labels);
        x = asDataType(x);
        forward(x, buf, Mode.TRAIN, true);
        double cost = cost(buf, labels, hp.l2());
        if (!Double.isFinite(cost)) {
            // Nothing is updated: the parameters stay those of the last finite cost.
            return cost;
        }
        backward(x, buf, hp.l2());
        optimizerState.switchTo(hp.optimizer());
        Optimizer.of(hp.optimizer()).update(params, grads, optimizerState, hp, hp.learningRateAt(epoch));
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
        Buffers buf = check(x, labels);
        x = asDataType(x);
        forward(x, buf, Mode.TRAIN, false);
        double cost = cost(buf, labels, l2);
        backward(x, buf, l2);
        return cost;
    }

    /** The cost J of a batch in the given mode, without changing anything. */
    public double cost(INDArray x, int[] labels, Mode mode, double l2) {
        Buffers buf = check(x, labels);
        forward(asDataType(x), buf, mode, false);
        return cost(buf, labels, l2);
    }

    /**
     * Class probabilities ŷ (m × C, a copy) of inputs x in the given mode. In {@link Mode#TRAIN}
     * the batch's own statistics are used and the running statistics are not changed.
     */
    public INDArray predict(INDArray x, Mode mode) {
        Buffers buf = check(x, null);
        forward(asDataType(x), buf, mode, false);
        return buf.probs.dup();
    }

    /** Cost and accuracy of a data set, evaluated in chunks of at most {@code chunk} rows. */
    public Evaluation evaluate(INDArray x, int[] labels, Mode mode, int chunk) {
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
            INDArray part = x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            int[] partLabels = java.util.Arrays.copyOfRange(labels, from, to);
            Buffers buf = check(part, partLabels);
            forward(asDataType(part), buf, mode, false);
            costSum += cost(buf, partLabels, 0.0) * (to - from);
            INDArray argmax = buf.probs.argMax(1);
            for (int i = 0; i < to - from; i++) {
                if (argmax.getInt(i) == partLabels[i]) {
                    correct++;
                }
            }
        }
        return new Evaluation(costSum / rows, (double) correct / rows, rows);
    }

    /** Cost (mean cross-entropy, no L2 term) and accuracy of a data set. */
    public record Evaluation(double cost, double accuracy, long examples) {
    }

    // ------------------------------------------------------------------ per-layer access

    /** W^[l], shape [n_{l-1}, n_l] (live view). */
    public INDArray weights(int l) {
        return w[checkLayer(l)];
    }

    /** b^[l] (live view), or null for a batch-normalised layer, which has no bias. */
    public INDArray bias(int l) {
        return b[checkLayer(l)];
    }

    /** γ^[l] (live view), or null without batch norm. */
    public INDArray gamma(int l) {
        return gamma[checkLayer(l)];
    }

    /** β^[l] (live view), or null without batch norm. */
    public INDArray beta(int l) {
        return beta[checkLayer(l)];
    }

    public INDArray runningMean(int l) {
        return runningMean[checkLayer(l)];
    }

    public INDArray runningVar(int l) {
        return runningVar[checkLayer(l)];
    }

    public INDArray gradW(int l) {
        return dW[checkLayer(l)];
    }

    public INDArray gradB(int l) {
        return db[checkLayer(l)];
    }

    public INDArray gradGamma(int l) {
        return dGamma[checkLayer(l)];
    }

    public INDArray gradBeta(int l) {
        return dBeta[checkLayer(l)];
    }

    /** z^[l] = a^[l-1]·W^[l] (+ b^[l]) of the last batch. */
    public INDArray z(int l) {
        return lastBuffers().z[checkLayer(l)];
    }

    /** μ of the last batch (the statistics used: the batch's in TRAIN, the running ones in INFERENCE). */
    public INDArray batchMean(int l) {
        return config.batchNorm(checkLayer(l)) ? lastBuffers().mu[l] : null;
    }

    /** σ² (biased) of the last batch, as used. */
    public INDArray batchVar(int l) {
        return config.batchNorm(checkLayer(l)) ? lastBuffers().var[l] : null;
    }

    public INDArray zNorm(int l) {
        return config.batchNorm(checkLayer(l)) ? lastBuffers().zNorm[l] : null;
    }

    /** z̃ = γ·z_norm + β with batch norm, else z. */
    public INDArray zTilde(int l) {
        return lastBuffers().zTilde[checkLayer(l)];
    }

    /** a^[l] = g(z̃^[l]); for l = L the softmax output ŷ. */
    public INDArray activation(int l) {
        checkLayer(l);
        return l == depth ? lastBuffers().probs : lastBuffers().a[l];
    }

    private int checkLayer(int l) {
        if (l < 1 || l > depth) {
            throw new IndexOutOfBoundsException("layer must be in 1.." + depth + ", got " + l);
        }
        return l;
    }

    private Buffers lastBuffers() {
        if (last == null) {
            throw new IllegalStateException("the network has not run on a batch yet");
        }
        return last;
    }

    // ------------------------------------------------------------------ forward and backward

    private void forward(INDArray x, Buffers buf, Mode mode, boolean updateRunning) {
        last = buf;
        INDArray prev = x;
        for (int l = 1; l <= depth; l++) {
            INDArray z = buf.z[l];
            Nd4j.gemm(prev, w[l], z, false, false, 1.0, 0.0);
            if (l == depth) {
                z.addiRowVector(b[l]);
                Nd4j.exec(new SoftMax(z, buf.probs, 1));
                Nd4j.exec(new LogSoftMax(z, buf.logProbs));
                break;
            }
            INDArray zt = buf.zTilde[l];
            if (config.batchNorm(l)) {
                INDArray mu = buf.mu[l];
                INDArray var = buf.var[l];
                if (mode == Mode.TRAIN) {
                    z.mean(mu, 0);
                    Nd4j.exec(new Variance(z, var, false, 0));
                    if (updateRunning) {
                        double mom = config.bnMomentum();
                        runningMean[l].muli(mom);
                        Nd4j.getBlasWrapper().level1().axpy(mu.length(), 1 - mom, mu, runningMean[l]);
                        runningVar[l].muli(mom);
                        Nd4j.getBlasWrapper().level1().axpy(var.length(), 1 - mom, var, runningVar[l]);
                    }
                } else {
                    mu.assign(runningMean[l]);
                    var.assign(runningVar[l]);
                }
                INDArray invStd = buf.invStd[l];
                invStd.assign(var).addi(config.bnEpsilon());
                Transforms.sqrt(invStd, false).rdivi(1.0);
                INDArray zn = buf.zNorm[l];
                zn.assign(z).subiRowVector(mu).muliRowVector(invStd);
                zt.assign(zn).muliRowVector(gamma[l]).addiRowVector(beta[l]);
            } else {
                z.addiRowVector(b[l]);
            }
            activate(config.hidden().get(l - 1).activation(), zt, buf.a[l]);
            prev = buf.a[l];
        }
    }

    private static void activate(Activation g, INDArray in, INDArray out) {
        switch (g) {
            case RELU -> Nd4j.exec(new RectifiedLinear(in, out, 0.0));
            case LEAKY_RELU -> Nd4j.exec(new LeakyReLU(in, out, Activation.LEAKY_SLOPE));
            case TANH -> Nd4j.exec(new Tanh(in, out));
            case SIGMOID -> Nd4j.exec(new Sigmoid(in, out));
        }
    }

    /** dz̃ = da · g'(z̃), into {@code out} ({@code tmp} is scratch of the same shape). */
    private static void activationBackward(Activation g, INDArray zt, INDArray a, INDArray da, INDArray out,
                                           INDArray tmp) {
        switch (g) {
            case RELU -> Nd4j.exec(new RectifiedLinearDerivative(zt, da, out));
            case LEAKY_RELU -> {
                Nd4j.exec(new LeakyReLUDerivative(zt, tmp, Activation.LEAKY_SLOPE));
                out.assign(da).muli(tmp);
            }
            case TANH -> {
                // 1 − a²
                tmp.assign(a).muli(a).rsubi(1.0);
                out.assign(da).muli(tmp);
            }
            case SIGMOID -> {
                // a·(1 − a)
                Nd4j.exec(new TimesOneMinus(a, tmp));
                out.assign(da).muli(tmp);
            }
        }
    }

    private double cost(Buffers buf, int[] labels, double l2) {
        buf.fillOneHot(labels);
        int m = buf.rows;
        double crossEntropy = -Nd4j.getBlasWrapper().dot(buf.logProbsFlat, buf.oneHotFlat) / m;
        if (l2 == 0) {
            return crossEntropy;
        }
        double squares = 0;
        for (int l = 1; l <= depth; l++) {
            double norm = w[l].norm2Number().doubleValue();
            squares += norm * norm;
        }
        return crossEntropy + l2 / (2.0 * m) * squares;
    }

    private void backward(INDArray x, Buffers buf, double l2) {
        int m = buf.rows;
        // Output layer: dz = (ŷ − y) / m for the mean cost.
        INDArray dz = buf.dz[depth];
        dz.assign(buf.probs).subi(buf.oneHot).muli(1.0 / m);
        for (int l = depth; l >= 1; l--) {
            INDArray prev = l == 1 ? x : buf.a[l - 1];
            if (l < depth) {
                Activation g = config.hidden().get(l - 1).activation();
                INDArray dzt = buf.dzTilde[l];
                activationBackward(g, buf.zTilde[l], buf.a[l], buf.da[l], dzt, buf.tmp[l]);
                dz = buf.dz[l];
                if (config.batchNorm(l)) {
                    batchNormBackward(l, buf, dzt, dz);
                } else {
                    Nd4j.exec(new Sum(dzt, db[l], 0));
                    dz.assign(dzt);
                }
            } else {
                Nd4j.exec(new Sum(dz, db[l], 0));
            }
            Nd4j.gemm(prev, dz, dW[l], true, false, 1.0, 0.0);
            if (l2 != 0) {
                Nd4j.getBlasWrapper().level1().axpy(w[l].length(), l2 / m, w[l], dW[l]);
            }
            if (l > 1) {
                Nd4j.gemm(dz, w[l], buf.da[l - 1], false, true, 1.0, 0.0);
            }
        }
    }

    /**
     * From dz̃ to dz through z̃ = γ·z_norm + β, z_norm = (z − μ)/√(σ² + ε) with batch μ, σ²:
     * dβ = Σ dz̃, dγ = Σ dz̃·z_norm, dz = γ/√(σ²+ε) · (dz̃ − dβ/m − z_norm·dγ/m).
     */
    private void batchNormBackward(int l, Buffers buf, INDArray dzt, INDArray dz) {
        int m = buf.rows;
        INDArray zn = buf.zNorm[l];
        INDArray tmp = buf.tmp[l];
        Nd4j.exec(new Sum(dzt, dBeta[l], 0));
        tmp.assign(dzt).muli(zn);
        Nd4j.exec(new Sum(tmp, dGamma[l], 0));
        INDArray vec = buf.vec[l];
        // dz = dz̃ − z_norm·(dγ/m) − dβ/m, then · γ/√(σ²+ε)
        vec.assign(dGamma[l]).muli(1.0 / m);
        tmp.assign(zn).muliRowVector(vec);
        dz.assign(dzt).subi(tmp);
        vec.assign(dBeta[l]).muli(1.0 / m);
        dz.subiRowVector(vec);
        vec.assign(gamma[l]).muli(buf.invStd[l]);
        dz.muliRowVector(vec);
    }

    // ------------------------------------------------------------------ input checks and buffers

    private INDArray asDataType(INDArray x) {
        return x.dataType() == dt ? x : x.castTo(dt);
    }

    private Buffers check(INDArray x, int[] labels) {
        if (x.rank() != 2 || x.columns() != units[0]) {
            throw new IllegalArgumentException("inputs must be a matrix of m rows and " + units[0]
                    + " columns, got shape " + java.util.Arrays.toString(x.shape()));
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
        requireFinite(x);
        return buffers((int) rows);
    }

    /** Fails with the position of the first NaN or infinite input. */
    static void requireFinite(INDArray x) {
        double sum = x.sumNumber().doubleValue();
        if (Double.isFinite(sum)) {
            return;
        }
        for (long i = 0; i < x.rows(); i++) {
            INDArray row = x.getRow(i);
            if (Double.isFinite(row.sumNumber().doubleValue())) {
                continue;
            }
            for (long j = 0; j < row.length(); j++) {
                double v = row.getDouble(j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("input row " + i + ", column " + j + " is " + v
                            + "; inputs must be finite numbers");
                }
            }
        }
        // Finite values whose sum overflowed: nothing to reject.
    }

    private Buffers buffers(int rows) {
        return buffersByRows.computeIfAbsent(rows, r -> new Buffers(r, config, dt));
    }

    /** Work arrays for one batch size; index l = 1..L as in the notes. */
    private static final class Buffers {
        final int rows;
        final INDArray[] z;
        final INDArray[] zNorm;
        final INDArray[] zTilde;
        final INDArray[] a;
        final INDArray[] mu;
        final INDArray[] var;
        final INDArray[] invStd;
        final INDArray[] dz;
        final INDArray[] dzTilde;
        final INDArray[] da;
        final INDArray[] tmp;
        final INDArray[] vec;
        final INDArray probs;
        final INDArray logProbs;
        final INDArray logProbsFlat;
        final INDArray oneHot;
        final INDArray oneHotFlat;
        private final double[] oneHotHost;
        private final int classes;

        Buffers(int rows, NetworkConfig config, DataType dt) {
            this.rows = rows;
            int depth = config.depth();
            z = new INDArray[depth + 1];
            zNorm = new INDArray[depth + 1];
            zTilde = new INDArray[depth + 1];
            a = new INDArray[depth + 1];
            mu = new INDArray[depth + 1];
            var = new INDArray[depth + 1];
            invStd = new INDArray[depth + 1];
            dz = new INDArray[depth + 1];
            dzTilde = new INDArray[depth + 1];
            da = new INDArray[depth + 1];
            tmp = new INDArray[depth + 1];
            vec = new INDArray[depth + 1];
            for (int l = 1; l <= depth; l++) {
                int n = config.units(l);
                z[l] = Nd4j.create(dt, rows, n);
                dz[l] = Nd4j.create(dt, rows, n);
                if (l < depth) {
                    a[l] = Nd4j.create(dt, rows, n);
                    da[l] = Nd4j.create(dt, rows, n);
                    dzTilde[l] = Nd4j.create(dt, rows, n);
                    tmp[l] = Nd4j.create(dt, rows, n);
                    if (config.batchNorm(l)) {
                        zNorm[l] = Nd4j.create(dt, rows, n);
                        zTilde[l] = Nd4j.create(dt, rows, n);
                        mu[l] = Nd4j.create(dt, n);
                        var[l] = Nd4j.create(dt, n);
                        invStd[l] = Nd4j.create(dt, n);
                        vec[l] = Nd4j.create(dt, n);
                    } else {
                        zTilde[l] = z[l];
                    }
                }
            }
            classes = config.classes();
            probs = Nd4j.create(dt, rows, classes);
            logProbs = Nd4j.create(dt, rows, classes);
            logProbsFlat = logProbs.reshape(-1);
            oneHot = Nd4j.create(dt, rows, classes);
            oneHotFlat = oneHot.reshape(-1);
            oneHotHost = new double[rows * classes];
        }

        void fillOneHot(int[] labels) {
            java.util.Arrays.fill(oneHotHost, 0.0);
            for (int i = 0; i < labels.length; i++) {
                oneHotHost[i * classes + labels[i]] = 1.0;
            }
            oneHot.data().setData(oneHotHost);
        }
    }
}
