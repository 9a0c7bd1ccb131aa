package babysitter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLibraryTest {

    @Test
    void summarisesARunFromItsFiles(@TempDir Path root) throws Exception {
        Path dir = FakeRuns.run(root, "spiral-a", "spiral", "adam", 0.02, 0.9, 5, "finished", 1_700_000_000L,
                0.5, 0.8, 0.7);
        RunSummary s = new RunLibrary().summary(dir);
        assertThat(s.name()).isEqualTo("spiral-a");
        assertThat(s.data()).isEqualTo("spiral");
        assertThat(s.network()).isEqualTo("2-8-3");
        assertThat(s.optimizer()).isEqualTo("adam");
        assertThat(s.alphaStart()).isEqualTo(0.02);
        assertThat(s.betaLast()).isEqualTo(0.9);
        assertThat(s.epochs()).isEqualTo(3);
        assertThat(s.plannedEpochs()).isEqualTo(3);
        assertThat(s.steps()).isEqualTo(15);
        assertThat(s.bestDevAccuracy()).isEqualTo(0.8);
        assertThat(s.bestDevCost()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.wallSeconds()).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.ending()).isEqualTo(RunSummary.Ending.FINISHED);
        assertThat(s.sizeBytes()).isGreaterThan(Files.size(dir.resolve(RunWriter.METRICS)));
        assertThat(s.createdMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(RunLibrary.state(s)).isEqualTo(RunSummary.State.FINISHED);
    }

    @Test
    void plainSgdShowsNoBetaThoughItsStepsRecordTheUnusedMomentum(@TempDir Path root) throws Exception {
        // the trainer writes the momentum hyperparameter into every step, also for SGD, which has no β
        Path sgd = FakeRuns.run(root, "plain", "spiral", "sgd", 0.1, 0.9, 2, "finished", 1_700_000_000L, 0.5);
        Path momentum = FakeRuns.run(root, "heavy", "spiral", "momentum", 0.1, 0.9, 2, "finished", 1_700_000_001L, 0.5);
        RunLibrary library = new RunLibrary();
        RunLibrary.Entry plain = new RunLibrary.Entry(library.summary(sgd), RunSummary.State.FINISHED);
        RunLibrary.Entry heavy = new RunLibrary.Entry(library.summary(momentum), RunSummary.State.FINISHED);
        assertThat(plain.summary().betaStart()).isNaN();
        assertThat(plain.summary().betaLast()).isNaN();
        assertThat(RunColumn.BETA.text(plain)).isEqualTo("—");
        assertThat(RunColumn.BETA.number(plain)).isNaN();
        assertThat(RunColumn.BETA.text(heavy)).isEqualTo("0.900");
        // a summary cached before this rule reads the same way
        RunSummary cached = plain.summary();
        RunSummary old = new RunSummary(cached.dir(), cached.name(), cached.data(), cached.network(), "sgd",
                cached.alphaStart(), cached.alphaLast(), 0.9, 0.9, cached.epochs(), cached.plannedEpochs(),
                cached.steps(), cached.bestDevAccuracy(), cached.bestDevCost(), cached.wallSeconds(), cached.ending(),
                cached.branches(), cached.sizeBytes(), cached.createdMillis(), cached.notes());
        assertThat(old.betaLast()).isNaN();
    }

    @Test
    void theStateTellsStoppedKilledAndRunningApart(@TempDir Path root) throws Exception {
        Path stopped = FakeRuns.run(root, "s", "spiral", "sgd", 0.1, Double.NaN, 2, "stopped", 1_700_000_000L, 0.5);
        Path killed = FakeRuns.run(root, "k", "spiral", "sgd", 0.1, Double.NaN, 2, "killed", 1_700_000_001L, 0.5);
        RunLibrary lib = new RunLibrary();
        assertThat(RunLibrary.state(lib.summary(stopped))).isEqualTo(RunSummary.State.STOPPED);
        assertThat(RunLibrary.state(lib.summary(killed))).isEqualTo(RunSummary.State.KILLED);
        try (FolderLock held = FolderLock.acquire(killed)) {
            assertThat(RunLibrary.state(lib.summary(killed))).isEqualTo(RunSummary.State.RUNNING_HERE);
        }
        assertThat(RunLibrary.state(lib.summary(killed))).isEqualTo(RunSummary.State.KILLED);
    }

    @Test
    void aSummaryIsMadeOnceAndMadeAgainWhenTheRunGrows(@TempDir Path root) throws Exception {
        Path dir = FakeRuns.run(root, "a", "spiral", "adam", 0.02, 0.9, 3, "killed", 1_700_000_000L, 0.5, 0.6);
        RunLibrary first = new RunLibrary();
        assertThat(first.summary(dir).epochs()).isEqualTo(2);
        assertThat(first.summariesMade()).isEqualTo(1);
        assertThat(dir.resolve(RunLibrary.CACHE)).exists();
        first.summary(dir);
        assertThat(first.summariesMade()).as("from memory").isEqualTo(1);
        RunLibrary second = new RunLibrary();
        RunSummary cached = second.summary(dir);
        assertThat(second.summariesMade()).as("from .summary.json").isZero();
        assertThat(cached).isEqualTo(first.summary(dir));

        try (RunWriter w = RunWriter.reopen(dir)) {
            w.epoch(new EpochMetric(2, 9, 0, 0.1, 0.95, 0.1, 0.95, 0.1, 0.95, 0.1, 1_700_000_100_000L));
        }
        RunSummary grown = second.summary(dir);
        assertThat(second.summariesMade()).isEqualTo(1);
        assertThat(grown.epochs()).isEqualTo(3);
        assertThat(grown.bestDevAccuracy()).isEqualTo(0.95);
    }

    @Test
    void notesGiveTheNameAndTagsAndAreSummarisedAgain(@TempDir Path root) throws Exception {
        Path dir = FakeRuns.run(root, "a", "spiral", "adam", 0.02, 0.9, 3, "finished", 1_700_000_000L, 0.5);
        RunLibrary lib = new RunLibrary();
        assertThat(lib.summary(dir).name()).isEqualTo("a");
        new RunNotes("best so far", "lr 0.02 looks right", RunNotes.parseTags("adam, keep  keep")).write(dir);
        RunSummary s = lib.summary(dir);
        assertThat(s.name()).isEqualTo("best so far");
        assertThat(s.tags()).containsExactly("adam", "keep");
        assertThat(RunNotes.read(dir).note()).isEqualTo("lr 0.02 looks right");
    }

    @Test
    void aBadNotesFileNamesTheFileAndTheField(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve(RunNotes.FILE), "{\"tags\": \"adam\"}");
        assertThatThrownBy(() -> RunNotes.read(root)).isInstanceOf(BadFileException.class)
                .hasMessageContaining(RunNotes.FILE).hasMessageContaining("\"tags\" must be a list");
    }

    @Test
    void listingSkipsABrokenRunWithAWarningAndKeepsTheOthers(@TempDir Path root) throws Exception {
        FakeRuns.run(root, "good", "spiral", "adam", 0.02, 0.9, 3, "finished", 1_700_000_000L, 0.5);
        Path bad = Files.createDirectories(root.resolve("20240101-000000-bad"));
        Files.writeString(bad.resolve(RunWriter.RUN_JSON), "{ not json");
        RunLibrary.Listing l = new RunLibrary().list(List.of(root, root.resolve("missing")));
        assertThat(l.runs()).extracting(e -> e.summary().name()).containsExactly("good");
        assertThat(l.warnings()).singleElement().asString().contains(bad.resolve(RunWriter.RUN_JSON).toString());
    }

    @Test
    void filtersByWordsAndColumnValues(@TempDir Path root) throws Exception {
        FakeRuns.run(root, "a", "spiral", "adam", 0.02, 0.9, 3, "finished", 1_700_000_000L, 0.9);
        FakeRuns.run(root, "b", "moons", "sgd", 0.1, Double.NaN, 3, "stopped", 1_700_000_001L, 0.6);
        FakeRuns.run(root, "c", "spiral", "momentum", 0.05, 0.9, 3, "killed", 1_700_000_002L, 0.7);
        List<RunLibrary.Entry> all = new RunLibrary().list(List.of(root)).runs();
        assertThat(names(all, "spiral")).containsExactlyInAnyOrder("a", "c");
        assertThat(names(all, "data=spiral dev-acc>0.8")).containsExactly("a");
        assertThat(names(all, "state!=killed")).containsExactlyInAnyOrder("a", "b");
        assertThat(names(all, "dev-acc<=0.7")).containsExactlyInAnyOrder("b", "c");
        assertThat(all.stream().sorted(RunColumn.DEV_ACC.order()).map(e -> e.summary().name()))
                .containsExactly("b", "c", "a");
        // the window's words for a cell count too, and "!=" then means neither the printed nor the shown text
        java.util.function.BiFunction<RunColumn, RunLibrary.Entry, String> korean = (c, e) ->
                c == RunColumn.STATE ? e.state().label().replace("killed", "비정상 종료") : c.text(e);
        assertThat(all.stream().filter(RunFilter.parse("state=비정상", korean)).map(e -> e.summary().name()))
                .containsExactly("c");
        assertThat(all.stream().filter(RunFilter.parse("state!=비정상", korean)).map(e -> e.summary().name()))
                .containsExactlyInAnyOrder("a", "b");
        assertThat(all.stream().filter(RunFilter.parse("state!=killed", korean)).map(e -> e.summary().name()))
                .containsExactlyInAnyOrder("a", "b");
        assertThat(all.stream().filter(RunFilter.parse("비정상", korean)).map(e -> e.summary().name())).containsExactly("c");
        assertThatThrownBy(() -> RunFilter.parse("colour=red")).hasMessageContaining("no column 'colour'");
        assertThatThrownBy(() -> RunFilter.parse("data>3")).hasMessageContaining("data is text");
        assertThatThrownBy(() -> RunFilter.parse("dev-acc>high")).hasMessageContaining("'high' is not");
    }

    private static List<String> names(List<RunLibrary.Entry> runs, String filter) {
        return runs.stream().filter(RunFilter.parse(filter)).map(e -> e.summary().name()).toList();
    }
}
