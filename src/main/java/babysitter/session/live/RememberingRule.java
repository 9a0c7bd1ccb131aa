package babysitter.session.live;

import babysitter.session.training.CheckpointMemory;

/**
 * A rule whose state a rewind gives back as it was at the checkpoint gone back to (the best epoch
 * so far, the epochs since): it keeps its state under every checkpoint's id as they are taken.
 *
 * @param <S> the rule's state, an immutable value
 */
abstract class RememberingRule<S> implements SessionRule {
    private final CheckpointMemory<S> memory = new CheckpointMemory<>();
    private final S fresh;
    /** The rule's state now. */
    protected S state;

    /** @param fresh the state of a rule that has seen nothing (and of one rewound to a checkpoint it did not see) */
    RememberingRule(S fresh) {
        this.fresh = fresh;
        this.state = fresh;
    }

    /** Keeps the current state as the state at checkpoint {@code id} (after an epoch's counting, again). */
    protected void remember(String id) {
        if (id != null) {
            memory.put(id, state);
        }
    }

    @Override
    public void onCheckpoint(String id) {
        remember(id);
    }

    @Override
    public void onRewind(String id) {
        state = memory.at(id, fresh);
    }
}
