package babysitter.engine.optim;

import babysitter.engine.HostIO;
import babysitter.engine.Hyperparameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-parameter optimiser state, laid out like the network's flat parameter vector: v (the
 * exponentially weighted average of dP, used by momentum and Adam), s (of dP², used by RMSprop
 * and Adam) and the step counter t (Adam's bias correction). v and s live on the Java heap, where
 * the fused update loop reads them, in double arrays whose values are kept in the network's
 * precision (rounded to float after each update of a float32 network); {@link #v()} and
 * {@link #s()} hand out copies.
 *
 * <p>The state belongs to one optimiser kind. Switching the kind mid-run resets v, s and t to
 * zero: a momentum run's v fed into Adam with t restarting at 1 would be divided by (1 − β1) and
 * take a step ten times too large, and RMSprop's s is meaningless to momentum.
 */
public final class OptimizerState {
    private OptimizerKind kind;
    private long t;
    private final DataType dataType;
    private final HostIO io = new HostIO();
    private final double[] v;
    private final double[] s;
    private final double[] pHost;
    private final double[] gHost;

    public OptimizerState(OptimizerKind kind, long size, DataType dataType) {
        this.kind = kind;
        this.dataType = dataType;
        int n = Math.toIntExact(size);
        this.v = new double[n];
        this.s = new double[n];
        this.pHost = new double[n];
        this.gHost = new double[n];
    }

    public OptimizerKind kind() {
        return kind;
    }

    /** Number of updates made by the current kind since it was chosen or reset. */
    public long t() {
        return t;
    }

    /** Sets the step counter (used when loading a checkpoint). */
    public void setT(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("optimiser step count must be >= 0, got " + t);
        }
        this.t = t;
    }

    /** Number of entries of v and s (the number of trainable parameters). */
    public long size() {
        return v.length;
    }

    /** A copy of v, flat, in the network's precision. */
    public INDArray v() {
        return Nd4j.create(v.clone(), new long[] {v.length}, dataType);
    }

    /** A copy of s, flat, in the network's precision. */
    public INDArray s() {
        return Nd4j.create(s.clone(), new long[] {s.length}, dataType);
    }

    /** Replaces v by the values of a flat array of the same length. */
    public void setV(INDArray values) {
        copyIn(values, v, "v");
    }

    /** Replaces s by the values of a flat array of the same length. */
    public void setS(INDArray values) {
        copyIn(values, s, "s");
    }

    private void copyIn(INDArray values, double[] target, String name) {
        if (values.length() != target.length) {
            throw new IllegalArgumentException("optimiser state " + name + " must have " + target.length
                    + " entries, got " + values.length());
        }
        INDArray flat = values.isView() || values.ordering() != 'c' ? values.dup('c') : values;
        io.read(flat.reshape(-1), target);
    }

    private static void roundToFloat(double[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) a[i];
        }
    }

    /** Whether this kind of optimiser keeps v. */
    public static boolean usesV(OptimizerKind k) {
        return k == OptimizerKind.MOMENTUM || k == OptimizerKind.ADAM;
    }

    /** Whether this kind of optimiser keeps s. */
    public static boolean usesS(OptimizerKind k) {
        return k == OptimizerKind.RMSPROP || k == OptimizerKind.ADAM;
    }

    /** Makes this the state of {@code newKind}; a different kind starts from zero state. */
    public void switchTo(OptimizerKind newKind) {
        if (newKind == kind) {
            return;
        }
        kind = newKind;
        t = 0;
        java.util.Arrays.fill(v, 0.0);
        java.util.Arrays.fill(s, 0.0);
    }

    /** Overwrites this state with another of the same size (rewind, load). */
    public void copyFrom(OptimizerState other) {
        if (other.v.length != v.length) {
            throw new IllegalArgumentException("optimiser state sizes differ: " + other.v.length + " and " + v.length);
        }
        kind = other.kind;
        t = other.t;
        System.arraycopy(other.v, 0, v, 0, v.length);
        System.arraycopy(other.s, 0, s, 0, s.length);
    }

    /**
     * One update of {@code params} from {@code grads} by the rule {@code hp.optimizer()} (switching
     * to it first, see the class comment), with learning rate {@code alpha}.
     */
    public void apply(INDArray params, INDArray grads, Hyperparameters hp, double alpha) {
        switchTo(hp.optimizer());
        io.read(params, pHost);
        io.read(grads, gHost);
        t++;
        Optimizer.of(kind).update(pHost, gHost, v, s, pHost.length, t, hp, alpha);
        if (dataType == DataType.FLOAT) {
            // The state of a float32 network is float32, as its saved files are: rounding here
            // makes a saved and reloaded run continue bit for bit.
            roundToFloat(v);
            roundToFloat(s);
        }
        io.write(pHost, params);
    }
}
