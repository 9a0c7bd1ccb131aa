package babysitter.ui.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import babysitter.store.FakeRuns;
import babysitter.store.FolderLock;
import babysitter.store.RunCurves;
import babysitter.store.RunLibrary;
import babysitter.store.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library without a window: both executors run at once on the test's thread. */
class LibraryViewModelTest {

    @Test
    void listsFiltersSelectsAndRenames(@TempDir Path root) throws Exception {
        Path a = FakeRuns.run(root, "a", "spiral", "adam", 0.02, 0.9, 4, "finished", 1_700_000_000L, 0.5, 0.6);
        FakeRuns.run(root, "b", "moons", "sgd", 0.1, Double.NaN, 4, "stopped", 1_700_000_100L, 0.7);
        List<Path> opened = new ArrayList<>();
        LibraryViewModel vm = new LibraryViewModel(List.of(root), Runnable::run, Runnable::run, opened::add);
        vm.refresh();
        assertThat(vm.shown()).extracting(e -> e.summary().name()).containsExactly("b", "a");
        vm.filterProperty().set("data=spiral");
        assertThat(vm.shown()).extracting(e -> e.summary().name()).containsExactly("a");
        vm.filterProperty().set("");

        vm.selected().setAll(vm.runs());
        assertThat(vm.curves()).extracting(RunCurves.Curve::name).containsExactly("b", "a");
        assertThat(vm.curves().get(1).y()).containsExactly(0.5, 0.6);
        assertThat(vm.differences()).filteredOn(ConfigDiff.Row::differs).extracting(ConfigDiff.Row::key)
                .contains("name", "data.kind", "optimizer.kind", "optimizer.learningRate")
                .doesNotContain("seed", "optimizer.batchSize");

        assertThat(vm.changes()).extracting(RunChanges.Column::run).containsExactly("b", "a");
        assertThat(vm.changes().get(0).changes()).as("b only started and stopped").isEmpty();

        vm.rename(vm.runs().get(1), "the good one");
        assertThat(vm.runs()).extracting(e -> e.summary().name()).contains("the good one");
        vm.open(vm.runs().get(1));
        assertThat(opened).containsExactly(a);
    }

    @Test
    void theChangesOfASelectedRunComeFromItsEventsFile(@TempDir Path root) throws Exception {
        Path a = FakeRuns.run(root, "a", "spiral", "adam", 0.02, 0.9, 4, "finished", 1_700_000_000L, 0.5, 0.6);
        babysitter.engine.Hyperparameters hp = babysitter.engine.Hyperparameters.DEFAULTS.withLearningRate(0.02);
        try (babysitter.store.RunWriter w = babysitter.store.RunWriter.reopen(a)) {
            w.event(new babysitter.store.RunEvent(6, 1, 0, new babysitter.store.Event.HyperparametersChanged(hp,
                    hp.withLearningRate(0.01), "user", -1), 1_700_000_001_000L));
        }
        LibraryViewModel vm = new LibraryViewModel(List.of(root), Runnable::run, Runnable::run, p -> { });
        vm.refresh();
        vm.selected().setAll(vm.runs());
        assertThat(vm.changes()).singleElement().extracting(RunChanges.Column::changes)
                .isEqualTo(List.of("epoch 2 · step 6: α 0.02→0.01 (user)"));
    }

    /**
     * A run this program trained to its last epoch keeps its folder locked (more epochs may follow) and
     * has no stop event yet; the Runs window says it finished, as the main window does, not that it runs.
     */
    @Test
    void aRunThisProgramFinishedButStillHoldsIsShownFinished(@TempDir Path root) throws Exception {
        Path a = FakeRuns.run(root, "a", "spiral", "adam", 0.02, 0.9, 4, "killed", 1_700_000_000L, 0.5, 0.6);
        Path b = FakeRuns.run(root, "b", "moons", "sgd", 0.1, Double.NaN, 4, "killed", 1_700_000_100L, 0.7);
        try (FolderLock lockA = FolderLock.acquire(a); FolderLock lockB = FolderLock.acquire(b)) {
            LibraryViewModel vm = new LibraryViewModel(List.of(root), Runnable::run, Runnable::run, p -> { });
            vm.setFinishedHere(a::equals);
            vm.refresh();
            assertThat(vm.runs()).extracting(e -> e.summary().name(), RunLibrary.Entry::state).containsExactly(
                    tuple("b", RunSummary.State.RUNNING_HERE), tuple("a", RunSummary.State.FINISHED));
        }
    }

    /** The table's placeholder: no runs at all, or runs that the filter hides every one of; in both languages. */
    @Test
    void thePlaceholderSaysWhenTheFilterHidesEveryRun(@TempDir Path root) throws Exception {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            LibraryViewModel vm = new LibraryViewModel(List.of(root), Runnable::run, Runnable::run, p -> { });
            vm.refresh();
            assertThat(vm.placeholderProperty().get()).isEqualTo("No runs here yet: a run appears as soon as it starts.");

            FakeRuns.run(root, "a", "spiral", "adam", 0.02, 0.9, 4, "finished", 1_700_000_000L, 0.5, 0.6);
            vm.refresh();
            vm.filterProperty().set("data=moons");
            assertThat(vm.shown()).isEmpty();
            assertThat(vm.placeholderProperty().get())
                    .isEqualTo("No run matches the filter \u201cdata=moons\u201d (1 run in all).");
            Locale.setDefault(Locale.KOREAN);
            vm.filterProperty().set("data=circles");
            assertThat(vm.placeholderProperty().get())
                    .isEqualTo("필터 \u201cdata=circles\u201d에 맞는 실행이 없습니다 (전체 1개).");

            vm.filterProperty().set("data=spiral");
            assertThat(vm.shown()).hasSize(1);
            vm.filterProperty().set("");
            Locale.setDefault(Locale.ENGLISH);
            FakeRuns.run(root, "b", "moons", "sgd", 0.1, Double.NaN, 4, "stopped", 1_700_000_100L, 0.7);
            vm.filterProperty().set("state=killed");
            vm.refresh();
            assertThat(vm.placeholderProperty().get()).as("a new listing counts again")
                    .isEqualTo("No run matches the filter \u201cstate=killed\u201d (2 runs in all).");
        } finally {
            Locale.setDefault(before);
        }
    }
}
