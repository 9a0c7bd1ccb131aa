package babysitter.ui.classes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import babysitter.session.reports.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassesViewModelTest {

    static final List<String> ABC = List.of("a", "b", "c");

    static Report.ConfusionReport report(int epoch, int branch, long... counts) {
        return new Report.ConfusionReport(epoch, branch, ABC, counts);
    }

    static Report.ConfusionReport report(int epoch, int branch) {
        return report(epoch, branch, epoch + 1, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    @Test
    void perClassAccuracyIsTheDiagonalOverTheRowSumAndNaNForAnEmptyRow() {
        // true a: 8 right, 2 taken for b; true b: 3 for a, 6 right, 1 for c; no c in the dev set
        Report.ConfusionReport r = report(0, 0, 8, 2, 0, 3, 6, 1, 0, 0, 0);
        double[] acc = ClassesViewModel.perClassAccuracy(r);
        assertThat(acc[0]).isEqualTo(0.8);
        assertThat(acc[1]).isEqualTo(0.6);
        assertThat(acc[2]).isNaN();
        assertThat(ClassesViewModel.overallAccuracy(r)).isCloseTo(14.0 / 20, within(1e-15));
        assertThat(ClassesViewModel.rowShare(r, 1, 0)).isCloseTo(0.3, within(1e-15));
        assertThat(ClassesViewModel.rowShare(r, 2, 2)).isZero();

        ClassesViewModel vm = new ClassesViewModel();
        assertThat(vm.perClassAccuracy()).isEmpty();
        assertThat(vm.overallAccuracyProperty().get()).isNaN();
        vm.accept(List.of(r));
        assertThat(vm.perClassAccuracy()).containsExactly(0.8, 0.6, Double.NaN);
        assertThat(vm.overallAccuracyProperty().get()).isCloseTo(0.7, within(1e-15));
        assertThat(vm.captionProperty().get()).isEqualTo("epoch 1");
    }

    @Test
    void theReportValidatesAndCopies() {
        long[] counts = {1, 2, 3, 4};
        Report.ConfusionReport r = new Report.ConfusionReport(0, 0, List.of("x", "y"), counts);
        counts[0] = 99;
        assertThat(r.count(0, 0)).isEqualTo(1);
        r.counts()[1] = 99;
        assertThat(r.count(0, 1)).isEqualTo(2);
        assertThat(r.rowSum(1)).isEqualTo(7);
        assertThat(r.total()).isEqualTo(10);
        assertThat(r.correct()).isEqualTo(5);
        assertThat(Report.ConfusionReport.of(0, 0, List.of("x", "y"), new long[][] {{1, 2}, {3, 4}})).isEqualTo(r);
        assertThatThrownBy(() -> new Report.ConfusionReport(0, 0, List.of("x", "y"), new long[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Report.ConfusionReport(0, 0, List.of("x"), new long[] {-1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSelectionFollowsTheNewestUntilThePersonMovesIt() {
        ClassesViewModel vm = new ClassesViewModel();
        vm.accept(List.of(report(0, 0), report(1, 0)));
        assertThat(vm.countProperty().get()).isEqualTo(2);
        assertThat(vm.epochIndexProperty().get()).isEqualTo(1);
        assertThat(vm.selectedProperty().get().epoch()).isEqualTo(1);

        vm.epochIndexProperty().set(0);
        assertThat(vm.selectedProperty().get().epoch()).isZero();
        assertThat(vm.followsNewest()).isFalse();
        vm.accept(report(2, 0));
        assertThat(vm.countProperty().get()).isEqualTo(3);
        assertThat(vm.selectedProperty().get().epoch()).as("stays where the person put it").isZero();

        vm.epochIndexProperty().set(2);
        assertThat(vm.followsNewest()).isTrue();
        vm.accept(report(3, 0));
        assertThat(vm.epochIndexProperty().get()).isEqualTo(3);
        assertThat(vm.selectedProperty().get().epoch()).isEqualTo(3);

        vm.epochIndexProperty().set(17);
        assertThat(vm.epochIndexProperty().get()).as("clamped").isEqualTo(3);
    }

    @Test
    void itKeepsTheLastEpochsAndTheSelectedOneStaysSelectedWhileTheOldestGo() {
        ClassesViewModel vm = new ClassesViewModel(3);
        for (int e = 0; e < 5; e++) {
            vm.accept(report(e, 0));
        }
        assertThat(vm.reports()).extracting(Report.ConfusionReport::epoch).containsExactly(2, 3, 4);
        assertThat(vm.selectedProperty().get().epoch()).isEqualTo(4);
        vm.epochIndexProperty().set(1);
        vm.accept(report(5, 0));
        assertThat(vm.selectedProperty().get().epoch()).isEqualTo(3);
        assertThat(vm.epochIndexProperty().get()).isZero();
        assertThat(new ClassesViewModel().reports()).isEmpty();
        assertThat(ClassesViewModel.MAX_EPOCHS).isEqualTo(500);
    }

    @Test
    void theSliderCoversEveryBranchAndANewBranchIsFollowed() {
        ClassesViewModel vm = new ClassesViewModel();
        vm.accept(List.of(report(0, 0), report(1, 0), report(2, 0)));
        vm.epochIndexProperty().set(0);
        vm.accept(report(1, 1));
        assertThat(vm.reports()).extracting(Report.ConfusionReport::branch).containsExactly(0, 0, 0, 1);
        assertThat(vm.selectedProperty().get().branch()).isEqualTo(1);
        assertThat(vm.captionProperty().get()).isEqualTo("epoch 2 · branch 1");
        assertThat(vm.followsNewest()).isTrue();
        vm.epochIndexProperty().set(2);
        assertThat(vm.captionProperty().get()).as("the old branch stays reachable").isEqualTo("epoch 3");
        vm.reset();
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.countProperty().get()).isZero();
        assertThat(vm.epochIndexProperty().get()).isEqualTo(-1);
    }
}
