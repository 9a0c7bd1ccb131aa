package babysitter.ui.fx;

import babysitter.session.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Moves session reports onto the JavaFX thread, the way {@code javafx.concurrent.Task} coalesces
 * its updates: the session's listener thread {@link #accept}s them into a lock-free queue, and at
 * most one drain is pending on the JavaFX thread at a time, at most every {@value #INTERVAL_MILLIS}
 * ms. The consumer gets everything that arrived since the last drain, in order, as one batch.
 * Nothing is dropped here (the session already drops old step reports for a listener that falls
 * far behind). No animation runs: when nothing arrives, the window does not repaint at all, which
 * leaves the processor to training.
 */
public final class ReportPump implements Consumer<Report> {
    /** Shortest time between two drains. */
    public static final long INTERVAL_MILLIS = 40;

    private final ConcurrentLinkedQueue<Report> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<Report>> onFx;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "report-pump");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastDrainNanos;
    private volatile boolean running;

    /** @param onFx called on the JavaFX thread with the reports that arrived since the last call */
    public ReportPump(Consumer<List<Report>> onFx) {
        this.onFx = onFx;
    }

    /** Called by the session's listener thread. */
    @Override
    public void accept(Report r) {
        queue.add(r);
        if (running && scheduled.compareAndSet(false, true)) {
            long wait = INTERVAL_MILLIS * 1_000_000L - (System.nanoTime() - lastDrainNanos);
            if (wait <= 0) {
                Platform.runLater(this::drainScheduled);
            } else {
                timer.schedule(() -> Platform.runLater(this::drainScheduled), wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    public void start() {
        running = true;
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drainScheduled);
        }
    }

    public void stop() {
        running = false;
    }

    private void drainScheduled() {
        scheduled.set(false);
        drain();
    }

    /** Delivers what has arrived (on the JavaFX thread). */
    public void drain() {
        lastDrainNanos = System.nanoTime();
        if (queue.isEmpty()) {
            return;
        }
        List<Report> batch = new ArrayList<>();
        Report r;
        while ((r = queue.poll()) != null) {
            batch.add(r);
        }
        onFx.accept(batch);
    }
}
