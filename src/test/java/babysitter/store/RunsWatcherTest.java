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
            assertThat(toldWithin(TOLD_WITHIN_SECONDS)).as("the runs folder appeared").isTrue();
            told.drainPermits();
            Files.createDirectories(runs.resolve("20261205-1100-digits"));
            assertThat(toldWithin(TOLD_WITHIN_SECONDS)).as("a run appeared in it").isTrue();
            told.drainPermits();
            Files.writeString(runs.resolve("20261205-1100-digits").resolve("run.json"), "{}");
            assertThat(toldWithin(TOLD_WITHIN_SECONDS)).as("the run's files changed").isTrue();
        }
    }

    @Test
    void aRunsFolderDeletedAndMadeAgainIsWatchedAgain() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        try (RunsWatcher w = new RunsWatcher(List.of(runs), told::release)) {
            Files.delete(runs);
            assertThat(toldWithin(TOLD_WITHIN_SECONDS)).as("the runs folder went").isTrue();
            told.drainPermits();
            Files.createDirectories(runs.resolve("20261205-1100-digits"));
            assertThat(toldWithin(TOLD_WITHIN_SECONDS)).as("it came back with a run").isTrue();
            told.drainPermits();
            Files.createDirectories(runs.resolve("20261205-1200-spiral"));
            assertThat(toldWithin(TOLD_WITHIN_SECONDS)).as("another run in it").isTrue();
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
