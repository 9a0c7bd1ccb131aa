package babysitter.store;

import babysitter.engine.Hyperparameters;
import java.util.List;
import java.util.Objects;

/**
 * What happened to a run, one record per kind. {@link EventCodec} turns each into the
 * {@code "kind"} and {@code "details"} of a line of {@code events.jsonl} and back; a kind this
 * program does not know (written by a newer one) reads as {@link Other}.
 */
public sealed interface Event {

    /** The name of the kind in {@code events.jsonl} ("checkpoint", "rewind", …). */
    String kind();

    /** A run began with {@code epochs} epochs to train. */
    record Start(int epochs) implements Event {
        public String kind() {
            return "start";
        }
    }

    /** The run's files were closed; {@code finished} when every epoch was done. */
    record Stop(boolean finished) implements Event {
        public String kind() {
            return "stop";
        }
    }

    /** Training was paused (by a person, the pace or the siblings). */
    record Pause() implements Event {
        public String kind() {
            return "pause";
        }
    }

    /** Training went on after a pause or the guard. */
    record Resume() implements Event {
        public String kind() {
            return "resume";
        }
    }

    /** The run got {@code added} more epochs, {@code epochs} in all. */
    record MoreEpochs(int added, int epochs) implements Event {
        public String kind() {
            return "more-epochs";
        }
    }

    /**
     * The hyperparameters changed from the next step on.
     *
     * @param source                      who changed them: "user", "plateau", "guard", "schedule", "replay", …
     * @param batchSizeTakesEffectAtEpoch the epoch a new mini-batch size starts with, or −1 when it did not change
     */
    record HyperparametersChanged(Hyperparameters from, Hyperparameters to, String source,
                                  int batchSizeTakesEffectAtEpoch) implements Event {
        public HyperparametersChanged {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(source, "source");
        }

        public String kind() {
            return "hyperparameters";
        }
    }

    /**
     * A checkpoint was taken.
     *
     * @param source why: {@link #EPOCH} at an epoch's end, {@link #AUTO} before a change, {@link #USER}, "siblings", …
     */
    record CheckpointTaken(String id, String source) implements Event {
        public static final String EPOCH = "epoch";
        public static final String AUTO = "auto";
        public static final String USER = "user";

        public CheckpointTaken {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
        }

        public String kind() {
            return "checkpoint";
        }

        /** Whether it is the checkpoint every epoch ends with (not one taken for a reason). */
        public boolean atEpochEnd() {
            return source.equals(EPOCH);
        }
    }

    /**
     * Training went back to checkpoint {@code to} as the new branch {@code branch}; it left branch
     * {@code fromBranch} at step {@code fromStep} (epoch {@code fromEpoch}).
     *
     * @param fromDisk whether the checkpoint was read from disk (continuing a recorded run)
     */
    record Rewind(String to, long fromStep, int fromEpoch, int fromBranch, int branch, boolean fromDisk)
            implements Event {
        public Rewind {
            Objects.requireNonNull(to, "to");
        }

        public String kind() {
            return "rewind";
        }
    }

    /**
     * The divergence guard stopped training.
     *
     * @param reason     why, in English: what {@code events.jsonl} records
     * @param lastGood   the last checkpoint before the trouble, or null when there is none
     * @param autoRewind whether the guard goes back there by itself
     * @param why        the reason as numbers when the guard made this event, null when it was read
     *                   from a file (see {@link GuardReason#of})
     */
    record GuardTripped(String reason, String lastGood, boolean autoRewind, GuardReason why) implements Event {
        public GuardTripped {
            Objects.requireNonNull(reason, "reason");
            if (why != null && !why.english().equals(reason)) {
                throw new IllegalArgumentException("the reason '" + reason + "' must be the text of " + why);
            }
        }

        /** An event with the recorded text of its reason alone (as read from a file). */
        public GuardTripped(String reason, String lastGood, boolean autoRewind) {
            this(reason, lastGood, autoRewind, null);
        }

        /** An event made by the guard: the recorded text is the reason's English. */
        public GuardTripped(GuardReason why, String lastGood, boolean autoRewind) {
            this(why.english(), lastGood, autoRewind, why);
        }

        public String kind() {
            return "guard";
        }
    }

    /** Early stopping ended training and goes back to the best checkpoint. */
    record EarlyStop(String best, double bestCost, int patience) implements Event {
        public EarlyStop {
            Objects.requireNonNull(best, "best");
        }

        public String kind() {
            return "early-stop";
        }
    }

    /** The automatic rules were switched on or off. */
    record RulesSet(boolean guard, boolean guardAutoRewind, boolean reduceOnPlateau, boolean earlyStop)
            implements Event {
        public String kind() {
            return "rules";
        }
    }

    /**
     * The pace of training was set.
     *
     * @param pace            the pace as the person read it ("5 epochs/s")
     * @param epochsPerSecond its epochs a second, −1 for as fast as possible
     */
    record PaceSet(String pace, double epochsPerSecond) implements Event {
        public PaceSet {
            Objects.requireNonNull(pace, "pace");
        }

        public String kind() {
            return "pace";
        }
    }

    /** A learning-rate range test ran {@code steps} steps; {@code suggested} is NaN without a clear descent. */
    record RangeTest(double minAlpha, double maxAlpha, int steps, double suggested) implements Event {
        public String kind() {
            return "lr-range-test";
        }
    }

    /**
     * "Try siblings" started from {@code checkpoint}: {@code count} copies for {@code epochs} epochs.
     *
     * @param varied the β the siblings vary ("momentum", "beta1", "beta2") or "none"
     * @param betas  one per sibling, empty when no β varies
     */
    record SiblingsStarted(String checkpoint, int count, int epochs, double alphaDecades, double betaDecades,
                           long seed, int threads, String varied, List<Double> alphas, List<Double> betas)
            implements Event {
        public SiblingsStarted {
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(varied, "varied");
            alphas = List.copyOf(alphas);
            betas = List.copyOf(betas);
        }

        public String kind() {
            return "siblings";
        }
    }

    /**
     * Sibling {@code index} (from 0) was adopted after {@code epochs} epochs.
     *
     * @param beta     its varied β, NaN when none varied
     * @param betaName the name of that β ("momentum", "beta1", "beta2"), or null
     */
    record SiblingsAdopted(String checkpoint, int index, double alpha, double beta, String betaName, int epochs)
            implements Event {
        public SiblingsAdopted {
            Objects.requireNonNull(checkpoint, "checkpoint");
        }

        public String kind() {
            return "siblings-adopted";
        }
    }

    /** The siblings were discarded ({@code reason}: "cancel", "stop", …). */
    record SiblingsDiscarded(String checkpoint, String reason) implements Event {
        public SiblingsDiscarded {
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(reason, "reason");
        }

        public String kind() {
            return "siblings-discarded";
        }
    }

    /** Something failed in the session; shown, never recorded. {@code values} as {@link SessionProblem} says. */
    record Failure(SessionProblem problem, List<String> values) implements Event {
        public Failure {
            Objects.requireNonNull(problem, "problem");
            values = List.copyOf(values);
            if (values.size() != problem.arity()) {
                throw new IllegalArgumentException(problem + " takes " + problem.arity() + " values, got " + values);
            }
        }

        /** A failure said in words only. */
        public Failure(String message) {
            this(SessionProblem.TEXT, List.of(Objects.requireNonNull(message, "message")));
        }

        /** A failure of a kind with its values. */
        public Failure(SessionProblem problem, String... values) {
            this(problem, List.of(values));
        }

        /** The sentence in English. */
        public String message() {
            return problem.english(values);
        }

        public String kind() {
            return "error";
        }
    }

    /**
     * An event this program cannot read as one of the records above: a kind it does not know (from
     * a newer program), or a known kind whose details are damaged. It is kept, not dropped.
     *
     * @param details the recorded details as compact JSON text
     * @param problem why a known kind could not be read, or null for an unknown kind
     */
    record Other(String kind, String details, String problem) implements Event {
        public Other {
            Objects.requireNonNull(kind, "kind");
            if (kind.isBlank()) {
                throw new IllegalArgumentException("event kind must not be blank, got '" + kind + "'");
            }
            Objects.requireNonNull(details, "details");
        }
    }
}
