package babysitter.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.live.Pace;
import babysitter.session.reports.Report;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-in 2-D data goes at a pace a person can watch; a pace the person chose is kept for the next runs. */
class PaceChoiceTest {
    private final FxPump pump = new FxPump();
    private MainViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.closeSession();
        }
    }


    private boolean paceEvent(String text) {
        return vm.events().stream().anyMatch(e -> e.event() instanceof babysitter.store.Event.PaceSet p && p.pace().equals(text));
    }

    @Test
    void spiralIsWatchableByDefaultAndAChosenPaceStaysForTheNextRun(@TempDir Path runs) throws Exception {
        vm = pump.create(runs);
        vm.newRun(MainViewModelTest.spiral(400));
        pump.until(() -> paceEvent("5 epochs/s"));
        assertThat(vm.paceProperty().get()).isEqualTo(Pace.WATCHABLE);
        vm.paceProperty().set(Pace.EPOCH_BY_EPOCH);
        pump.until(() -> vm.progress().stateProperty().get() == Report.State.PAUSED);
        assertThat(paceEvent("pause after each epoch")).isTrue();
        vm.newRun(MainViewModelTest.spiral(3));
        pump.until(() -> vm.progress().stateProperty().get() == Report.State.PAUSED && vm.progress().epochProperty().get() == 1);
        assertThat(vm.paceProperty().get()).isEqualTo(Pace.EPOCH_BY_EPOCH);
    }
}
