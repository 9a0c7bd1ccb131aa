package babysitter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Half-made run folders, a run folder shared by two writers, and failures that must name their file. */
class RunFoldersTest {

    /** A folder last changed two minutes ago, as one left by a creation killed then. */
    private static Path old(Path dir) throws IOException {
        Files.setLastModifiedTime(dir, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofMinutes(2))));
        return dir;
    }

    private static long children(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void foldersOfKilledCreationsAreRemovedWhenListingAndNeverListed(@TempDir Path runs) throws Exception {
        Path empty = old(Files.createDirectories(runs.resolve("20260101-120000-spiral")));
        Path halfMade = Files.createDirectories(runs.resolve("20260101-120001-spiral"));
        Files.writeString(halfMade.resolve("run.json.tmp-12345"), "{\"pro");
        Files.writeString(halfMade.resolve(FolderLock.FILE), "999999\n");
        old(halfMade);
        Path young = Files.createDirectories(runs.resolve("20260101-120003-spiral"));
        Path someoneElses = old(Files.createDirectories(runs.resolve("notes")));
        Files.writeString(someoneElses.resolve("todo.txt"), "keep me");
        old(someoneElses);
        try (RunWriter w = RunWriter.create(runs, "good", RunRoundTripTest.config())) {
            // a creation in progress elsewhere: its lock is held
            Path inProgress = Files.createDirectories(runs.resolve("20260101-120002-spiral"));
            try (FolderLock held = FolderLock.acquire(inProgress)) {
                old(inProgress);
                assertThat(RunReader.listRuns(runs)).containsExactly(w.dir());
                assertThat(inProgress).exists();
            }
            assertThat(empty).doesNotExist();
            assertThat(halfMade).doesNotExist();
            assertThat(someoneElses.resolve("todo.txt")).exists();
            assertThat(young).as("perhaps being made right now").exists();
        }
    }

    @Test
    void startingARunRemovesTheLeftoversFirst(@TempDir Path runs) throws Exception {
        old(Files.createDirectories(runs.resolve("20260101-120000-spiral")));
        try (RunWriter w = RunWriter.create(runs, "next", RunRoundTripTest.config())) {
            assertThat(children(runs)).isEqualTo(1);
        }
    }

    @Test
    void aRunFolderHasOneWriterAtATime(@TempDir Path runs) throws Exception {
        Path dir;
        try (RunWriter w = RunWriter.create(runs, "x", RunRoundTripTest.config())) {
            dir = w.dir();
            assertThatThrownBy(() -> RunWriter.reopen(dir)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(dir + " is in use by this program");
        }
        try (RunWriter again = RunWriter.reopen(dir)) {
            assertThat(again.dir()).isEqualTo(dir);
        }
    }

    @Test
    void aFullDiskIsToldWithTheFileAndTheRun(@TempDir Path runs) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        Path dir;
        try (RunWriter w = RunWriter.create(runs, "full", RunRoundTripTest.config())) {
            dir = w.dir();
        }
        // metrics.jsonl on a device that is always full
        Files.delete(dir.resolve(RunWriter.METRICS));
        Files.createSymbolicLink(dir.resolve(RunWriter.METRICS), Path.of("/dev/full"));
        try (RunWriter w = RunWriter.reopen(dir)) {
            assertThatThrownBy(() -> w.step(new StepMetric(1, 0, 0, 0.5, 0.01, 0.9, 1000, 1)))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot append to " + dir.resolve(RunWriter.METRICS) + ": No space left on device (run "
                            + dir + ")");
        }
    }

    @Test
    void aFileWhereTheRunsFolderBelongsIsNamed(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("runs"), "x");
        assertThatThrownBy(() -> RunWriter.create(file, "x", RunRoundTripTest.config()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(file + " is a file, not a folder")
                .hasCauseInstanceOf(BadFileException.class);
    }

    @Test
    void aFailedReplacementLeavesNoTemporaryFileAndNamesTheFile(@TempDir Path tmp) throws Exception {
        Path target = Files.createDirectories(tmp.resolve("out.csv"));
        Files.writeString(target.resolve("inside"), "a folder that is not empty cannot be replaced by a file");
        assertThatThrownBy(() -> AtomicFiles.write(target, "a,b\n".getBytes())).isInstanceOf(IOException.class)
                .hasMessageContaining(target.toString());
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out.csv");
        }
        assertThatThrownBy(() -> AtomicFiles.write(tmp.resolve("x.csv"), out -> {
            throw new IOException("No space left on device");
        })).hasMessage("cannot write " + tmp.resolve("x.csv") + ": No space left on device");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out.csv");
        }
    }
}
