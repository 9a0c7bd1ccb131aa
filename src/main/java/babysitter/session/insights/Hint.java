package babysitter.session.insights;

/**
 * One piece of advice of {@link Hints}: what it saw, as numbers. The reader (the window) says it
 * in its own language; each record names the numbers its sentence needs.
 */
public sealed interface Hint {

    /** The training cost moved by {@code change} (a fraction) in {@code epochs} epochs while the largest gradient norm is {@code gradient}. */
    record Plateau(double change, int epochs, double gradient) implements Hint {
    }

    /** Layer {@code layer}'s update-to-weight ratio ‖ΔW‖/‖W‖ is {@code ratio}, well above the usual 1e-3. */
    record LargeUpdates(int layer, double ratio) implements Hint {
    }

    /** A share (from 0 to 1) of layer {@code layer}'s ReLU units output nothing for the whole batch. */
    record DeadUnits(int layer, double share) implements Hint {
    }

    /** A share (from 0 to 1) of layer {@code layer}'s tanh or sigmoid units are saturated. */
    record Saturated(int layer, double share) implements Hint {
    }

    /**
     * High variance: the dev cost rose from {@code lowDevCost} after epoch {@code lowEpoch} (counted
     * from 1) to {@code devCost} while the training cost fell from {@code lowTrainCost} to {@code trainCost}.
     */
    record Overfitting(double lowDevCost, int lowEpoch, double devCost, double lowTrainCost, double trainCost)
            implements Hint {
    }

    /** The dev accuracy with the running statistics and with batch statistics differ: batch norm's statistics are noisy. */
    record BatchNormGap(double devAccuracy, double devAccuracyBatchStatistics) implements Hint {
    }
}
