package babysitter.session.training;

import babysitter.data.MiniBatches;
import babysitter.engine.Hyperparameters;
import babysitter.session.configuration.OptimizerSpec;
import babysitter.session.configuration.Release;
import babysitter.store.CheckpointInfo;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;

/**
 * The trainer's part of a checkpoint, beside the network's arrays: the hyperparameters, where the
 * batch order stands (with its random state), whether an epoch is under way and its running sums.
 * Kept in memory with a {@link Snapshot} and written as the {@code extra} object of a checkpoint
 * folder's {@code checkpoint.json} ({@link Stored}); this is the one place that writes and reads that object.
 */
record TrainerState(Hyperparameters hp, MiniBatches.Position position, boolean inEpoch, double costSum,
                    long correct, long examples) {

    /**
     * The {@code extra} object as written: {@code hyperparameters} and {@code batches} are required,
     * the epoch's sums are 0 when absent; fields it does not know are passed over.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(OptimizerSpec hyperparameters, MiniBatches.Position batches, Boolean inEpoch, Double epochCostSum,
                  Long epochCorrect, Long epochExamples) {
    }

    /** This state as a checkpoint folder stores it. */
    Stored stored() {
        return new Stored(OptimizerSpec.of(hp), position, inEpoch, costSum, correct, examples);
    }

    /**
     * The trainer state of checkpoint {@code cp}.
     *
     * @throws IOException naming the folder and what is wrong
     */
    static TrainerState of(CheckpointInfo cp) throws IOException {
        return of(cp, Release.VERSION);
    }

    /**
     * As {@link #of(CheckpointInfo)} for a checkpoint written by version {@code recordedBy}
     * (whose settings may have meant something else then; see {@link OptimizerSpec#asRecordedBy}).
     */
    static TrainerState of(CheckpointInfo cp, String recordedBy) throws IOException {
        try {
            Stored s = cp.extraAs(Stored.class);
            if (s.hyperparameters() == null || s.batches() == null) {
                throw new IOException(cp.dir() + ": the checkpoint's trainer state has no "
                        + (s.hyperparameters() == null ? "\"hyperparameters\"" : "\"batches\""));
            }
            Hyperparameters hp = s.hyperparameters().asRecordedBy(recordedBy).toHyperparameters();
            return new TrainerState(hp, s.batches(), s.inEpoch() != null && s.inEpoch(),
                    s.epochCostSum() == null ? 0 : s.epochCostSum(), s.epochCorrect() == null ? 0 : s.epochCorrect(),
                    s.epochExamples() == null ? 0 : s.epochExamples());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IOException(cp.dir() + ": the checkpoint's trainer state cannot be read: " + e.getMessage(), e);
        }
    }
}
