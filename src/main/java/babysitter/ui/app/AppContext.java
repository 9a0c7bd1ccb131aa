package babysitter.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the windows of one program share: where runs are recorded, a background thread for reading
 * files off the JavaFX thread, the timer of the report hand-over, the file choosers, and the open
 * windows that have work to end when the program closes (a running search). Made once at start;
 * {@link #close()} ends it all.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final Path runsRoot;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> daemon(r, "run-loader"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "report-hand-over"));
    private final List<Runnable> closers = new CopyOnWriteArrayList<>();
    private volatile Choosers choosers = Choosers.system();

    public AppContext(Path runsRoot) {
        this.runsRoot = Objects.requireNonNull(runsRoot, "runsRoot");
    }

    /** The context of the running program: runs in {@code -Dbabysitter.runs=DIR}, default {@code runs} in the working folder. */
    public static AppContext fromSystem() {
        return new AppContext(Path.of(System.getProperty("babysitter.runs", "runs")));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Where runs are recorded (and searches, under {@code searches/}). */
    public Path runsRoot() {
        return runsRoot;
    }

    /** One thread for reading and writing files away from the JavaFX thread. */
    public ExecutorService background() {
        return background;
    }

    /** The timer thread of the report hand-over's minimum interval. */
    public ScheduledExecutorService timer() {
        return timer;
    }

    public Choosers choosers() {
        return choosers;
    }

    /** Replaces the file choosers (a test answers them itself). */
    public void setChoosers(Choosers choosers) {
        this.choosers = Objects.requireNonNull(choosers, "choosers");
    }

    /**
     * Registers what an open window must do when the program closes; the returned handle unregisters
     * it (call it when the window closes by itself).
     */
    public Runnable onClose(Runnable closer) {
        closers.add(closer);
        return () -> closers.remove(closer);
    }

    /** Tells every open window the program closes, then stops the threads. */
    @Override
    public void close() {
        for (Runnable c : closers) {
            try {
                c.run();
            } catch (RuntimeException e) {
                LOG.warn("closing a window failed: {}", e.toString());
            }
        }
        closers.clear();
        background.shutdownNow();
        timer.shutdownNow();
    }
}
