package babysitter.search;

import babysitter.session.configuration.RunConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One trial to train: a complete run configuration (its name is the run folder's base name).
 *
 * @param trialId  the trial
 * @param config   what to train
 * @param runsRoot where its run folder goes
 * @param epochs   how many epochs
 */
public record TrialTask(int trialId, RunConfig config, Path runsRoot, int epochs) {
    public TrialTask {
        Objects.requireNonNull(config, "config");
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
    }

    /**
     * What an executor reports. Exactly one of {@code onFinished} / {@code onFailed} / {@code onReturned} ends every task
     * that was executed.
     */
    public interface Callback {
        /** An epoch ended; return false to stop this trial now (it then ends with onFinished). */
        boolean onEpoch(int trialId, EpochPoint p, String checkpointId);

        /** The trial's run folder exists and training begins. */
        void onStarted(int trialId, Path runDir);

        /** As {@link #onStarted(int, Path)}, on the cluster member at {@code member} (host:port). */
        default void onStarted(int trialId, Path runDir, String member) {
            onStarted(trialId, runDir);
        }

        /** Trained all epochs, or stopped because onEpoch or {@link #cancelled} said so. */
        void onFinished(int trialId);

        /** Could not train: invalid configuration, diverged (cost NaN/inf), or an error. */
        void onFailed(int trialId, TrialNote why);

        /**
         * The trial was handed back unfinished (the member that trained it left the cluster or shut
         * down): it is pending again and starts from scratch in a fresh run folder. Ends the task
         * like onFinished / onFailed. A local pool never hands a trial back. {@code why} is one of the
         * notes that {@link TrialNote#handsBack() hand a trial back}; another note is taken as the reason in words.
         */
        default void onReturned(int trialId, TrialNote why) {
            onFailed(trialId, why);
        }

        /** Asked between steps: true stops the trial at once (it then ends with onFinished). */
        default boolean cancelled(int trialId) {
            return false;
        }
    }
}
