package babysitter.ui.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The one way items from worker threads (a training session's reports, a search's trial updates)
 * reach the JavaFX thread, the way {@code javafx.concurrent.Task} coalesces its updates: workers add
 * to a lock-free queue and never wait; at most one drain is pending on the {@code fx} executor at a
 * time (and one more for an urgent item), and the consumer gets everything that arrived since the
 * last drain, in order, as one batch.
 * Nothing is ever dropped or merged away. With a minimum interval, drains of ordinary items (step
 * reports) are at least that far apart, so a fast worker costs the window a few repaints a second;
 * an urgent item (a lifecycle report: state, event, epoch) is handed over at once. Toolkit free:
 * the application passes {@code Platform::runLater} as {@code fx}.
 */
public final class HandOver<T> implements Consumer<T> {
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean urgentPending = new AtomicBoolean();
    private final Executor fx;
    private final Consumer<List<T>> onFx;
    private final long intervalNanos;
    private final Predicate<T> urgent;
    private final ScheduledExecutorService timer;
    private final LongSupplier nanoTime;
    private volatile long lastDrainNanos;
    private volatile boolean open = true;

    /** Every item handed over as soon as the {@code fx} executor gets to it. */
    public HandOver(Executor fx, Consumer<List<T>> onFx) {
        this(fx, onFx, 0, t -> false, null, System::nanoTime);
    }

    /**
     * Drains at least {@code intervalMillis} apart (waiting on {@code timer}), except that an
     * {@code urgent} item is handed over at once.
     */
    public HandOver(Executor fx, Consumer<List<T>> onFx, long intervalMillis, Predicate<T> urgent,
                    ScheduledExecutorService timer, LongSupplier nanoTime) {
        this.fx = Objects.requireNonNull(fx);
        this.onFx = Objects.requireNonNull(onFx);
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.urgent = Objects.requireNonNull(urgent);
        this.timer = timer;
        this.nanoTime = nanoTime;
        this.lastDrainNanos = nanoTime.getAsLong() - intervalNanos;
    }

    /** Called by a worker thread: queues the item and, if no drain is pending, schedules one. */
    @Override
    public void accept(T item) {
        queue.add(item);
        if (!open) {
            return;
        }
        if (urgent.test(item)) {
            if (urgentPending.compareAndSet(false, true)) {
                fx.execute(() -> {
                    urgentPending.set(false);
                    drain();
                });
            }
        } else if (scheduled.compareAndSet(false, true)) {
            long wait = intervalNanos - (nanoTime.getAsLong() - lastDrainNanos);
            if (wait <= 0 || timer == null) {
                fx.execute(this::drainScheduled);
            } else {
                timer.schedule(() -> fx.execute(this::drainScheduled), wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** No more drains are scheduled (the items still queued can be taken with {@link #drain()}). */
    public void close() {
        open = false;
    }

    private void drainScheduled() {
        scheduled.set(false);
        drain();
    }

    /** Delivers what has arrived (on the fx executor's thread). */
    public void drain() {
        lastDrainNanos = nanoTime.getAsLong();
        List<T> batch = new ArrayList<>();
        T t;
        while ((t = queue.poll()) != null) {
            batch.add(t);
        }
        if (!batch.isEmpty()) {
            onFx.accept(batch);
        }
    }
}
