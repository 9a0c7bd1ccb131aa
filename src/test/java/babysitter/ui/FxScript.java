package babysitter.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/** What the screenshot tools share: running a step on the JavaFX thread, and waiting for a state. */
public final class FxScript {
    private FxScript() {
    }

    /** Runs {@code r} on the JavaFX thread and waits (up to a minute) until it has run; its exception is rethrown. */
    public static void fx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(60, TimeUnit.SECONDS);
    }

    /**
     * Polls {@code condition} on the JavaFX thread every {@code pollMillis} until it holds; after
     * {@code seconds} throws with a message saying what did not happen ({@code what}).
     */
    public static void waitUntil(BooleanSupplier condition, long seconds, long pollMillis, String what)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            CompletableFuture<Boolean> f = new CompletableFuture<>();
            Platform.runLater(() -> f.complete(condition.getAsBoolean()));
            if (f.get(30, TimeUnit.SECONDS)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not get there in time");
            }
            Thread.sleep(pollMillis);
        }
    }
}
