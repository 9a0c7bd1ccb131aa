package babysitter.search;

/**
 * One finished epoch of a trial.
 *
 * @param epoch       epochs finished, from 1
 * @param trainCost   mean training cost of the epoch
 * @param devCost     dev cost (inference mode), NaN without a dev part
 * @param devAccuracy dev accuracy (inference mode), NaN without a dev part
 * @param seconds     duration of the epoch
 */
public record EpochPoint(int epoch, double trainCost, double devCost, double devAccuracy, double seconds) {
    public EpochPoint {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch must be at least 1, got " + epoch);
        }
    }
}
