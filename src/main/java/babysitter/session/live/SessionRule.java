package babysitter.session.live;

import babysitter.session.training.Trainer;
import babysitter.store.EpochMetric;

/**
 * An automatic rule of a {@link TrainingSession}: it is told, on the training thread, what happens
 * to the run and may act on it through {@link RuleActions}. The divergence guard, reduce-on-plateau
 * and early stop are rules; a new one is a class implementing this and one line in the session's
 * list of rules.
 */
interface SessionRule {

    /** A training step is about to be taken (a rule may still change the hyperparameters it uses). */
    default void beforeStep(RuleActions act) {
    }

    /**
     * A training step was taken ({@code r.cost()} may be NaN or infinite).
     *
     * @return whether the rule halted the session (later rules and the epoch's rules are skipped)
     */
    default boolean afterStep(Trainer.StepResult r, RuleActions act) {
        return false;
    }

    /**
     * An epoch ended and its metrics are known.
     *
     * @param checkpointId the checkpoint the epoch left, or null
     * @return whether the rule halted the session
     */
    default boolean afterEpoch(EpochMetric m, String checkpointId, RuleActions act) {
        return false;
    }

    /** A checkpoint was taken: a rule that must start again from it keeps its state under the id. */
    default void onCheckpoint(String id) {
    }

    /** The run went back to checkpoint {@code id} and goes on as a new branch. */
    default void onRewind(String id) {
    }

    /** The person resumes a session a rule had halted. */
    default void onResume() {
    }
}
