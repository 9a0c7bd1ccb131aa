package babysitter.ui.chart;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Turns many redraw requests into at most one redraw per pulse, and no more often than a minimum
 * interval: a request during the interval is drawn at its end, so nothing is lost.
 */
final class RedrawScheduler {
    private final Runnable redraw;
    private final AtomicBoolean crossThreadRequest = new AtomicBoolean();
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (now - lastRedrawNanos < minIntervalNanos) {
                return; // stay armed: drawn at the first pulse after the interval
            }
            stop();
            if (pending) {
                lastRedrawNanos = now;
                redraw.run();
            }
        }
    };
    private long minIntervalNanos;
    private long lastRedrawNanos = Long.MIN_VALUE / 2;
    private boolean pending;

    RedrawScheduler(Runnable redraw) {
        this.redraw = redraw;
    }

    /** Asks for a redraw in the next pulse; may be called from any thread. */
    void request() {
        if (!Platform.isFxApplicationThread()) {
            if (crossThreadRequest.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    crossThreadRequest.set(false);
                    request();
                });
            }
            return;
        }
        if (!pending) {
            pending = true;
            pulse.start();
        }
    }

    void setMinInterval(Duration interval) {
        minIntervalNanos = Math.max(0, interval.toNanos());
    }

    boolean isPending() {
        return pending;
    }

    /** Called by the redraw itself: what was requested is drawn. */
    void done() {
        pending = false;
    }
}
