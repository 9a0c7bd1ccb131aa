package babysitter.session.live;

import babysitter.session.reports.Report;
import babysitter.session.training.Trainer;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One live training run on its own daemon thread, named {@code trainer}. Callers {@link #submit}
 * commands; the thread applies them at the next mini-batch boundary, in submission order, and
 * sends immutable {@link Report}s to listeners (a slow listener loses old step reports, never
 * others, and never slows training).
 *
 * <p>This class is the thread and the way in; what a command does, the steps, the automatic rules
 * and the reports are {@link SessionCore}'s. See docs/ARCHITECTURE.md for the path of a command and
 * of a report.
 */
public final class TrainingSession implements AutoCloseable {
    /** Step reports a listener may have waiting before the oldest are dropped. */
    public static final int MAX_PENDING_STEPS = ReportChannels.MAX_PENDING_STEPS;
    /** Bins of the histograms in epoch reports. */
    public static final int HISTOGRAM_BINS = 30;

    private final SessionCore core;
    private final LinkedBlockingQueue<Command> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    public TrainingSession(Trainer trainer) {
        this.core = new SessionCore(Objects.requireNonNull(trainer, "trainer"));
        this.thread = new Thread(this::loop, "trainer");
        thread.setDaemon(true);
    }

    /** Starts the training thread (it waits for commands; {@link Command.Start} starts training). */
    public TrainingSession open() {
        thread.start();
        return this;
    }

    /** Queues a command for the training thread; never blocks. */
    public void submit(Command c) {
        queue.add(Objects.requireNonNull(c, "command"));
    }

    /** Adds a listener; it receives reports on a thread of its own from now on. */
    public void addListener(Consumer<Report> listener) {
        core.channels().add(listener);
    }

    /** The last state the training thread published. */
    public Report.State state() {
        return core.publishedState();
    }

    /** Whether the training thread has ended. */
    public boolean ended() {
        return !thread.isAlive() && core.publishedState() != Report.State.IDLE;
    }

    /**
     * Stops training and waits for the training thread (at most {@code timeoutMillis}), then
     * delivers what listeners still have pending and ends their threads.
     *
     * @return whether the training thread ended in time
     */
    public boolean close(long timeoutMillis) {
        submit(new Command.Stop());
        boolean ended = true;
        if (thread.isAlive() || thread.getState() != Thread.State.NEW) {
            try {
                thread.join(timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended = !thread.isAlive();
        }
        core.channels().finish(timeoutMillis);
        return ended;
    }

    @Override
    public void close() {
        close(10_000);
    }

    /** The training thread: commands between steps, steps while running. */
    private void loop() {
        core.publishState();
        try {
            while (!core.stopped()) {
                if (core.takePendingStep()) {
                    core.step();
                    continue;
                }
                long hold = core.holdNanos();
                // while the pace holds the next epoch back, a command is still taken at once
                Command c = !core.busy() ? queue.take()
                        : hold > 0 ? queue.poll(hold, TimeUnit.NANOSECONDS) : queue.poll();
                if (c != null) {
                    core.apply(c);
                } else {
                    core.noCommand();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            core.interrupted();
        } catch (RuntimeException | Error e) {
            core.failed(e);
        } finally {
            core.shutDown();
        }
    }
}
