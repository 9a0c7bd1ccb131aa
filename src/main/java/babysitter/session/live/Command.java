package babysitter.session.live;

import babysitter.engine.Hyperparameters;
import babysitter.session.configuration.OptimizerBeta;
import babysitter.session.configuration.Rules;
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

    /** Train {@code epochs} more epochs than planned (a finished run goes on, paused until Resume). */
    record MoreEpochs(int epochs) implements Command {
        public MoreEpochs {
            if (epochs < 1 || epochs > 1_000_000) {
                throw new IllegalArgumentException("more epochs must be from 1 to 1000000, got " + epochs);
            }
        }
    }

    /** Go at this pace while running (see {@link Pace}); recorded as a "pace" event. */
    record SetPace(Pace pace) implements Command {
        public SetPace {
            Objects.requireNonNull(pace, "pace");
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
            if (steps < 5 || steps > babysitter.session.live.LrRangeTest.MAX_STEPS) {
                throw new IllegalArgumentException("the range test needs 5 to " + babysitter.session.live.LrRangeTest.MAX_STEPS
                        + " steps, got " + steps);
            }
        }
    }

    /**
     * "Try siblings": from a checkpoint of the current state, {@code count} copies of the run train
     * {@code epochs} epochs in parallel, each with α = α0·10^U(−alphaDecades, alphaDecades) and
     * 1−β = (1−β0)·10^U(−betaDecades, betaDecades) drawn from {@code seed}, β being the optimiser's
     * ({@link OptimizerBeta}: momentum's β, Adam's β1, RMSprop's β2, none with SGD); sibling 1 keeps
     * α0 and β0 as the control. The main run waits until one is adopted or they are discarded.
     */
    record TrySiblings(int count, int epochs, double alphaDecades, double betaDecades, long seed) implements Command {
        /** The largest number of siblings at once. */
        public static final int MAX_COUNT = 16;
        /** The most epochs siblings train. */
        public static final int MAX_EPOCHS = 100;
        /** The widest window, in decades either side. */
        public static final double MAX_DECADES = 3;

        public TrySiblings {
            if (count < 2 || count > MAX_COUNT) {
                throw new IllegalArgumentException("siblings: the count must be from 2 to " + MAX_COUNT + ", got " + count);
            }
            if (epochs < 1 || epochs > MAX_EPOCHS) {
                throw new IllegalArgumentException("siblings: the epochs must be from 1 to " + MAX_EPOCHS + ", got "
                        + epochs);
            }
            if (!(alphaDecades >= 0 && alphaDecades <= MAX_DECADES)) {
                throw new IllegalArgumentException("siblings: the α window must be from 0 to " + MAX_DECADES
                        + " decades, got " + alphaDecades);
            }
            if (!(betaDecades >= 0 && betaDecades <= MAX_DECADES)) {
                throw new IllegalArgumentException("siblings: the β window must be from 0 to " + MAX_DECADES
                        + " decades of 1−β, got " + betaDecades);
            }
        }
    }

    /** Stops the siblings (if they still train) and forgets them; the main run stays where it was. */
    record CancelSiblings() implements Command {
    }

    /**
     * Adopts sibling {@code index} (from 0): the main run goes back to the siblings' checkpoint as a
     * new branch, takes that sibling's α and β (β1, β2) and trains the same epochs again, which gives the
     * sibling's state bit for bit (and a run that replays).
     */
    record AdoptSibling(int index) implements Command {
        public AdoptSibling {
            if (index < 0) {
                throw new IllegalArgumentException("siblings: the index must be >= 0, got " + index);
            }
        }
    }
}
