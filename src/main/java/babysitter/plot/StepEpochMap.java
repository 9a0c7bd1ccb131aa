package babysitter.plot;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a step lies on an epoch axis, from the recorded ends of epochs (step, epoch) of each
 * branch. The number of steps in an epoch changes with the mini-batch size, so dividing a step by
 * the current steps per epoch puts an early event at the wrong epoch; this map interpolates between
 * the recorded epoch ends instead, and extrapolates past the last one with the current steps per
 * epoch (the epoch under way).
 */
public final class StepEpochMap {
    private final Map<Integer, Ends> branches = new TreeMap<>();

    /** The end of {@code epoch} (epochs counted from 1) on {@code branch} was at {@code step}. */
    public void add(int branch, long step, double epoch) {
        branches.computeIfAbsent(branch, b -> new Ends()).add(step, epoch);
    }

    /** Forgets every branch. */
    public void clear() {
        branches.clear();
    }

    /**
     * The epoch x of {@code step} on {@code branch}: between two recorded ends, linear in steps;
     * after the last, {@code stepsPerEpochNow} steps per epoch. A step before the branch's first
     * recorded end (a branch made by a rewind) is looked up on the other branches that recorded it.
     */
    public double epochAt(int branch, long step, int stepsPerEpochNow) {
        int perEpoch = Math.max(1, stepsPerEpochNow);
        Ends own = branches.get(branch);
        if (own != null && own.covers(step)) {
            return own.interpolate(step);
        }
        boolean beforeOwn = own == null || own.size == 0 || step < own.steps[0];
        for (Ends other : branches.values()) {
            if (beforeOwn && other != own && other.covers(step)) {
                return other.interpolate(step);
            }
        }
        Ends base = own != null ? own : latestBefore(step);
        if (base == null) {
            return step / (double) perEpoch;
        }
        if (step < base.steps[0]) {
            double length = base.size >= 2 ? base.steps[1] - base.steps[0] : perEpoch;
            return base.epochs[0] - (base.steps[0] - step) / length;
        }
        return base.epochs[base.size - 1] + (step - base.steps[base.size - 1]) / (double) perEpoch;
    }

    /**
     * {@link #epochAt(int, long, int)} with the branch's own last epoch length (in steps) for the
     * steps past its last recorded end: for a finished run, where no current value exists.
     */
    public double epochAt(int branch, long step) {
        Ends own = branches.get(branch);
        int perEpoch = 1;
        if (own != null && own.size >= 2) {
            perEpoch = (int) Math.max(1, own.steps[own.size - 1] - own.steps[own.size - 2]);
        } else if (own != null && own.size == 1 && own.epochs[0] > 0) {
            perEpoch = (int) Math.max(1, Math.round(own.steps[0] / own.epochs[0]));
        }
        return epochAt(branch, step, perEpoch);
    }

    /** The branch whose last recorded end is the latest one at or before {@code step}. */
    private Ends latestBefore(long step) {
        Ends best = null;
        for (Ends e : branches.values()) {
            if (e.size > 0 && e.steps[e.size - 1] <= step && (best == null || e.steps[e.size - 1] > best.steps[best.size - 1])) {
                best = e;
            }
        }
        if (best == null) {
            for (Ends e : branches.values()) {
                return e.size > 0 ? e : null;
            }
        }
        return best;
    }

    /** One branch's epoch ends, in step order. */
    private static final class Ends {
        long[] steps = new long[16];
        double[] epochs = new double[16];
        int size;

        void add(long step, double epoch) {
            if (size > 0 && step <= steps[size - 1]) {
                return; // an end already recorded
            }
            if (size == steps.length) {
                steps = Arrays.copyOf(steps, size * 2);
                epochs = Arrays.copyOf(epochs, size * 2);
            }
            steps[size] = step;
            epochs[size] = epoch;
            size++;
        }

        boolean covers(long step) {
            return size > 0 && step >= steps[0] && step <= steps[size - 1];
        }

        double interpolate(long step) {
            int i = Arrays.binarySearch(steps, 0, size, step);
            if (i >= 0) {
                return epochs[i];
            }
            int hi = -i - 1;
            int lo = hi - 1;
            return epochs[lo] + (step - steps[lo]) / (double) (steps[hi] - steps[lo]) * (epochs[hi] - epochs[lo]);
        }
    }
}
