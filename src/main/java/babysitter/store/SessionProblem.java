package babysitter.store;

import java.util.List;
import java.util.Locale;

/**
 * What went wrong in a session, as a kind and its values rather than a sentence, so that the window
 * can say it in its own language ({@code failure.<key>} in the bundles). {@link #english} is the
 * sentence the log and the tests read. An exception's own message is a value, kept as it came.
 */
public enum SessionProblem {
    /** A sentence as it came: the sentence. */
    TEXT("text", 1),
    /** Training stopped by an error: the error's message. */
    ERROR("error", 1),
    /** A rewind was refused: why. */
    REWIND_REFUSED("rewindRefused", 1),
    /** A command that moves training while siblings wait: the checkpoint they started from. */
    SIBLINGS_WAITING("siblingsWaiting", 1),
    /** A range test asked of a finished run. */
    RANGE_TEST_FINISHED("rangeTestFinished", 0),
    /** Siblings asked of a finished run. */
    SIBLINGS_FINISHED("siblingsFinished", 0),
    /** Discard asked with no siblings. */
    NO_SIBLINGS_TO_DISCARD("noSiblingsToDiscard", 0),
    /** Adopt asked with no siblings. */
    NO_SIBLINGS_TO_ADOPT("noSiblingsToAdopt", 0),
    /** Adopt asked of a sibling that does not exist: its number (from 1), how many there are. */
    NO_SUCH_SIBLING("noSuchSibling", 2),
    /** Adopt asked of a sibling not done: its number, its state's name (RUNNING, DIVERGED, …). */
    SIBLING_NOT_DONE("siblingNotDone", 2),
    /** Adopt asked when the siblings' checkpoint is gone: the sibling's number, the checkpoint. */
    SIBLING_CHECKPOINT_GONE("siblingCheckpointGone", 2),
    /** The retrained adopted sibling did not end where the sibling did: its number. */
    ADOPTED_DIFFERS("adoptedDiffers", 1);

    private final String key;
    private final int arity;

    SessionProblem(String key, int arity) {
        this.key = key;
        this.arity = arity;
    }

    /** Its sentence's key in the bundles. */
    public String key() {
        return "failure." + key;
    }

    /** How many values it takes. */
    public int arity() {
        return arity;
    }

    /** The sentence in English, with its values. */
    public String english(List<String> v) {
        return switch (this) {
            case TEXT -> v.get(0);
            case ERROR -> "error: " + v.get(0);
            case REWIND_REFUSED -> "rewind refused: " + v.get(0);
            case SIBLINGS_WAITING -> "siblings are training from " + v.get(0) + ": adopt one or discard them first";
            case RANGE_TEST_FINISHED -> "the range test needs a run that is not finished";
            case SIBLINGS_FINISHED -> "siblings need a run that is not finished";
            case NO_SIBLINGS_TO_DISCARD -> "there are no siblings to discard";
            case NO_SIBLINGS_TO_ADOPT -> "there are no siblings to adopt";
            case NO_SUCH_SIBLING -> "there is no sibling " + v.get(0) + " (there are " + v.get(1) + ")";
            case SIBLING_NOT_DONE -> "sibling " + v.get(0) + " cannot be adopted: it is "
                    + v.get(1).toLowerCase(Locale.ROOT) + ", not done";
            case SIBLING_CHECKPOINT_GONE -> "sibling " + v.get(0) + " cannot be adopted: its checkpoint " + v.get(1)
                    + " is no longer kept; discard the siblings";
            case ADOPTED_DIFFERS -> "the adopted branch differs from sibling " + v.get(0)
                    + " (a rule or a change during the retraining, or a bug)";
        };
    }
}
