package babysitter.session.training;

import java.util.ArrayDeque;

/**
 * Training speed as a person means it: samples trained per second of wall-clock time, over the last
 * {@link #WINDOW_NANOS} nanoseconds, everything that happens between steps included (the epoch's
 * evaluation, insights, checkpoint). Averaging per-step speeds instead would count the fast steps
 * and miss the slow epoch ends: on small data that is 20 times too fast.
 */
public final class StepRate {
    /** The window the speed is measured over: long enough to hold a few epoch ends of small data. */
    static final long WINDOW_NANOS = 3_000_000_000L;

    /** (time in nanoseconds, samples trained by then), oldest first. */
    private final ArrayDeque<long[]> points = new ArrayDeque<>();
    private long samples;

    /** A step of {@code batch} samples ended at {@code nanos}. */
    public void stepped(int batch, long nanos) {
        samples += batch;
        points.addLast(new long[] {nanos, samples});
        while (points.size() > 2 && points.peekFirst()[0] < nanos - WINDOW_NANOS) {
            points.removeFirst();
        }
    }

    /** Samples per second over the window, or 0 before two steps have been timed. */
    public double samplesPerSecond() {
        if (points.size() < 2) {
            return 0;
        }
        long[] first = points.peekFirst();
        long[] last = points.peekLast();
        long nanos = last[0] - first[0];
        return nanos <= 0 ? 0 : (last[1] - first[1]) / (nanos / 1e9);
    }

    /** Starts measuring afresh (after a pause or a rewind: the time in between is not training). */
    public void reset() {
        points.clear();
    }
}
