package babysitter.engine;

import babysitter.engine.optim.OptimizerKind;
import babysitter.engine.optim.OptimizerState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
    private final Gemm.Operand[] wOp;
    private final Gemm.Operand[] dWOp;
    /** The operand of the last input matrix, kept while that array lives (it is not held here). */
    private java.lang.ref.WeakReference<INDArray> inputKey = new java.lang.ref.WeakReference<>(null);
    private java.lang.ref.WeakReference<org.nd4j.linalg.api.buffer.DataBuffer> inputData =
            new java.lang.ref.WeakReference<>(null);
    private Gemm.Operand inputOp;
    private final ParameterLayout layout;

    private final OptimizerState optimizerState;
    private long steps;
    private int lastBatchCorrect;

    private final Map<Integer, Buffers> buffersByRows = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Buffers> eldest) {
            return size() > MAX_CACHED_BATCH_SHAPES;
        }
    };
    private Buffers last;
    private final HostIO io = new HostIO();

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
        this.wOp = new Gemm.Operand[depth + 1];
        this.dWOp = new Gemm.Operand[depth + 1];
        for (int l = 1; l <= depth; l++) {
            w[l] = layout.view(params, ParameterLayout.Kind.W, l);
            dW[l] = layout.view(grads, ParameterLayout.Kind.W, l);
            wOp[l] = new Gemm.Operand(w[l]);
            dWOp[l] = new Gemm.Operand(dW[l]);
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
        lastBatchCorrect = countCorrect(buf, labels, null);
        if (!Double.isFinite(cost)) {
            // Nothing is updated: the parameters stay those of the last finite cost.
            return cost;
        }
        backward(x, buf, labels, hp.l2());
        optimizerState.apply(params, grads, hp, hp.learningRateAt(epoch));
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
        backward(x, buf, labels, l2);
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
        return matrix(buf.probs, units[depth]);
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
                || java.util.Arrays.stream(confusion).anyMatch(r -> r.length != units[depth]))) {
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
            INDArray part = x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            int[] partLabels = java.util.Arrays.copyOfRange(labels, from, to);
            Buffers buf = check(part, partLabels);
            forward(asDataType(part), buf, mode, false);
            costSum += cost(buf, partLabels, 0.0) * (to - from);
            correct += countCorrect(buf, partLabels, confusion);
        }
        return new Evaluation(costSum / rows, (double) correct / rows, rows);
    }

    /** How many examples of the last training step's batch the network classified right (before the update). */
    public int lastBatchCorrect() {
        return lastBatchCorrect;
    }

    private int countCorrect(Buffers buf, int[] labels, long[][] confusion) {
        int c = units[depth];
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int j = 1; j < c; j++) {
                if (buf.probs[i * c + j] > buf.probs[i * c + best]) {
                    best = j;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
            if (confusion != null) {
                confusion[labels[i]][best]++;
            }
        }
        return correct;
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

    /** z^[l] = a^[l-1]·W^[l] (+ b^[l]) of the last batch (a copy, m × n_l). */
    public INDArray z(int l) {
        return matrix(lastBuffers().z[checkLayer(l)], units[l]);
    }

    /** μ of the last batch (the statistics used: the batch's in TRAIN, the running ones in INFERENCE). */
    public INDArray batchMean(int l) {
        return config.batchNorm(checkLayer(l)) ? vector(lastBuffers().mu[l]) : null;
    }

    /** σ² (biased) of the last batch, as used. */
    public INDArray batchVar(int l) {
        return config.batchNorm(checkLayer(l)) ? vector(lastBuffers().var[l]) : null;
    }

    public INDArray zNorm(int l) {
        return config.batchNorm(checkLayer(l)) ? matrix(lastBuffers().zNorm[l], units[l]) : null;
    }

    /** z̃ = γ·z_norm + β with batch norm, else z. */
    public INDArray zTilde(int l) {
        return matrix(lastBuffers().zTilde[checkLayer(l)], units[l]);
    }

    /** a^[l] = g(z̃^[l]); for l = L the softmax output ŷ. */
    public INDArray activation(int l) {
        checkLayer(l);
        return l == depth ? matrix(lastBuffers().probs, units[l]) : matrix(lastBuffers().a[l], units[l]);
    }

    private INDArray matrix(double[] values, int columns) {
        int rows = lastBuffers().rows;
        double[] copy = java.util.Arrays.copyOf(values, rows * columns);
        return Nd4j.create(copy, new long[] {rows, columns}, dt);
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

    private Buffers lastBuffers() {
        if (last == null) {
            throw new IllegalStateException("the network has not run on a batch yet");
        }
        return last;
    }

    // ------------------------------------------------------------------ forward and backward
    //
    // Matrix products run on OpenBLAS in the network's precision, called directly (Gemm, no ND4J
    // op objects). Everything element-wise (batch norm, activations, softmax, their derivatives)
    // runs as fused loops over double work arrays: one bulk copy in and out per layer instead of a
    // dozen native calls, each of which costs more than the arithmetic at these sizes (see
    // docs/PERFORMANCE.md).

    private void forward(INDArray x, Buffers buf, Mode mode, boolean updateRunning) {
        int m = buf.rows;
        INDArray prev = x;
        Gemm.Operand prevOp = input(x);
        for (int l = 1; l <= depth; l++) {
            int n = units[l];
            Gemm.multiply(prev, prevOp, false, w[l], wOp[l], false, buf.zDev[l], buf.zOp[l]);
            double[] z = buf.z[l];
            io.read(buf.zDev[l], z);
            if (l == 1 && !Kernels.allFinite(z, m * n)) {
                // A NaN or infinite input spreads to its whole row of z: find and name it before
                // anything (running statistics, parameters) has changed.
                requireFinite(x);
            }
            if (l == depth) {
                io.read(b[l], buf.vecA);
                addRowVector(z, buf.vecA, m, n);
                softmax(z, buf.probs, buf.logProbs, m, n);
                break;
            }
            double[] zt = buf.zTilde[l];
            if (config.batchNorm(l)) {
                batchNormForward(l, buf, mode, updateRunning);
            } else {
                io.read(b[l], buf.vecA);
                addRowVector(z, buf.vecA, m, n);
            }
            Kernels.activate(config.hidden().get(l - 1).activation(), zt, buf.a[l], m * n);
            io.write(buf.a[l], buf.aDev[l]);
            prev = buf.aDev[l];
            prevOp = buf.aOp[l];
        }
        last = buf;
    }

    /** The operand of input x: made again for another array, or if x's memory was replaced. */
    private Gemm.Operand input(INDArray x) {
        if (inputKey.get() != x || inputData.get() != x.data()) {
            inputOp = new Gemm.Operand(x);
            inputKey = new java.lang.ref.WeakReference<>(x);
            inputData = new java.lang.ref.WeakReference<>(x.data());
        }
        return inputOp;
    }

    private void batchNormForward(int l, Buffers buf, Mode mode, boolean updateRunning) {
        int m = buf.rows;
        int n = units[l];
        double[] z = buf.z[l];
        double[] mu = buf.mu[l];
        double[] var = buf.var[l];
        if (mode == Mode.TRAIN) {
            Kernels.columnMeanAndVariance(z, m, n, mu, var);
            if (updateRunning) {
                double mom = config.bnMomentum();
                double[] run = buf.vecA;
                io.read(runningMean[l], run);
                for (int j = 0; j < n; j++) {
                    run[j] = mom * run[j] + (1 - mom) * mu[j];
                }
                io.write(run, runningMean[l]);
                io.read(runningVar[l], run);
                RunningVariance convention = config.bnRunningVariance();
                for (int j = 0; j < n; j++) {
                    run[j] = mom * run[j] + (1 - mom) * convention.ofBatch(var[j], m);
                }
                io.write(run, runningVar[l]);
            }
        } else {
            io.read(runningMean[l], mu);
            io.read(runningVar[l], var);
        }
        double[] invStd = buf.invStd[l];
        double eps = config.bnEpsilon();
        for (int j = 0; j < n; j++) {
            invStd[j] = 1.0 / Math.sqrt(var[j] + eps);
        }
        double[] g = buf.vecA;
        double[] be = buf.vecB;
        io.read(gamma[l], g);
        io.read(beta[l], be);
        double[] zn = buf.zNorm[l];
        double[] zt = buf.zTilde[l];
        for (int i = 0, k = 0; i < m; i++) {
            for (int j = 0; j < n; j++, k++) {
                double v = (z[k] - mu[j]) * invStd[j];
                zn[k] = v;
                zt[k] = g[j] * v + be[j];
            }
        }
    }

    private static void addRowVector(double[] z, double[] row, int m, int n) {
        for (int i = 0, k = 0; i < m; i++) {
            for (int j = 0; j < n; j++, k++) {
                z[k] += row[j];
            }
        }
    }

    /** Per row: t = exp(z − max z), ŷ = t / Σt, log ŷ = (z − max z) − log Σt. */
    private static void softmax(double[] z, double[] probs, double[] logProbs, int m, int c) {
        for (int i = 0; i < m; i++) {
            int row = i * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, z[row + j]);
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                double t = Math.exp(z[row + j] - max);
                probs[row + j] = t;
                sum += t;
            }
            double logSum = Math.log(sum);
            for (int j = 0; j < c; j++) {
                probs[row + j] /= sum;
                logProbs[row + j] = z[row + j] - max - logSum;
            }
        }
    }

    private double cost(Buffers buf, int[] labels, double l2) {
        int m = buf.rows;
        int c = units[depth];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            sum += buf.logProbs[i * c + labels[i]];
        }
        double crossEntropy = -sum / m + 0.0; // + 0.0 turns −0.0 (a perfect batch) into 0.0
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

    private void backward(INDArray x, Buffers buf, int[] labels, double l2) {
        int m = buf.rows;
        int c = units[depth];
        // Output layer: dz = (ŷ − y) / m for the mean cost.
        double[] dzOut = buf.dz[depth];
        for (int k = 0; k < m * c; k++) {
            dzOut[k] = buf.probs[k] / m;
        }
        for (int i = 0; i < m; i++) {
            dzOut[i * c + labels[i]] -= 1.0 / m;
        }
        for (int l = depth; l >= 1; l--) {
            int n = units[l];
            INDArray prev = l == 1 ? x : buf.aDev[l - 1];
            Gemm.Operand prevOp = l == 1 ? input(x) : buf.aOp[l - 1];
            double[] dz = buf.dz[l];
            if (l < depth) {
                io.read(buf.daDev[l], buf.da[l]);
                double[] dzt = buf.dzTilde[l];
                Kernels.activationBackward(config.hidden().get(l - 1).activation(), buf.zTilde[l], buf.a[l],
                        buf.da[l], dzt, m * n);
                if (config.batchNorm(l)) {
                    batchNormBackward(l, buf, dzt, dz);
                } else {
                    Kernels.columnSums(dzt, m, n, buf.vecA);
                    io.write(buf.vecA, db[l]);
                    System.arraycopy(dzt, 0, dz, 0, m * n);
                }
            } else {
                Kernels.columnSums(dz, m, n, buf.vecA);
                io.write(buf.vecA, db[l]);
            }
            io.write(dz, buf.dzDev[l]);
            Gemm.multiply(prev, prevOp, true, buf.dzDev[l], buf.dzOp[l], false, dW[l], dWOp[l]);
            if (l2 != 0) {
                Nd4j.getBlasWrapper().level1().axpy(w[l].length(), l2 / m, w[l], dW[l]);
            }
            if (l > 1) {
                Gemm.multiply(buf.dzDev[l], buf.dzOp[l], false, w[l], wOp[l], true,
                        buf.daDev[l - 1], buf.daOp[l - 1]);
            }
        }
    }

    /**
     * From dz̃ to dz through z̃ = γ·z_norm + β, z_norm = (z − μ)/√(σ² + ε) with batch μ, σ²:
     * dβ = Σ dz̃, dγ = Σ dz̃·z_norm, dz = γ/√(σ²+ε) · (dz̃ − dβ/m − z_norm·dγ/m).
     */
    private void batchNormBackward(int l, Buffers buf, double[] dzt, double[] dz) {
        int m = buf.rows;
        int n = units[l];
        double[] zn = buf.zNorm[l];
        double[] dGam = buf.vecA;
        double[] dBet = buf.vecB;
        java.util.Arrays.fill(dGam, 0, n, 0.0);
        java.util.Arrays.fill(dBet, 0, n, 0.0);
        for (int i = 0, k = 0; i < m; i++) {
            for (int j = 0; j < n; j++, k++) {
                dBet[j] += dzt[k];
                dGam[j] += dzt[k] * zn[k];
            }
        }
        io.write(dGam, dGamma[l]);
        io.write(dBet, dBeta[l]);
        double[] scale = buf.vecC;
        double[] g = buf.vecD;
        io.read(gamma[l], g);
        double[] invStd = buf.invStd[l];
        for (int j = 0; j < n; j++) {
            scale[j] = g[j] * invStd[j];
            dGam[j] /= m;
            dBet[j] /= m;
        }
        for (int i = 0, k = 0; i < m; i++) {
            for (int j = 0; j < n; j++, k++) {
                dz[k] = scale[j] * (dzt[k] - dBet[j] - zn[k] * dGam[j]);
            }
        }
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

    /**
     * Work arrays for one batch size; index l = 1..L as in the notes. Host arrays (double) hold
     * the element-wise quantities; device arrays (the network's precision) are the operands and
     * results of the matrix products.
     */
    private static final class Buffers {
        final int rows;
        final double[][] z;
        final double[][] zNorm;
        final double[][] zTilde;
        final double[][] a;
        final double[][] mu;
        final double[][] var;
        final double[][] invStd;
        final double[][] dz;
        final double[][] dzTilde;
        final double[][] da;
        final double[] probs;
        final double[] logProbs;
        final double[] vecA;
        final double[] vecB;
        final double[] vecC;
        final double[] vecD;
        final INDArray[] zDev;
        final INDArray[] aDev;
        final INDArray[] dzDev;
        final INDArray[] daDev;
        final Gemm.Operand[] zOp;
        final Gemm.Operand[] aOp;
        final Gemm.Operand[] dzOp;
        final Gemm.Operand[] daOp;

        Buffers(int rows, NetworkConfig config, DataType dt) {
            this.rows = rows;
            int depth = config.depth();
            z = new double[depth + 1][];
            zNorm = new double[depth + 1][];
            zTilde = new double[depth + 1][];
            a = new double[depth + 1][];
            mu = new double[depth + 1][];
            var = new double[depth + 1][];
            invStd = new double[depth + 1][];
            dz = new double[depth + 1][];
            dzTilde = new double[depth + 1][];
            da = new double[depth + 1][];
            zDev = new INDArray[depth + 1];
            aDev = new INDArray[depth + 1];
            dzDev = new INDArray[depth + 1];
            daDev = new INDArray[depth + 1];
            zOp = new Gemm.Operand[depth + 1];
            aOp = new Gemm.Operand[depth + 1];
            dzOp = new Gemm.Operand[depth + 1];
            daOp = new Gemm.Operand[depth + 1];
            int widest = 0;
            for (int l = 1; l <= depth; l++) {
                int n = config.units(l);
                widest = Math.max(widest, n);
                z[l] = new double[rows * n];
                dz[l] = new double[rows * n];
                zDev[l] = Nd4j.create(dt, rows, n);
                dzDev[l] = Nd4j.create(dt, rows, n);
                zOp[l] = new Gemm.Operand(zDev[l]);
                dzOp[l] = new Gemm.Operand(dzDev[l]);
                if (l < depth) {
                    a[l] = new double[rows * n];
                    da[l] = new double[rows * n];
                    dzTilde[l] = new double[rows * n];
                    aDev[l] = Nd4j.create(dt, rows, n);
                    daDev[l] = Nd4j.create(dt, rows, n);
                    aOp[l] = new Gemm.Operand(aDev[l]);
                    daOp[l] = new Gemm.Operand(daDev[l]);
                    if (config.batchNorm(l)) {
                        zNorm[l] = new double[rows * n];
                        zTilde[l] = new double[rows * n];
                        mu[l] = new double[n];
                        var[l] = new double[n];
                        invStd[l] = new double[n];
                    } else {
                        zTilde[l] = z[l];
                    }
                } else {
                    zTilde[l] = z[l];
                }
            }
            int classes = config.classes();
            probs = new double[rows * classes];
            logProbs = new double[rows * classes];
            vecA = new double[widest];
            vecB = new double[widest];
            vecC = new double[widest];
            vecD = new double[widest];
        }
    }
}
