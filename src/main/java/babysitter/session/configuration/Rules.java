package babysitter.session.configuration;

/**
 * The automatic rules a person can switch on and off while training. Each records an event when
 * it acts (the guard's at the step whose cost was bad).
 *
 * <p>After every rewind (by hand, by the guard, by early stop, to adopt a sibling) the guard starts
 * afresh on the new branch (warm-up, best and smoothing), and reduce-on-plateau and early stop take
 * back their state as it was at the checkpoint gone back to (the best epoch cost and its checkpoint,
 * the epochs since), so a rewind to an earlier, worse checkpoint does not stop the run at once.
 *
 * @param guard              pause when the cost is NaN or infinite, or when the step cost smoothed
 *                           over about ten steps rises above {@code guardFactor} times its best so
 *                           far on this branch (after {@code guardWarmupSteps} steps)
 * @param guardFactor        the multiple of the best cost that trips the guard, &gt; 1
 * @param guardWarmupSteps   steps of a branch before the multiple is checked (NaN is always checked)
 * @param guardAutoRewind    when the guard trips, rewind to the last good checkpoint, halve α and go on
 * @param reduceOnPlateau    multiply α by {@code plateauFactor} when the dev cost (the training cost
 *                           without a dev part) has not improved for {@code plateauPatience} epochs
 * @param plateauPatience    epochs without improvement, at least 1
 * @param plateauFactor      in (0, 1)
 * @param earlyStop          stop when the dev cost has not improved for {@code earlyStopPatience}
 *                           epochs, going back to the best epoch's checkpoint
 * @param earlyStopPatience  epochs without improvement, at least 1
 */
public record Rules(boolean guard, double guardFactor, int guardWarmupSteps, boolean guardAutoRewind,
                    boolean reduceOnPlateau, int plateauPatience, double plateauFactor,
                    boolean earlyStop, int earlyStopPatience) {

    /** Guard on (factor 10, 20 warm-up steps, no automatic rewind); the other rules off. */
    public static final Rules DEFAULTS = new Rules(true, 10, 20, false, false, 3, 0.5, false, 5);

    public Rules {
        if (!(guardFactor > 1) || !Double.isFinite(guardFactor)) {
            throw new IllegalArgumentException("guard factor must be a finite number > 1, got " + guardFactor);
        }
        if (guardWarmupSteps < 0) {
            throw new IllegalArgumentException("guard warm-up must be >= 0 steps, got " + guardWarmupSteps);
        }
        if (plateauPatience < 1) {
            throw new IllegalArgumentException("plateau patience must be at least 1 epoch, got " + plateauPatience);
        }
        if (!(plateauFactor > 0 && plateauFactor < 1)) {
            throw new IllegalArgumentException("plateau factor must be in (0, 1), got " + plateauFactor);
        }
        if (earlyStopPatience < 1) {
            throw new IllegalArgumentException("early-stop patience must be at least 1 epoch, got " + earlyStopPatience);
        }
    }

    public Rules withGuard(boolean on, boolean autoRewind) {
        return new Rules(on, guardFactor, guardWarmupSteps, autoRewind, reduceOnPlateau, plateauPatience,
                plateauFactor, earlyStop, earlyStopPatience);
    }

    public Rules withReduceOnPlateau(boolean on, int patience, double factor) {
        return new Rules(guard, guardFactor, guardWarmupSteps, guardAutoRewind, on, patience, factor, earlyStop,
                earlyStopPatience);
    }

    public Rules withEarlyStop(boolean on, int patience) {
        return new Rules(guard, guardFactor, guardWarmupSteps, guardAutoRewind, reduceOnPlateau, plateauPatience,
                plateauFactor, on, patience);
    }
}
