package babysitter.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With x in seconds every point sits at the run's training seconds when it happened, not at the
 * moment the window received it: reports arrive in batches, and a batch must not become a stair.
 */
class MonitorTimeAxisTest {

    private static Report.StepReport step(long s, int branch, double seconds) {
        return new Report.StepReport(s, (int) (s / 10), branch, 1.0 / (s + 1), 0.01, 0.9, 1000, seconds);
    }

    private static List<MonitorViewModel.Line> lines(MonitorViewModel vm, MonitorViewModel.Chart chart,
                                                     MonitorViewModel.Role role) {
        return vm.lines().stream().filter(l -> l.chart() == chart && l.role() == role).toList();
    }

    @Test
    void pointsOfOneBatchKeepTheirOwnSecondsAndGrowWithinABranch() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.stepsPerEpochProperty().set(10);
        vm.xAxisProperty().set(MonitorViewModel.XAxis.TIME);
        vm.accept(List.of(step(0, 0, 0.01), step(1, 0, 0.02), step(2, 0, 0.03),
                new Report.EpochReport(0, 3, 0, 1, 0.5, 1, 0.5, 1, 0.5, 0.03, List.of(), 0.5),
                new Report.EventReport(new babysitter.store.Event.Rewind("step-1", 3, 0, 0, 1, false), 1, 0, 1, 0.6),
                step(1, 1, 0.7), step(2, 1, 0.8)));
        var raw = lines(vm, MonitorViewModel.Chart.STEP_COST, MonitorViewModel.Role.RAW);
        var main = raw.stream().filter(l -> l.branch() == 0).findFirst().orElseThrow().data();
        assertThat(new double[] {main.x(0), main.x(1), main.x(2)}).containsExactly(0.01, 0.02, 0.03);
        var next = raw.stream().filter(l -> l.branch() == 1).findFirst().orElseThrow().data();
        assertThat(next.x(next.size() - 1)).isEqualTo(0.8);
        var epochs = lines(vm, MonitorViewModel.Chart.EPOCH_COST, MonitorViewModel.Role.TRAIN).get(0).data();
        assertThat(epochs.x(0)).isEqualTo(0.5);
        assertThat(vm.markers()).singleElement().satisfies(m -> assertThat(vm.markerX(m)).isEqualTo(0.6));
    }
}
