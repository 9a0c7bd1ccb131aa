package babysitter.search.cluster;

import com.hazelcast.collection.IQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A worker's reports on their way home, sent by one thread in the order they were made. A report is
 * a round trip to the member that holds the coordinator's queue (and its backup); the slot that made
 * it goes on meanwhile — to its next step, or to the next trial — instead of waiting for it. What
 * must wait for the coordinator (an epoch's go / stop) waits for the answer, which comes after the
 * report by construction. Cleaning up a finished trial's scratch folder happens here too, after its
 * last report.
 */
final class Outbox implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cluster-outbox");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<ClusterEvent> say;

    Outbox(Consumer<ClusterEvent> say) {
        this.say = say;
    }

    /** Puts {@code bytes} (a {@code kind} report of trial {@code trialId}) on {@code queue} after everything handed in before. */
    void send(IQueue<byte[]> queue, byte[] bytes, Message.Kind kind, int trialId) {
        later(() -> {
            try {
                queue.put(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                say.accept(ClusterEvent.note(ClusterNote.Kind.NOT_SENT, kind, trialId, "interrupted"));
            } catch (RuntimeException e) {
                say.accept(ClusterEvent.note(ClusterNote.Kind.NOT_SENT, kind, trialId, e.getMessage()));
            }
        });
    }

    /** Runs {@code work} after everything handed in before. */
    void later(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException e) {
            work.run(); // closing: do it here rather than lose a report
        }
    }

    /** Sends what is still waiting (at most {@code seconds}), then stops the thread. */
    void drain(long seconds) throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(seconds, TimeUnit.SECONDS)) {
            say.accept(ClusterEvent.note(ClusterNote.Kind.UNSENT_LEAVING, seconds));
            thread.shutdownNow();
        }
    }

    @Override
    public void close() {
        try {
            drain(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
