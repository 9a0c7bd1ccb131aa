package babysitter.store;

/**
 * What the end of an epoch measured, on the training set and on the dev set (with batch norm in
 * inference mode, and again in training mode). Stored as a line of {@code metrics.jsonl} with
 * {@code "type":"epoch"}. A value that was not measured is NaN; NaN and infinities survive the round
 * trip through the file (they are written as the strings {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"}).
 *
 * @param epoch                 the epoch that ended, &gt;= 0
 * @param step                  global step number at the end of the epoch, &gt;= 0
 * @param branch                branch of the run, &gt;= 0
 * @param trainCost             cost on the training set; any value
 * @param trainAccuracy         accuracy on the training set, in [0, 1] or NaN
 * @param devCost               cost on the dev set (inference mode); any value
 * @param devAccuracy           accuracy on the dev set (inference mode), in [0, 1] or NaN
 * @param devCostTrainMode      cost on the dev set with batch statistics; any value
 * @param devAccuracyTrainMode  accuracy on the dev set with batch statistics, in [0, 1] or NaN
 * @param seconds               seconds spent in the epoch's training steps alone, &gt;= 0 or NaN
 * @param timeMillis            wall-clock time in milliseconds since the epoch, &gt;= 0
 * @param wallSeconds           wall-clock seconds of training since the previous epoch's metrics were
 *                              taken: this epoch's steps and evaluation, and the previous epoch's
 *                              insights and checkpoint; &gt;= 0, or NaN in runs recorded without it
 * @param elapsedSeconds        seconds of training in the run when the epoch ended, time spent paused or held back by the pace
 *                              left out (the x of a chart in seconds); &gt;= 0, or NaN if unknown
 */
public record EpochMetric(int epoch, long step, int branch, double trainCost, double trainAccuracy, double devCost,
                          double devAccuracy, double devCostTrainMode, double devAccuracyTrainMode, double seconds,
                          long timeMillis, double wallSeconds, double elapsedSeconds) {

    /** An epoch measured without wall-clock figures (NaN). */
    public EpochMetric(int epoch, long step, int branch, double trainCost, double trainAccuracy, double devCost,
                       double devAccuracy, double devCostTrainMode, double devAccuracyTrainMode, double seconds,
                       long timeMillis) {
        this(epoch, step, branch, trainCost, trainAccuracy, devCost, devAccuracy, devCostTrainMode,
                devAccuracyTrainMode, seconds, timeMillis, Double.NaN, Double.NaN);
    }

    public EpochMetric {
        Checks.nonNegative("epoch", epoch);
        Checks.nonNegative("step", step);
        Checks.nonNegative("branch", branch);
        Checks.fractionOrNaN("train accuracy", trainAccuracy);
        Checks.fractionOrNaN("dev accuracy", devAccuracy);
        Checks.fractionOrNaN("dev accuracy (train mode)", devAccuracyTrainMode);
        Checks.nonNegativeOrNaN("seconds", seconds);
        Checks.nonNegative("timeMillis", timeMillis);
        Checks.nonNegativeOrNaN("wall seconds", wallSeconds);
        Checks.nonNegativeOrNaN("elapsed seconds", elapsedSeconds);
    }

    /** This epoch with {@code seconds} as its elapsed seconds (a run recorded before they were). */
    public EpochMetric withElapsedSeconds(double seconds) {
        return new EpochMetric(epoch, step, branch, trainCost, trainAccuracy, devCost, devAccuracy, devCostTrainMode,
                devAccuracyTrainMode, this.seconds, timeMillis, wallSeconds, seconds);
    }
}
