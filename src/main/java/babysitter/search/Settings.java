package babysitter.search;

import java.util.Objects;

/**
 * What holds for every round of a search.
 *
 * @param epochs   epochs per trial, &gt;= 1
 * @param parallel trials at once (the default executor's workers), &gt;= 1
 * @param stopping early stopping of poor trials
 * @param seed     seed of the draws (round r uses a seed derived from it and r)
 */
public record Settings(int epochs, int parallel, EarlyStopping stopping, long seed) {
    /** The most trials at once (each holds its own network and data). */
    public static final int MAX_PARALLEL = 64;

    public Settings {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs per trial must be at least 1, got " + epochs);
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel trials must be at least 1, got " + parallel);
        }
        if (parallel > MAX_PARALLEL) {
            throw new IllegalArgumentException("parallel trials must be at most " + MAX_PARALLEL + ", got " + parallel);
        }
        stopping = stopping == null ? EarlyStopping.none() : stopping;
        Objects.requireNonNull(stopping);
    }

    /** One trial per core. */
    public static int defaultParallel() {
        return Math.max(1, Math.min(MAX_PARALLEL, Runtime.getRuntime().availableProcessors()));
    }
}
