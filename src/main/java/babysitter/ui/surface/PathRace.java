package babysitter.ui.surface;

import babysitter.engine.Hyperparameters;
import babysitter.engine.optim.Optimizer;
import babysitter.engine.optim.OptimizerKind;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * SGD, momentum, RMSprop and Adam stepping in lockstep from one start point on a {@link Surface},
 * each with the engine's own update rule ({@link Optimizer#of}) applied to the two coordinates.
 * Each path (start point included) is kept in growable arrays. A path whose point stops being
 * finite stops there. Not thread-safe; toolkit-free.
 */
public final class PathRace {
    /** The racers, in drawing and legend order. */
    public static final List<OptimizerKind> KINDS = List.of(OptimizerKind.values());

    private final Surface surface;
    private final Lane[] lanes = new Lane[KINDS.size()];
    private Hyperparameters hp;
    private double startX;
    private double startY;

    public PathRace(Surface surface, Hyperparameters hp, double startX, double startY) {
        this.surface = Objects.requireNonNull(surface, "surface");
        this.hp = Objects.requireNonNull(hp, "hyperparameters");
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(KINDS.get(i));
        }
        setStart(startX, startY);
    }

    public Surface surface() {
        return surface;
    }

    public Hyperparameters hyperparameters() {
        return hp;
    }

    /** New α, β, β1, β2, ε take effect from the next step; the paths so far are kept. */
    public void setHyperparameters(Hyperparameters hp) {
        this.hp = Objects.requireNonNull(hp, "hyperparameters");
    }

    public double startX() {
        return startX;
    }

    public double startY() {
        return startY;
    }

    /** Moves the start point and resets the race. */
    public void setStart(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("start point must be finite, got (" + x + ", " + y + ")");
        }
        startX = x;
        startY = y;
        reset();
    }

    /** Puts every racer back at the start with zero v, s and t. */
    public void reset() {
        for (Lane lane : lanes) {
            lane.reset(startX, startY);
        }
    }

    /** One update of every racer (a stopped racer stays where it is). */
    public void step() {
        for (Lane lane : lanes) {
            lane.step();
        }
    }

    /** Number of points of the racer's path: 1 + its steps. */
    public int pointCount(OptimizerKind kind) {
        return lane(kind).size;
    }

    /** Number of updates made by the racer. */
    public long steps(OptimizerKind kind) {
        return lane(kind).t;
    }

    /** Whether the racer stopped because its point became infinite or NaN. */
    public boolean diverged(OptimizerKind kind) {
        return lane(kind).diverged;
    }

    public double x(OptimizerKind kind, int i) {
        return lane(kind).coordinate(lane(kind).xs, i);
    }

    public double y(OptimizerKind kind, int i) {
        return lane(kind).coordinate(lane(kind).ys, i);
    }

    public double currentX(OptimizerKind kind) {
        return lane(kind).p[0];
    }

    public double currentY(OptimizerKind kind) {
        return lane(kind).p[1];
    }

    /** f at the racer's current point. */
    public double value(OptimizerKind kind) {
        Lane lane = lane(kind);
        return surface.value(lane.p[0], lane.p[1]);
    }

    private Lane lane(OptimizerKind kind) {
        return lanes[kind.ordinal()];
    }

    private final class Lane {
        final Optimizer rule;
        final double[] p = new double[2];
        final double[] g = new double[2];
        final double[] v = new double[2];
        final double[] s = new double[2];
        double[] xs = new double[64];
        double[] ys = new double[64];
        int size;
        long t;
        boolean diverged;

        Lane(OptimizerKind kind) {
            rule = Optimizer.of(kind);
        }

        void reset(double x, double y) {
            p[0] = x;
            p[1] = y;
            v[0] = v[1] = s[0] = s[1] = 0;
            t = 0;
            size = 0;
            diverged = false;
            append();
        }

        void step() {
            if (diverged) {
                return;
            }
            surface.gradient(p[0], p[1], g);
            t++;
            rule.update(p, g, v, s, 0, 2, t, hp, hp.learningRate());
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                diverged = true;
                t--;
                p[0] = xs[size - 1];
                p[1] = ys[size - 1];
                return;
            }
            append();
        }

        void append() {
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
            }
            xs[size] = p[0];
            ys[size] = p[1];
            size++;
        }

        double coordinate(double[] a, int i) {
            Objects.checkIndex(i, size);
            return a[i];
        }
    }
}
