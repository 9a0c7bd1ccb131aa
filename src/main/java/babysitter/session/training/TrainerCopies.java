package babysitter.session.training;

import java.util.List;
import java.util.function.Supplier;

/** Training that is not part of a run: a fork of a trainer for a sibling, and a sandbox for the range test. */
public final class TrainerCopies {
    private TrainerCopies() {
    }

    /**
     * A trainer of its own in the state of checkpoint {@code id} kept in memory: a new network with
     * the checkpoint's parameters, optimiser state and batch-norm statistics, the same batch order
     * and random state, recording nothing (no run store, no disk checkpoints, a ring of one). It
     * shares only the (read-only) data with {@code trainer}, so it may train on another thread.
     */
    public static Trainer fork(Trainer trainer, String id) {
        Snapshot target = trainer.checkpointing().inMemory(id);
        if (target == null) {
            throw new IllegalArgumentException("no checkpoint '" + id + "' in memory");
        }
        return trainer.copyAt(target);
    }

    /**
     * Runs {@code body} and then puts {@code trainer} back exactly where it was, on the same
     * branch, with nothing recorded in between (the learning-rate range test). Steps taken by the
     * body are not part of the run.
     */
    public static <T> T sandboxed(Trainer trainer, Supplier<T> body) {
        Snapshot here = trainer.snapshot("sandbox");
        TrainerCheckpoints.Saved savedCheckpoints = trainer.checkpointing().save();
        TrainingTime savedTime = trainer.time().save();
        List<Trainer.Listener> savedListeners = trainer.recorder().mute();
        try {
            return body.get();
        } finally {
            trainer.recorder().unmute(savedListeners);
            trainer.checkpointing().restore(savedCheckpoints);
            trainer.restore(here);
            // the sandbox's steps are not training of the run: its clock does not move
            trainer.time().restore(savedTime);
        }
    }
}
