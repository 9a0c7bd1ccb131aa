package babysitter.ui.fx;

import babysitter.session.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Moves session reports onto the JavaFX thread: the session's listener thread {@link #accept}s
 * them into a lock-free queue, and an {@link AnimationTimer} hands everything that arrived to the
 * consumer once per frame, in order, as one batch. Nothing is dropped here (the session already
 * drops old step reports for a listener that falls far behind); the view-model turns a batch of
 * thousands of step reports into one redraw.
 */
public final class ReportPump implements Consumer<Report> {
    private final ConcurrentLinkedQueue<Report> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<Report>> onFx;
    private final AnimationTimer timer;
    private volatile long longestGapNanos;
    private long lastFrame;

    /** @param onFx called on the JavaFX thread with the reports of one frame */
    public ReportPump(Consumer<List<Report>> onFx) {
        this.onFx = onFx;
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (lastFrame != 0) {
                    longestGapNanos = Math.max(longestGapNanos, now - lastFrame);
                }
                lastFrame = now;
                drain();
            }
        };
    }

    /** Called by the session's listener thread. */
    @Override
    public void accept(Report r) {
        queue.add(r);
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** Delivers what has arrived (on the JavaFX thread). */
    public void drain() {
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

    /** The longest time between two frames seen so far, in milliseconds (a measure of stalls). */
    public double longestFrameGapMillis() {
        return longestGapNanos / 1e6;
    }

    /** Forgets the longest gap (e.g. after start-up). */
    public void resetFrameGap() {
        longestGapNanos = 0;
    }
}
