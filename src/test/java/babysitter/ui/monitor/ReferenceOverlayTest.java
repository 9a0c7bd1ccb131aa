package babysitter.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.plot.SeriesBuffer;
import babysitter.session.reports.Report;
import babysitter.store.EpochMetric;
import babysitter.store.Json;
import babysitter.store.Run;
import babysitter.store.StepMetric;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded runs on the monitor's charts: their lines, their x in every mode, and what takes them off. */
class ReferenceOverlayTest {

    private static EpochMetric epoch(int e, long step, double trainCost, double devCost, double devAcc, double seconds) {
        return new EpochMetric(e, step, 0, trainCost, 0.5, devCost, devAcc, Double.NaN, Double.NaN, 1, 0, 1, seconds);
    }

    /** Two epochs of 10 steps; its dev accuracy 0.6 then 0.8. */
    private static ReferenceRun twoEpochs(String name) {
        long[] steps = new long[20];
        double[] seconds = new double[20];
        double[] costs = new double[20];
        for (int i = 0; i < 20; i++) {
            steps[i] = i + 1;
            seconds[i] = 0.5 * (i + 1);
            costs[i] = 2.0 - 0.05 * i;
        }
        return new ReferenceRun(name, Path.of("runs", name), steps, seconds, costs,
                List.of(epoch(0, 10, 1.5, 1.6, 0.6, 5), epoch(1, 20, 1.1, 1.2, 0.8, 10)));
    }

    private static List<MonitorViewModel.Line> references(MonitorViewModel vm) {
        return vm.lines().stream().filter(l -> l.role() == MonitorViewModel.Role.REFERENCE).toList();
    }

    private static SeriesBuffer on(MonitorViewModel vm, MonitorViewModel.Chart chart) {
        return references(vm).stream().filter(l -> l.chart() == chart).findFirst().orElseThrow().data();
    }

    @Test
    void aReferenceGetsALineOnEachChartNamedAsAReference() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.references().add(List.of(twoEpochs("wide")));
        assertThat(references(vm)).extracting(MonitorViewModel.Line::chart).containsExactly(
                MonitorViewModel.Chart.STEP_COST, MonitorViewModel.Chart.EPOCH_COST, MonitorViewModel.Chart.EPOCH_ACCURACY);
        assertThat(references(vm)).extracting(vm::displayName).containsExactly("wide (reference)",
                "wide (reference, dev)", "wide (reference, dev)");
        SeriesBuffer accuracy = on(vm, MonitorViewModel.Chart.EPOCH_ACCURACY);
        assertThat(accuracy.size()).isEqualTo(2);
        assertThat(accuracy.x(1)).isEqualTo(2.0);
        assertThat(accuracy.y(1)).isEqualTo(0.8);
        assertThat(on(vm, MonitorViewModel.Chart.EPOCH_COST).y(0)).as("dev cost").isEqualTo(1.6);
        SeriesBuffer steps = on(vm, MonitorViewModel.Chart.STEP_COST);
        assertThat(steps.size()).isEqualTo(20);
        assertThat(steps.y(0)).as("the debiased average starts at the first cost").isEqualTo(2.0);
        assertThat(steps.y(19)).as("smoothed: above the last raw cost of a falling curve").isGreaterThan(1.05);
    }

    @Test
    void theReferenceFollowsTheXModeAndTheSmoothing() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.references().add(List.of(twoEpochs("wide")));
        SeriesBuffer steps = on(vm, MonitorViewModel.Chart.STEP_COST);
        assertThat(steps.x(4)).isEqualTo(5.0);
        vm.xAxisProperty().set(MonitorViewModel.XAxis.EPOCH);
        assertThat(steps.x(4)).as("step 5 of 10 in the first epoch").isCloseTo(0.5, within(1e-9));
        assertThat(steps.x(14)).as("step 15: half way through the second").isCloseTo(1.5, within(1e-9));
        vm.xAxisProperty().set(MonitorViewModel.XAxis.TIME);
        assertThat(steps.x(4)).isEqualTo(2.5);
        assertThat(on(vm, MonitorViewModel.Chart.EPOCH_ACCURACY).x(1)).as("its seconds").isEqualTo(10.0);
        vm.smoothingProperty().set(0);
        assertThat(steps.y(19)).as("no smoothing: the raw cost").isCloseTo(2.0 - 0.05 * 19, within(1e-12));
    }

    @Test
    void referencesStayForANewRunAndComeOffOneByOneOrAllAtOnce() {
        MonitorViewModel vm = new MonitorViewModel();
        ReferenceRun a = twoEpochs("a");
        ReferenceRun b = twoEpochs("b");
        vm.references().add(List.of(a, b));
        assertThat(vm.references().slots()).containsExactly(0, 1);
        vm.accept(List.of(new Report.StepReport(1, 0, 0, 1.0, 0.01, 0.9, 100)));
        vm.reset();
        assertThat(references(vm)).hasSize(6);
        long revision = vm.revision().get();
        vm.references().remove(a);
        assertThat(vm.revision().get()).as("the charts redraw").isGreaterThan(revision);
        assertThat(references(vm)).extracting(MonitorViewModel.Line::name).allMatch(n -> n.startsWith("b "));
        vm.references().add(List.of(twoEpochs("c")));
        assertThat(vm.references().slots()).as("c takes a's free colour, b keeps its own").containsExactly(1, 0);
        vm.references().add(List.of(twoEpochs("c")));
        assertThat(vm.references().runs()).as("the same folder again replaces it").extracting(ReferenceRun::name)
                .containsExactly("b", "c");
        vm.references().clear();
        assertThat(references(vm)).isEmpty();
        assertThat(vm.references().runs()).isEmpty();
    }

    @Test
    void aRewoundRunIsReadAlongThePathItEndedOnWithoutItsNonFiniteCosts() {
        List<StepMetric> steps = List.of(step(1, 0, 1.0), step(2, 0, 0.9), step(3, 0, Double.NaN), step(4, 0, 5.0),
                step(3, 1, 0.8), step(4, 1, 0.7));
        List<EpochMetric> epochs = List.of(epoch(0, 2, 1, 1, 0.5, 1), epoch(1, 4, 1, 1, 0.4, 2),
                epoch(1, 4, 1, 1, 0.7, 3));
        Run run = new Run(Path.of("runs", "r"), Json.object(), steps, epochs, List.of(), List.of(), List.of());
        ReferenceRun r = ReferenceRun.of("r", run);
        assertThat(r.steps()).containsExactly(1, 2, 3, 4);
        assertThat(r.stepCosts()).containsExactly(1.0, 0.9, 0.8, 0.7);
        assertThat(r.epochs()).extracting(EpochMetric::devAccuracy).containsExactly(0.5, 0.7);
    }

    private static StepMetric step(long step, int branch, double cost) {
        return new StepMetric(step, 0, branch, cost, 0.01, Double.NaN, 100, 0, step);
    }
}
