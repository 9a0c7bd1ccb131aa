package babysitter.ui.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items from worker threads to the JavaFX thread the way {@code javafx.concurrent.Task}
 * coalesces its updates: a lock-free queue and at most one pending drain on the {@code fx}
 * executor; the consumer gets everything that arrived since the last drain, in order. Workers
 * never wait for the window.
 */
final class Coalescer<T> implements Consumer<T> {
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor fx;
    private final Consumer<List<T>> onFx;

    Coalescer(Executor fx, Consumer<List<T>> onFx) {
        this.fx = fx;
        this.onFx = onFx;
    }

    @Override
    public void accept(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
        }
    }

    /** Delivers what has arrived (on the fx executor). */
    void drain() {
        scheduled.set(false);
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
