package babysitter.store;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when a folder of runs changes: a run added, removed or renamed, or a run's files growing.
 * The operating system's file watcher looks at each folder of runs and each run folder in it (not
 * at checkpoints or anything deeper); a burst of changes is told once, after {@link #QUIET_MILLIS}
 * without another. Changes to the library's own files (the summary cache, lock files, temporary
 * files) are not told. One daemon thread; {@link #close()} ends it.
 */
public final class RunsWatcher implements AutoCloseable {
    /** How long the folders must stay quiet before a change is told. */
    public static final long QUIET_MILLIS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(RunsWatcher.class);

    private final WatchService service;
    private final Map<WatchKey, Path> roots = new ConcurrentHashMap<>();
    private final Map<WatchKey, Path> runs = new ConcurrentHashMap<>();
    private final Runnable changed;
    private final Thread thread;

    /** Starts watching {@code folders} (those that exist); {@code changed} runs on the watcher's thread. */
    public RunsWatcher(List<Path> folders, Runnable changed) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.changed = changed;
        for (Path root : folders) {
            if (Files.isDirectory(root)) {
                roots.put(register(root), root);
                try (DirectoryStream<Path> children = Files.newDirectoryStream(root, Files::isDirectory)) {
                    for (Path run : children) {
                        watchRun(run);
                    }
                }
            }
        }
        thread = new Thread(this::loop, "runs-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private WatchKey register(Path dir) throws IOException {
        return dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
    }

    private void watchRun(Path run) {
        try {
            runs.put(register(run), run);
        } catch (IOException e) {
            LOG.debug("cannot watch {}: {}", run, e.toString());
        }
    }

    private void loop() {
        try {
            while (true) {
                boolean relevant = handle(service.take());
                // gather the rest of the burst
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= handle(more);
                }
                if (relevant) {
                    try {
                        changed.run();
                    } catch (RuntimeException e) {
                        LOG.warn("a runs folder changed, and telling it failed: {}", e.toString());
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Whether the key's events change what the library shows; a new run folder is watched from now on. */
    private boolean handle(WatchKey key) {
        boolean relevant = false;
        Path root = roots.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
                continue;
            }
            String name = event.context().toString();
            if (ours(name)) {
                continue;
            }
            relevant = true;
            if (root != null && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                Path child = root.resolve(name);
                if (Files.isDirectory(child)) {
                    watchRun(child);
                }
            }
        }
        if (!key.reset()) {
            roots.remove(key);
            runs.remove(key);
        }
        return relevant;
    }

    private static boolean ours(String name) {
        return name.startsWith(RunLibrary.CACHE) || name.equals(FolderLock.FILE) || name.contains(AtomicFiles.TEMP_INFIX)
                || name.startsWith(RunWriter.TEMP_PREFIX);
    }

    @Override
    public void close() {
        try {
            if (service != null) {
                service.close();
            }
        } catch (IOException e) {
            LOG.debug("closing the runs watcher: {}", e.toString());
        }
        thread.interrupt();
    }
}
