package babysitter.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a creation that was killed leaves in a folder of runs: a run folder that is empty
 * or holds nothing but its lock file and an unfinished {@code run.json.tmp-*}, and was last changed
 * more than {@link #GRACE} ago. A folder whose lock is held (its creator is alive and still writing
 * it), a younger one (its creator may be between making it and locking it) and a folder with anything
 * else in it are left alone.
 */
final class RunFolders {
    private static final Logger LOG = LoggerFactory.getLogger(RunFolders.class);

    /** How old an unfinished folder must be before it counts as left behind. */
    static final Duration GRACE = Duration.ofSeconds(60);

    private RunFolders() {
    }

    /** Removes the unfinished run folders directly inside {@code runsRoot}; returns how many. */
    static int removeUnfinished(Path runsRoot) {
        int removed = 0;
        if (!Files.isDirectory(runsRoot)) {
            return 0;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(runsRoot)) {
            for (Path dir : children) {
                if (Files.isDirectory(dir) && !Files.exists(dir.resolve(RunWriter.RUN_JSON)) && old(dir)
                        && onlyLeftovers(dir) && remove(dir)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot look for unfinished runs in {}: {}", runsRoot, e.toString());
        }
        return removed;
    }

    private static boolean old(Path dir) throws IOException {
        return Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minus(GRACE));
    }

    private static boolean onlyLeftovers(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                boolean leftover = name.equals(FolderLock.FILE)
                        || name.startsWith(RunWriter.RUN_JSON + AtomicFiles.TEMP_INFIX) && Files.isRegularFile(f);
                if (!leftover) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean remove(Path dir) {
        try (FolderLock lock = FolderLock.tryAcquire(dir)) {
            if (lock == null || Files.exists(dir.resolve(RunWriter.RUN_JSON)) || !onlyLeftovers(dir)) {
                return false;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
            }
            Files.delete(dir);
            LOG.info("removed {}: an unfinished run folder (its creation was interrupted)", dir);
            return true;
        } catch (IOException e) {
            LOG.debug("cannot remove the unfinished run folder {}: {}", dir, e.toString());
            return false;
        }
    }
}
