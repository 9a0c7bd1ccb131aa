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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when a folder of runs changes: a run added, removed or renamed, or a run's files growing.
 * The operating system's file watcher looks at each folder of runs and each run folder in it (not
 * at checkpoints or anything deeper); a burst of changes is told once, after {@link #QUIET_MILLIS}
 * without another. A folder of runs that does not exist (the Runs window opened before the
 * first run made it, or it was deleted) is waited for in the nearest folder above it that exists,
 * told when it appears and watched from then on. Changes to the library's own files (the summary cache, lock
 * files, temporary files) are not told. One daemon thread; {@link #close()} ends it.
 */
public final class RunsWatcher implements AutoCloseable {
    /** How long the folders must stay quiet before a change is told. */
    public static final long QUIET_MILLIS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(RunsWatcher.class);

    private final WatchService service;
    private final Map<WatchKey, Path> roots = new ConcurrentHashMap<>();
    private final Map<WatchKey, Path> runs = new ConcurrentHashMap<>();
    /** Folders above a folder of runs that does not exist yet, watched for it to appear. */
    private final Map<WatchKey, Path> above = new ConcurrentHashMap<>();
    /** The folders of runs that did not exist yet when last looked at. */
    private final Set<Path> missing = ConcurrentHashMap.newKeySet();
    private final Runnable changed;
    private final Thread thread;

    /** Starts watching {@code folders}; {@code changed} runs on the watcher's thread. */
    public RunsWatcher(List<Path> folders, Runnable changed) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.changed = changed;
        for (Path root : folders) {
            if (Files.isDirectory(root)) {
                watchRoot(root);
            } else {
                missing.add(root.toAbsolutePath().normalize());
            }
        }
        lookForMissing();
        thread = new Thread(this::loop, "runs-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private WatchKey register(Path dir) throws IOException {
        return dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
    }

    private void watchRoot(Path root) throws IOException {
        roots.put(register(root), root);
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path run : children) {
                watchRun(run);
            }
        }
    }

    /**
     * Watches the folders of runs that have appeared since last looked at, and for each of the
     * others the nearest folder above it that exists; true if one appeared.
     */
    private boolean lookForMissing() {
        boolean appeared = false;
        for (Path root : missing) {
            try {
                if (!Files.isDirectory(root)) {
                    Path parent = root.getParent();
                    while (parent != null && !Files.isDirectory(parent)) {
                        parent = parent.getParent();
                    }
                    if (parent != null) {
                        above.put(register(parent), parent);
                    }
                }
                // looked at after the watch above is set up: a folder made meanwhile is not missed
                if (Files.isDirectory(root)) {
                    watchRoot(root);
                    missing.remove(root);
                    appeared = true;
                }
            } catch (IOException e) {
                LOG.debug("cannot watch for {}: {}", root, e.toString());
            }
        }
        if (missing.isEmpty()) { // nothing left to wait for: stop hearing of the folders above
            above.keySet().removeIf(key -> {
                if (!roots.containsKey(key) && !runs.containsKey(key)) {
                    key.cancel();
                }
                return true;
            });
        }
        return appeared;
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
        boolean runsHere = root != null || runs.containsKey(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (!runsHere) {
                continue; // a folder above a missing folder of runs: looked at below
            }
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
        if (above.containsKey(key)) {
            relevant |= lookForMissing();
        }
        if (!key.reset()) {
            Path gone = roots.remove(key);
            runs.remove(key);
            above.remove(key);
            if (gone != null) { // deleted: wait for it to be made again
                missing.add(gone.toAbsolutePath().normalize());
                relevant = true;
                lookForMissing();
            }
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
