package babysitter.store;

/**
 * What one training step measured. Stored as a line of {@code metrics.jsonl} with
 * {@code "type":"step"}.
 *
 * @param step             global step number (mini-batches trained on this run), &gt;= 0
 * @param epoch            epoch the step belongs to, &gt;= 0
 * @param branch           branch of the run (a rewind starts a new one), &gt;= 0
 * @param cost             the mini-batch cost; any value, NaN and infinities included (a diverging run)
 * @param learningRate     the learning rate used by the step, finite and &gt;= 0
 * @param momentum         the momentum (β or β1) used by the step, in [0, 1), or NaN if none applies
 * @param samplesPerSecond training throughput, &gt;= 0 (infinity allowed) or NaN if unknown
 * @param timeMillis       wall-clock time of the step in milliseconds since the epoch, &gt;= 0
 * @param elapsedSeconds   seconds of training in the run after the step, time spent paused or held back by the pace left out
 *                         (the x of a chart in seconds); &gt;= 0, or NaN if unknown
 */
public record StepMetric(long step, int epoch, int branch, double cost, double learningRate, double momentum,
                         double samplesPerSecond, long timeMillis, double elapsedSeconds) {

    /** A step measured without the run's elapsed seconds (NaN). */
    public StepMetric(long step, int epoch, int branch, double cost, double learningRate, double momentum,
                      double samplesPerSecond, long timeMillis) {
        this(step, epoch, branch, cost, learningRate, momentum, samplesPerSecond, timeMillis, Double.NaN);
    }

    public StepMetric {
        Checks.nonNegative("step", step);
        Checks.nonNegative("epoch", epoch);
        Checks.nonNegative("branch", branch);
        if (!(learningRate >= 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number >= 0, got " + learningRate);
        }
        if (!Double.isNaN(momentum) && !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1) or NaN, got " + momentum);
        }
        Checks.nonNegativeOrNaN("samples per second", samplesPerSecond);
        Checks.nonNegative("timeMillis", timeMillis);
        Checks.nonNegativeOrNaN("elapsed seconds", elapsedSeconds);
    }
}
