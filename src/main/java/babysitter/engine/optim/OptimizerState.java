package babysitter.engine.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-parameter optimiser state, laid out like the network's flat parameter vector: v (the
 * exponentially weighted average of dP, used by momentum and Adam), s (of dP², used by RMSprop
 * and Adam) and the step counter t (Adam's bias correction).
 *
 * <p>The state belongs to one optimiser kind. Switching the kind mid-run resets v, s and t to
 * zero: a momentum run's v fed into Adam with t restarting at 1 would be divided by (1 − β1) and
 * take a step ten times too large, and RMSprop's s is meaningless to momentum.
 */
public final class OptimizerState {
    private OptimizerKind kind;
    private long t;
    private final INDArray v;
    private final INDArray s;
    private final INDArray scratch;

    public OptimizerState(OptimizerKind kind, long size, DataType dataType) {
        this.kind = kind;
        this.v = Nd4j.zeros(dataType, size);
        this.s = Nd4j.zeros(dataType, size);
        this.scratch = Nd4j.zeros(dataType, size);
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

    long nextT() {
        return ++t;
    }

    /** v, flat; a view of it per parameter is obtained with the network's layout. */
    public INDArray v() {
        return v;
    }

    /** s, flat. */
    public INDArray s() {
        return s;
    }

    INDArray scratch() {
        return scratch;
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
        v.assign(0);
        s.assign(0);
    }

    /** Overwrites this state with another of the same size (rewind, load). */
    public void copyFrom(OptimizerState other) {
        kind = other.kind;
        t = other.t;
        v.assign(other.v);
        s.assign(other.s);
    }
}
