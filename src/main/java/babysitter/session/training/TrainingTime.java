package babysitter.session.training;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A trainer's clock: the run's training time (only the time inside steps, continued across
 * rewinds), when the current epoch began, and when the last step was logged (for samples/s).
 * Apart from {@link Trainer} so that the nanosecond bookkeeping lives in one place and a sandbox
 * can save and put back all of it at once.
 */
public final class TrainingTime {
    /** Where durations are read from: System.nanoTime, or a test's fake. */
    private LongSupplier ticker = System::nanoTime;
    /** Training time of the run before the current step (time between steps is not training). */
    private long activeNanos;
    /** When the current step began, or -1 outside one. */
    private long stepStartNanos = -1;
    /** {@link #elapsedNanos()} when the previous epoch's metrics were taken. */
    private long lastEpochElapsedNanos;
    private long epochStartNanos;
    private long lastLogNanos;
    private long lastLogStep;

    /** The time now, in nanoseconds. */
    public long now() {
        return ticker.getAsLong();
    }

    public void setTicker(LongSupplier ticker) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /** Training time so far, the current step's part included. */
    long elapsedNanos() {
        return activeNanos + (stepStartNanos < 0 ? 0 : ticker.getAsLong() - stepStartNanos);
    }

    void stepBegins() {
        stepStartNanos = ticker.getAsLong();
    }

    void stepEnded() {
        activeNanos += ticker.getAsLong() - stepStartNanos;
        stepStartNanos = -1;
    }

    /** An epoch's time and the next samples/s count from {@code nanos}, at step {@code step}. */
    void epochBegins(long nanos, long step) {
        epochStartNanos = nanos;
        lastLogNanos = nanos;
        lastLogStep = step;
    }

    /** Seconds since the epoch began. */
    double epochSeconds() {
        return (ticker.getAsLong() - epochStartNanos) / 1e9;
    }

    /** Samples per second since the last logged step, which {@code nextStep} now becomes. */
    double logRate(long nextStep, int batchSize) {
        long now = ticker.getAsLong();
        double seconds = (now - lastLogNanos) / 1e9;
        double rate = seconds > 0 ? (nextStep - lastLogStep) * (double) batchSize / seconds : 0;
        lastLogNanos = now;
        lastLogStep = nextStep;
        return rate;
    }

    /** Seconds of training from the previous epoch's end to {@code elapsedNanos}, which becomes the last end. */
    double epochEnds(long elapsedNanos) {
        double seconds = (elapsedNanos - lastEpochElapsedNanos) / 1e9;
        lastEpochElapsedNanos = elapsedNanos;
        return seconds;
    }

    /** A rewind: the training time goes on, the next epoch's time counts from now. */
    void branched(long step) {
        lastEpochElapsedNanos = elapsedNanos();
        epochBegins(ticker.getAsLong(), step);
    }

    /** A copy of every reading (the ticker shared), to put back with {@link #restore}. */
    TrainingTime save() {
        TrainingTime s = new TrainingTime();
        s.ticker = ticker;
        s.restore(this);
        return s;
    }

    void restore(TrainingTime s) {
        activeNanos = s.activeNanos;
        stepStartNanos = s.stepStartNanos;
        lastEpochElapsedNanos = s.lastEpochElapsedNanos;
        epochStartNanos = s.epochStartNanos;
        lastLogNanos = s.lastLogNanos;
        lastLogStep = s.lastLogStep;
    }
}
