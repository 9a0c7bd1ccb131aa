package babysitter.session.live;

import babysitter.session.reports.Report;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way out of a session: every listener gets the reports on a thread and queue of its own, so
 * a slow listener never slows training. A listener that falls behind loses its oldest step reports
 * (at most {@link #MAX_PENDING_STEPS} wait), never an epoch, event or state report.
 */
final class ReportChannels {
    private static final Logger LOG = LoggerFactory.getLogger(ReportChannels.class);

    /** Step reports a listener may have waiting before the oldest are dropped. */
    static final int MAX_PENDING_STEPS = 4096;

    private final List<Channel> channels = new CopyOnWriteArrayList<>();

    /** Adds a listener; it receives every report published from now on, on a thread of its own. */
    void add(Consumer<Report> listener) {
        Channel ch = new Channel(listener, "session-listener-" + channels.size());
        channels.add(ch);
        ch.start();
    }

    /** Hands a report to every listener's queue; never blocks. */
    void publish(Report r) {
        for (Channel ch : channels) {
            ch.offer(r);
        }
    }

    /** Delivers what is pending and ends the listeners' threads (waiting at most {@code timeoutMillis} each). */
    void finish(long timeoutMillis) {
        for (Channel ch : channels) {
            ch.finish(timeoutMillis);
        }
    }

    /** A listener's own thread and queue: step reports may be dropped oldest-first, others never. */
    private static final class Channel {
        private final Consumer<Report> listener;
        private final Thread thread;
        private final ArrayDeque<Report> pending = new ArrayDeque<>();
        private int pendingSteps;
        private boolean finishing;

        Channel(Consumer<Report> listener, String name) {
            this.listener = listener;
            this.thread = new Thread(this::run, name);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        synchronized void offer(Report r) {
            if (r.droppable()) {
                if (pendingSteps >= MAX_PENDING_STEPS) {
                    dropOldestStep();
                }
                pendingSteps++;
            }
            pending.addLast(r);
            notifyAll();
        }

        private void dropOldestStep() {
            for (Iterator<Report> it = pending.iterator(); it.hasNext(); ) {
                if (it.next().droppable()) {
                    it.remove();
                    pendingSteps--;
                    return;
                }
            }
        }

        private synchronized Report take() throws InterruptedException {
            while (pending.isEmpty()) {
                if (finishing) {
                    return null;
                }
                wait();
            }
            Report r = pending.removeFirst();
            if (r.droppable()) {
                pendingSteps--;
            }
            return r;
        }

        private void run() {
            try {
                Report r;
                while ((r = take()) != null) {
                    try {
                        listener.accept(r);
                    } catch (RuntimeException e) {
                        LOG.warn("a session listener failed on {}: {}", r.getClass().getSimpleName(), e.toString());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void finish(long timeoutMillis) {
            synchronized (this) {
                finishing = true;
                notifyAll();
            }
            try {
                thread.join(timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
