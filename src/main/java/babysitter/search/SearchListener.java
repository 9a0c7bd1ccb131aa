package babysitter.search;

/**
 * Observes a search. Called from the executor's worker threads (and from the thread that calls
 * {@link Search#run} or {@link Search#addRound}), never while the search holds its lock: a listener
 * must hand off to its own thread (e.g. {@code Platform.runLater}) and return quickly.
 */
public interface SearchListener {
    /** On every state change of a trial and every finished epoch. */
    default void onTrial(Trial t) {
    }

    /** When a round is added. */
    default void onRound(Round r) {
    }

    /** {@link Search#run} returned (all done, or cancelled). */
    default void onFinished() {
    }
}
