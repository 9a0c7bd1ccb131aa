package babysitter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Runs window lists a run when its folder appears, whoever makes it and whenever. */
class RunsWatcherTest {
    /** Long enough for the operating system's watcher and the quiet time after a burst. */
    private static final long TOLD_WITHIN_SECONDS = 10;

    @TempDir
    Path tmp;

    private final Semaphore told = new Semaphore(0);

    private boolean toldWithin(long seconds) throws InterruptedException {
        return told.tryAcquire(seconds, TimeUnit.SECONDS);
    }

    /** Checks that the watcher told of {@code what}, and forgets any further telling of it. */
    private void assertToldOf(String what) throws InterruptedException {
        assertThat(toldWithin(TOLD_WITHIN_SECONDS)).as(what).isTrue();
        told.drainPermits();
    }

    @Test
    void aNewRunFolderIsTold() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        try (RunsWatcher w = new RunsWatcher(List.of(runs), told::release)) {
            Files.createDirectories(runs.resolve("20261205-1100-digits"));
            assertThat(toldWithin(TOLD_WITHIN_SECONDS)).isTrue();
        }
    }

    @Test
    void aRunsFolderMadeAfterTheWatcherStartedIsWatchedFromThen() throws Exception {
        // the Runs window opened before the first run ever made the runs folder (and its parent)
        Path runs = tmp.resolve("home").resolve("runs");
        try (RunsWatcher w = new RunsWatcher(List.of(runs), told::release)) {
            Files.createDirectories(runs);
            assertToldOf("the runs folder appeared");
            Files.createDirectories(runs.resolve("20261205-1100-digits"));
            assertToldOf("a run appeared in it");
            Files.writeString(runs.resolve("20261205-1100-digits").resolve("run.json"), "{}");
            assertToldOf("the run's files changed");
        }
    }

    @Test
    void aRunsFolderDeletedAndMadeAgainIsWatchedAgain() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        try (RunsWatcher w = new RunsWatcher(List.of(runs), told::release)) {
            Files.delete(runs);
            assertToldOf("the runs folder went");
            Files.createDirectories(runs.resolve("20261205-1100-digits"));
            assertToldOf("it came back with a run");
            Files.createDirectories(runs.resolve("20261205-1200-spiral"));
            assertToldOf("another run in it");
        }
    }

    @Test
    void theLibrarysOwnFilesAreNotTold() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Path run = Files.createDirectories(runs.resolve("20261205-1100-digits"));
        try (RunsWatcher w = new RunsWatcher(List.of(runs), told::release)) {
            Files.writeString(run.resolve(RunLibrary.CACHE), "{}");
            Files.writeString(runs.resolve(FolderLock.FILE), "");
            assertThat(toldWithin(2)).isFalse();
        }
    }
}
