package babysitter.session.live;

import java.util.Locale;

/**
 * How fast a running session goes: as fast as it can, at most a number of epochs a second (so that
 * a person can watch the decision regions move on small data, where an epoch takes milliseconds),
 * or pausing after each epoch. It changes when things happen, never what is computed: a run trains
 * to the same numbers at any pace.
 *
 * @param epochsPerSecond the most epochs a second; {@link Double#POSITIVE_INFINITY} for as fast as
 *                        possible, 0 for a pause after each epoch
 */
public record Pace(double epochsPerSecond) {
    /** As fast as possible. */
    public static final Pace FASTEST = new Pace(Double.POSITIVE_INFINITY);
    /** Pause after each epoch. */
    public static final Pace EPOCH_BY_EPOCH = new Pace(0);
    /** The window's pace for the built-in 2-D data sets: their decision regions move visibly. */
    public static final Pace WATCHABLE = new Pace(5);
    /** The most epochs a second a pace may ask for (beyond that it is "as fast as possible"). */
    public static final double MAX_EPOCHS_PER_SECOND = 1000;

    public Pace {
        if (!(epochsPerSecond >= 0) || Double.isFinite(epochsPerSecond) && epochsPerSecond > MAX_EPOCHS_PER_SECOND) {
            throw new IllegalArgumentException("a pace must be from 0 (pause after each epoch) to "
                    + (long) MAX_EPOCHS_PER_SECOND + " epochs a second, or as fast as possible; got " + epochsPerSecond);
        }
    }

    public boolean fastest() {
        return epochsPerSecond == Double.POSITIVE_INFINITY;
    }

    public boolean epochByEpoch() {
        return epochsPerSecond == 0;
    }

    /** The shortest time an epoch takes at this pace, in nanoseconds (0 for as fast as possible). */
    long epochNanos() {
        return fastest() || epochByEpoch() ? 0 : Math.round(1e9 / epochsPerSecond);
    }

    /** "fastest", "pause after each epoch", "5 epochs/s". */
    @Override
    public String toString() {
        if (fastest()) {
            return "fastest";
        }
        if (epochByEpoch()) {
            return "pause after each epoch";
        }
        String n = epochsPerSecond == Math.rint(epochsPerSecond) ? Long.toString((long) epochsPerSecond)
                : String.format(Locale.ROOT, "%.3g", epochsPerSecond);
        return n + (epochsPerSecond == 1 ? " epoch/s" : " epochs/s");
    }
}
