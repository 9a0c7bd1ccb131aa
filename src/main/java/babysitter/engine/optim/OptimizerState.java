package babysitter.engine.optim;

import babysitter.engine.HostIO;
import babysitter.engine.Hyperparameters;
import babysitter.engine.Lanes;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-parameter optimiser state, laid out like the network's flat parameter vector: v (the
 * exponentially weighted average of dP, used by momentum and Adam), s (of dP², used by RMSprop
 * and Adam) and the step counter t (Adam's bias correction). v and s live on the Java heap, in the
 * network's precision, where the fused update loop reads them; {@link #v()} and {@link #s()}
 * hand out copies.
 *
 * <p>The state belongs to one optimiser kind. Switching the kind mid-run resets v, s and t to
 * zero: a momentum run's v fed into Adam with t restarting at 1 would be divided by (1 − β1) and
 * take a step ten times too large, and RMSprop's s is meaningless to momentum.
 */
public final class OptimizerState {
    private OptimizerKind kind;
    private long t;
    private final DataType dataType;
    private final int size;
    private final HostIO io = new HostIO();
    /** Fewer parameters than this are updated on one thread (a hand-off would cost more than it saves). */
    private static final int MIN_SPLIT = 16_384;
    // float32 networks: state and work arrays in float; float64 networks: in double.
    private final float[] vF;
    private final float[] sF;
    private final float[] pF;
    private final float[] gF;
    private final double[] vD;
    private final double[] sD;
    private final double[] pD;
    private final double[] gD;

    public OptimizerState(OptimizerKind kind, long size, DataType dataType) {
        this.kind = kind;
        this.dataType = dataType;
        this.size = Math.toIntExact(size);
        boolean f = dataType == DataType.FLOAT;
        if (!f && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("optimiser state must be float32 or float64, got " + dataType);
        }
        vF = f ? new float[this.size] : null;
        sF = f ? new float[this.size] : null;
        pF = f ? new float[this.size] : null;
        gF = f ? new float[this.size] : null;
        vD = f ? null : new double[this.size];
        sD = f ? null : new double[this.size];
        pD = f ? null : new double[this.size];
        gD = f ? null : new double[this.size];
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
        return size;
    }

    /** A copy of v, flat, in the network's precision. */
    public INDArray v() {
        return export(vF, vD);
    }

    /** A copy of s, flat, in the network's precision. */
    public INDArray s() {
        return export(sF, sD);
    }

    private INDArray export(float[] f, double[] d) {
        return f != null ? Nd4j.create(f.clone(), new long[] {size}, 'c') : Nd4j.create(d.clone(), new long[] {size}, DataType.DOUBLE);
    }

    /** Replaces v by the values of a flat array of the same length. */
    public void setV(INDArray values) {
        copyIn(values, vF, vD, "v");
    }

    /** Replaces s by the values of a flat array of the same length. */
    public void setS(INDArray values) {
        copyIn(values, sF, sD, "s");
    }

    private void copyIn(INDArray values, float[] f, double[] d, String name) {
        if (values.length() != size) {
            throw new IllegalArgumentException("optimiser state " + name + " must have " + size
                    + " entries, got " + values.length());
        }
        INDArray flat = (values.isView() || values.ordering() != 'c' ? values.dup('c') : values).reshape(-1);
        if (f != null) {
            HostIO.readFloats(flat.dataType() == DataType.FLOAT ? flat : flat.castTo(DataType.FLOAT), f);
        } else {
            io.read(flat, d);
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
        if (vF != null) {
            Arrays.fill(vF, 0f);
            Arrays.fill(sF, 0f);
        } else {
            Arrays.fill(vD, 0.0);
            Arrays.fill(sD, 0.0);
        }
    }

    /** Overwrites this state with another of the same size and precision (rewind). */
    public void copyFrom(OptimizerState other) {
        if (other.size != size || other.dataType != dataType) {
            throw new IllegalArgumentException("optimiser states differ: " + other.size + " " + other.dataType
                    + " and " + size + " " + dataType);
        }
        kind = other.kind;
        t = other.t;
        if (vF != null) {
            System.arraycopy(other.vF, 0, vF, 0, size);
            System.arraycopy(other.sF, 0, sF, 0, size);
        } else {
            System.arraycopy(other.vD, 0, vD, 0, size);
            System.arraycopy(other.sD, 0, sD, 0, size);
        }
    }

    /**
     * One update of {@code params} from {@code grads} by the rule {@code hp.optimizer()} (switching
     * to it first, see the class comment), with learning rate {@code alpha}.
     */
    public void apply(INDArray params, INDArray grads, Hyperparameters hp, double alpha) {
        apply(params, grads, hp, alpha, 1);
    }

    /**
     * As {@link #apply(INDArray, INDArray, Hyperparameters, double)}, the parameters split into
     * {@code parts} ranges updated at once ({@link Lanes}); each parameter's update is the same
     * whichever range it falls in.
     */
    public void apply(INDArray params, INDArray grads, Hyperparameters hp, double alpha, int parts) {
        switchTo(hp.optimizer());
        t++;
        Optimizer rule = Optimizer.of(kind);
        long step = t;
        int blocks = size < MIN_SPLIT ? 1 : parts;
        Lanes.shared().run(blocks, part -> {
            int from = (int) ((long) size * part / blocks);
            int to = (int) ((long) size * (part + 1) / blocks);
            if (vF != null) {
                HostIO.readFloats(params, from, to, pF);
                HostIO.readFloats(grads, from, to, gF);
                rule.update(pF, gF, vF, sF, from, to, step, hp, alpha);
                HostIO.writeFloats(pF, from, to, params);
            } else {
                HostIO.readDoubles(params, from, to, pD);
                HostIO.readDoubles(grads, from, to, gD);
                rule.update(pD, gD, vD, sD, from, to, step, hp, alpha);
                HostIO.writeDoubles(pD, from, to, params);
            }
        });
    }
}
