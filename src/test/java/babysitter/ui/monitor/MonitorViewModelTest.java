package babysitter.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.plot.SeriesBuffer;
import babysitter.session.reports.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorViewModelTest {

    private static Report.StepReport step(long s, int branch, double cost) {
        return new Report.StepReport(s, 0, branch, cost, 0.01, 0.9, 1000);
    }

    private static SeriesBuffer line(MonitorViewModel vm, MonitorViewModel.Chart chart, MonitorViewModel.Role role,
                                     int branch) {
        return vm.lines().stream().filter(l -> l.chart() == chart && l.role() == role && l.branch() == branch)
                .findFirst().orElseThrow().data();
    }

    @Test
    void stepsBecomeRawAndDebiasedSmoothedPoints() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.smoothingProperty().set(0.5);
        vm.accept(List.of(step(0, 0, 4), step(1, 0, 2), step(2, 0, 1)));
        SeriesBuffer raw = line(vm, MonitorViewModel.Chart.STEP_COST, MonitorViewModel.Role.RAW, 0);
        SeriesBuffer smooth = line(vm, MonitorViewModel.Chart.STEP_COST, MonitorViewModel.Role.SMOOTHED, 0);
        assertThat(raw.size()).isEqualTo(3);
        // debiased EMA: first point equals the first cost
        assertThat(smooth.y(0)).isEqualTo(4.0);
        // e1 = 0.5*2 + 0.5*(0.5*4) ... computed by hand: e = [2, 2, 1.5]; debiased by 1-0.5^k: [4, 2.6667, 1.7143]
        assertThat(smooth.y(1)).isCloseTo(2.0 / 0.75, within(1e-12));
        assertThat(smooth.y(2)).isCloseTo(1.5 / 0.875, within(1e-12));
    }

    @Test
    void newPointsNeverChangeThePastOfTheSmoothedCurve() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.accept(List.of(step(0, 0, 3), step(1, 0, 2)));
        SeriesBuffer smooth = line(vm, MonitorViewModel.Chart.STEP_COST, MonitorViewModel.Role.SMOOTHED, 0);
        double first = smooth.y(0);
        double second = smooth.y(1);
        vm.accept(List.of(step(2, 0, 100)));
        assertThat(smooth.y(0)).isEqualTo(first);
        assertThat(smooth.y(1)).isEqualTo(second);
    }

    @Test
    void aNanCostNeverReachesAChart() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.accept(List.of(step(0, 0, 1), step(1, 0, Double.NaN), step(2, 0, Double.POSITIVE_INFINITY)));
        assertThat(line(vm, MonitorViewModel.Chart.STEP_COST, MonitorViewModel.Role.RAW, 0).size()).isEqualTo(1);
    }

    @Test
    void changesBecomeMarkersAndARewindStartsANewBranch() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.accept(List.of(step(0, 0, 1), step(1, 0, 0.9),
                new Report.EventReport(new babysitter.store.Event.HyperparametersChanged(babysitter.engine.Hyperparameters.DEFAULTS.withLearningRate(0.03), babysitter.engine.Hyperparameters.DEFAULTS.withLearningRate(0.01), "user", -1), 2, 0, 0),
                new Report.EventReport(new babysitter.store.Event.CheckpointTaken("epoch-0001", "epoch"), 2, 0, 0),
                new Report.EventReport(new babysitter.store.Event.Rewind("step-1", 2, 0, 0, 1, false), 1, 0, 1),
                step(1, 1, 0.95)));
        assertThat(vm.markers()).extracting(MonitorViewModel.Marker::label)
                .containsExactly("α 0.03→0.01", "rewind to step-1");
        assertThat(vm.markers()).extracting(MonitorViewModel.Marker::kind)
                .containsExactly(babysitter.plot.MarkerKind.HYPERPARAMETERS, babysitter.plot.MarkerKind.REWIND);
        assertThat(vm.branchProperty().get()).isEqualTo(1);
        assertThat(line(vm, MonitorViewModel.Chart.STEP_COST, MonitorViewModel.Role.RAW, 1).size()).isEqualTo(1);
        assertThat(line(vm, MonitorViewModel.Chart.STEP_COST, MonitorViewModel.Role.RAW, 0).size()).isEqualTo(2);
    }

    @Test
    void theXAxisCanBeStepsEpochsOrTime() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.stepsPerEpochProperty().set(10);
        vm.accept(List.of(step(0, 0, 1), step(5, 0, 1), step(20, 0, 1)));
        SeriesBuffer raw = line(vm, MonitorViewModel.Chart.STEP_COST, MonitorViewModel.Role.RAW, 0);
        assertThat(raw.x(2)).isEqualTo(20.0);
        vm.xAxisProperty().set(MonitorViewModel.XAxis.EPOCH);
        assertThat(raw.x(1)).isEqualTo(0.5);
        assertThat(raw.x(2)).isEqualTo(2.0);
        vm.xAxisProperty().set(MonitorViewModel.XAxis.TIME);
        assertThat(raw.x(2)).isGreaterThanOrEqualTo(raw.x(0));
    }

    @Test
    void batchesOfStepsOnlyLeaveTheEpochChartsAsTheyWere() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.accept(List.of(step(1, 0, 2.0)));
        long epochCharts = vm.epochChartsRevision();
        long revision = vm.revision().get();
        vm.accept(List.of(step(2, 0, 1.9), step(3, 0, 1.8)));
        assertThat(vm.revision().get()).isGreaterThan(revision);
        assertThat(vm.epochChartsRevision()).isEqualTo(epochCharts);
        vm.accept(List.of(step(4, 0, 1.7),
                new Report.EpochReport(0, 4, 0, 1.2, 0.5, 1.3, 0.45, 1.31, 0.44, 1.0, List.of())));
        assertThat(vm.epochChartsRevision()).isGreaterThan(epochCharts);
        epochCharts = vm.epochChartsRevision();
        vm.smoothingProperty().set(0.3); // anything but step points counts
        assertThat(vm.epochChartsRevision()).isGreaterThan(epochCharts);
    }

    @Test
    void epochsFillTheEpochCharts() {
        MonitorViewModel vm = new MonitorViewModel();
        vm.accept(List.of(new Report.EpochReport(0, 10, 0, 1.2, 0.5, 1.3, 0.45, 1.31, 0.44, 1.0, List.of()),
                new Report.EpochReport(1, 20, 0, 0.8, 0.7, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1.0, List.of())));
        assertThat(line(vm, MonitorViewModel.Chart.EPOCH_COST, MonitorViewModel.Role.TRAIN, 0).size()).isEqualTo(2);
        assertThat(line(vm, MonitorViewModel.Chart.EPOCH_COST, MonitorViewModel.Role.DEV, 0).size()).isEqualTo(1);
        assertThat(line(vm, MonitorViewModel.Chart.EPOCH_ACCURACY, MonitorViewModel.Role.TRAIN, 0).y(1)).isEqualTo(0.7);
        // the batch-norm gap: dev accuracy with batch statistics beside the running-statistics one
        SeriesBuffer batchStats = line(vm, MonitorViewModel.Chart.EPOCH_ACCURACY, MonitorViewModel.Role.DEV_BATCH_STATS, 0);
        assertThat(batchStats.size()).isEqualTo(1);
        assertThat(batchStats.y(0)).isEqualTo(0.44);
    }

    @Test
    void metricsExportHasRawAndSmoothedCosts(@TempDir Path tmp) throws Exception {
        MonitorViewModel vm = new MonitorViewModel();
        vm.smoothingProperty().set(0.5);
        vm.accept(List.of(step(0, 0, 4), step(1, 0, 2)));
        Path csv = tmp.resolve("m.csv");
        vm.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("branch,step,seconds,cost,smoothed_cost,smoothing,");
        assertThat(lines.get(2)).startsWith("0,1,").contains(",2.0,2.6666666666666665,0.5");
    }

    @Test
    void metricsExportHasEachEpochsTrainAndDevMetricsAndIsReadableByEveryone(@TempDir Path tmp) throws Exception {
        MonitorViewModel vm = new MonitorViewModel();
        vm.accept(List.of(step(1, 0, 4), step(2, 0, 2),
                new Report.EpochReport(0, 2, 0, 1.5, 0.6, 1.7, 0.55, 1.8, 0.5, 0.1, List.of()),
                step(3, 0, 1),
                new Report.EpochReport(1, 4, 0, 1.2, 0.7, 1.4, 0.65, Double.NaN, Double.NaN, 0.1, List.of())));
        Path csv = tmp.resolve("m.csv");
        vm.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(MonitorViewModel.CSV_HEADER).contains("train_cost,dev_cost,train_accuracy,"
                + "dev_accuracy");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(2)).startsWith("0,2,").endsWith(",1,1.5,1.7,0.6,0.55,1.8,0.5");
        assertThat(lines.get(3)).startsWith("0,3,").endsWith(",,,,,,,");
        assertThat(lines.get(4)).isEqualTo("0,4,,,,,2,1.2,1.4,0.7,0.65,,"); // epoch 2 ended at a step not logged
        for (String line : lines) {
            assertThat(line.split(",", -1)).hasSize(13);
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void aMillionPointsAreHeldInPrimitiveArrays() {
        MonitorViewModel vm = new MonitorViewModel();
        Report.StepReport[] batch = new Report.StepReport[1000];
        for (int k = 0; k < 1000; k++) {
            for (int i = 0; i < 1000; i++) {
                long s = k * 1000L + i;
                batch[i] = step(s, 0, 1.0 / (1 + s));
            }
            vm.accept(List.of(batch));
        }
        assertThat(vm.points()).isEqualTo(1_000_000);
        assertThat(line(vm, MonitorViewModel.Chart.STEP_COST, MonitorViewModel.Role.RAW, 0).size()).isEqualTo(1_000_000);
    }
}
