package babysitter.data;

import java.util.function.IntConsumer;

/**
 * Runs parts 0 … parts − 1 of a piece of work and returns when all are done, perhaps on several
 * threads at once (the trainer gives {@link MiniBatches} the engine's threads). The parts must be
 * independent of each other.
 */
@FunctionalInterface
public interface PartsRunner {
    /** Every part on the calling thread, one after the other. */
    PartsRunner ONE_AFTER_ANOTHER = (parts, part) -> {
        for (int p = 0; p < parts; p++) {
            part.accept(p);
        }
    };

    void run(int parts, IntConsumer part);
}
