package babysitter.session;

import babysitter.engine.Hyperparameters;
import java.util.Objects;

/**
 * What a caller can ask of a {@link TrainingSession}. Commands are applied on the training
 * thread at the next mini-batch boundary, in the order they were submitted.
 */
public sealed interface Command {

    /** Start training (from the beginning, or after a pause). */
    record Start() implements Command {
    }

    /** Stop after the current step and wait. */
    record Pause() implements Command {
    }

    /** Go on after a pause or a tripped guard. */
    record Resume() implements Command {
    }

    /** Take exactly one mini-batch step, then stay paused. */
    record Step() implements Command {
    }

    /** Train to the end of the current epoch, then pause. */
    record RunEpoch() implements Command {
    }

    /** End the session: the training thread records a stop and exits. */
    record Stop() implements Command {
    }

    /**
     * Use these hyperparameters from the next step (a new mini-batch size from the next epoch).
     * A change of α or β is preceded by an automatic checkpoint, so that it can be undone.
     */
    record SetHyperparameters(Hyperparameters hyperparameters) implements Command {
        public SetHyperparameters {
            Objects.requireNonNull(hyperparameters, "hyperparameters");
        }
    }

    /** Take a checkpoint now. */
    record TakeCheckpoint() implements Command {
    }

    /** Go back to a checkpoint kept in memory and continue from it as a new branch. */
    record Rewind(String checkpointId) implements Command {
        public Rewind {
            Objects.requireNonNull(checkpointId, "checkpointId");
        }
    }

    /** Switch the automatic rules (guard, reduce on plateau, early stop). */
    record SetRules(Rules rules) implements Command {
        public SetRules {
            Objects.requireNonNull(rules, "rules");
        }
    }

    /**
     * Learning-rate range test: from the current state, {@code steps} steps with α growing
     * exponentially from {@code minAlpha} to {@code maxAlpha}; the cost against α is reported with
     * a suggested α, and the state is restored afterwards.
     */
    record LrRangeTest(double minAlpha, double maxAlpha, int steps) implements Command {
        public LrRangeTest {
            if (!(minAlpha > 0) || !Double.isFinite(minAlpha) || !(maxAlpha > minAlpha) || !Double.isFinite(maxAlpha)) {
                throw new IllegalArgumentException("the range test needs 0 < minimum α < maximum α, finite; got "
                        + minAlpha + " and " + maxAlpha);
            }
            if (steps < 5) {
                throw new IllegalArgumentException("the range test needs at least 5 steps, got " + steps);
            }
        }
    }
}
