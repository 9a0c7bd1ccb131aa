package babysitter.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.ConfigFiles;
import babysitter.session.Pace;
import babysitter.session.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-in 2-D data goes at a pace a person can watch; a pace the person chose is kept for the next runs. */
class PaceChoiceTest {
    private final ConcurrentLinkedQueue<Report> pending = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();
    private MainViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.closeSession();
        }
    }

    private void pump(BooleanSupplier until) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!until.getAsBoolean()) {
            Runnable r;
            while ((r = fxQueue.poll()) != null) {
                r.run();
            }
            List<Report> batch = new ArrayList<>();
            Report rep;
            while ((rep = pending.poll()) != null) {
                batch.add(rep);
            }
            if (!batch.isEmpty()) {
                vm.accept(batch);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(500_000);
        }
    }

    private boolean paceEvent(String text) {
        return vm.events().stream().anyMatch(e -> e.kind().equals("pace") && text.equals(e.details().get("pace")));
    }

    @Test
    void spiralIsWatchableByDefaultAndAChosenPaceStaysForTheNextRun(@TempDir Path runs) throws Exception {
        vm = new MainViewModel(fxQueue::add, Runnable::run, runs, MainViewModelTest.CLOCK, target -> pending::add);
        vm.newRun(MainViewModelTest.spiral(400));
        pump(() -> paceEvent("5 epochs/s"));
        assertThat(vm.paceProperty().get()).isEqualTo(Pace.WATCHABLE);
        vm.paceProperty().set(Pace.EPOCH_BY_EPOCH);
        pump(() -> vm.stateProperty().get() == Report.State.PAUSED);
        assertThat(paceEvent("pause after each epoch")).isTrue();
        vm.newRun(MainViewModelTest.spiral(3));
        pump(() -> vm.stateProperty().get() == Report.State.PAUSED && vm.epochProperty().get() == 1);
        assertThat(vm.paceProperty().get()).isEqualTo(Pace.EPOCH_BY_EPOCH);
    }
}
