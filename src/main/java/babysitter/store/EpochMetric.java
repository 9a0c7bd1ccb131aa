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
 * @param seconds               duration of the epoch, &gt;= 0 or NaN
 * @param timeMillis            wall-clock time in milliseconds since the epoch, &gt;= 0
 */
public record EpochMetric(int epoch, long step, int branch, double trainCost, double trainAccuracy, double devCost,
                          double devAccuracy, double devCostTrainMode, double devAccuracyTrainMode, double seconds,
                          long timeMillis) {

    public EpochMetric {
        Checks.nonNegative("epoch", epoch);
        Checks.nonNegative("step", step);
        Checks.nonNegative("branch", branch);
        Checks.fractionOrNaN("train accuracy", trainAccuracy);
        Checks.fractionOrNaN("dev accuracy", devAccuracy);
        Checks.fractionOrNaN("dev accuracy (train mode)", devAccuracyTrainMode);
        Checks.nonNegativeOrNaN("seconds", seconds);
        Checks.nonNegative("timeMillis", timeMillis);
    }
}
