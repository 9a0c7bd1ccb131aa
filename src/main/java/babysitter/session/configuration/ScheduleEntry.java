package babysitter.session.configuration;

import babysitter.engine.Hyperparameters;
import babysitter.engine.optim.OptimizerKind;
import babysitter.session.live.Schedule;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One entry of a run's {@code schedule}: when the run gets there, a change of hyperparameters,
 * applied as a person's change in the window is (see {@link Schedule}).
 *
 * @param at  the point of training
 * @param set what changes there
 */
public record ScheduleEntry(At at, Change set) {

    public ScheduleEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(set, "set");
    }

    /**
     * A point of training (one of the two, checked by {@link ConfigFiles#check}): after {@code epoch} whole epochs (before the next epoch's first step), or
     * after {@code step} steps (before step {@code step}, counted from 0 across epochs and branches).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record At(Integer epoch, Long step) {
        /** Whether a trainer that has done {@code steps} steps and, when between epochs, {@code epochs} epochs is here. */
        public boolean reached(long steps, int epochs, boolean inEpoch) {
            return step != null ? step == steps : epoch != null && !inEpoch && epoch == epochs;
        }

        @Override
        public String toString() {
            return epoch != null ? "epoch=" + epoch : "step=" + step;
        }
    }

    /** The hyperparameters an entry changes; absent ones stay as they are. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(Double learningRate, Double momentum, Double beta1, Double beta2, Integer batchSize,
                         OptimizerKind optimizer) {
        /** Whether the entry sets nothing. */
        boolean empty() {
            return learningRate == null && momentum == null && beta1 == null && beta2 == null && batchSize == null
                    && optimizer == null;
        }

        /** {@code hp} with this entry's values (validated by {@link Hyperparameters}). */
        public Hyperparameters applyTo(Hyperparameters hp) {
            Hyperparameters next = hp;
            if (optimizer != null) {
                next = next.withOptimizer(optimizer);
            }
            if (learningRate != null) {
                next = next.withLearningRate(learningRate);
            }
            if (momentum != null) {
                next = next.withMomentum(momentum);
            }
            if (beta1 != null || beta2 != null) {
                next = next.withBetas(beta1 != null ? beta1 : next.beta1(), beta2 != null ? beta2 : next.beta2());
            }
            if (batchSize != null) {
                next = next.withBatchSize(batchSize);
            }
            return next;
        }

        /**
         * The change from {@code from} to {@code to} in the keys a schedule can set, or null when none
         * of them differs.
         */
        public static Change between(Hyperparameters from, Hyperparameters to) {
            Double lr = to.learningRate() != from.learningRate() ? to.learningRate() : null;
            Double m = to.momentum() != from.momentum() ? to.momentum() : null;
            Double b1 = to.beta1() != from.beta1() ? to.beta1() : null;
            Double b2 = to.beta2() != from.beta2() ? to.beta2() : null;
            Integer batch = to.batchSize() != from.batchSize() ? to.batchSize() : null;
            OptimizerKind kind = to.optimizer() != from.optimizer() ? to.optimizer() : null;
            Change c = new Change(lr, m, b1, b2, batch, kind);
            return c.empty() ? null : c;
        }
    }
}
