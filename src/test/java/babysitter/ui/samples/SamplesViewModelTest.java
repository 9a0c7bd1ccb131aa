package babysitter.ui.samples;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesViewModelTest {

    static final List<String> NAMES = List.of("cat", "dog", "bird");

    /** Sample 0 (a cat) is predicted cat; sample 1 (a bird) is predicted dog; sample 2 (a dog) dog. */
    static Report.SamplesReport report(int epoch, int branch) {
        return new Report.SamplesReport(epoch, branch, NAMES, 2, 0, new float[] {0, 1, 2, 3, 4, 5},
                new int[] {0, 2, 1}, new float[] {0.7f, 0.2f, 0.1f, 0.1f, 0.6f, 0.3f, 0.2f, 0.5f, 0.3f});
    }

    @Test
    void startsEmptyAndSelectsTheFirstSampleOfTheFirstReport() {
        SamplesViewModel vm = new SamplesViewModel();
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(-1);
        assertThat(vm.barsProperty().get()).isEmpty();
        assertThat(vm.predictedClass()).isEqualTo(-1);
        assertThat(vm.selectedCorrect()).isFalse();

        vm.accept(List.of(new Report.ConfusionReport(0, 0, NAMES, new long[9]), report(0, 0)));
        assertThat(vm.selectedIndexProperty().get()).isZero();
        assertThat(vm.predictedClass()).isZero();
        assertThat(vm.trueClass()).isZero();
        assertThat(vm.selectedCorrect()).isTrue();
        assertThat(vm.barsProperty().get()).containsExactly(new SamplesViewModel.Bar("cat", 0.7f, true),
                new SamplesViewModel.Bar("dog", 0.2f, false), new SamplesViewModel.Bar("bird", 0.1f, false));
    }

    @Test
    void selectingAWrongSampleShowsItsBarsAndTheTrueClass() {
        SamplesViewModel vm = new SamplesViewModel();
        vm.accept(report(0, 0));
        vm.selectedIndexProperty().set(1);
        assertThat(vm.predictedClass()).isEqualTo(1);
        assertThat(vm.trueClass()).isEqualTo(2);
        assertThat(vm.selectedCorrect()).isFalse();
        assertThat(vm.barsProperty().get()).extracting(SamplesViewModel.Bar::probability)
                .containsExactly((double) 0.1f, (double) 0.6f, (double) 0.3f);
        assertThat(vm.barsProperty().get()).extracting(SamplesViewModel.Bar::trueClass)
                .containsExactly(false, false, true);
        assertThat(vm.correct(0)).isTrue();
        assertThat(vm.correct(1)).isFalse();
        assertThat(vm.correct(2)).isTrue();
    }

    @Test
    void selectionIsClampedAndKeptAcrossReportsAndResetClears() {
        SamplesViewModel vm = new SamplesViewModel();
        vm.selectedIndexProperty().set(5);
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(-1);
        vm.accept(report(0, 0));
        vm.selectedIndexProperty().set(9);
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(2);
        Report.SamplesReport next = report(1, 1);
        vm.accept(next);
        assertThat(vm.reportProperty().get()).isSameAs(next);
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(2);
        assertThat(vm.trueClass()).isEqualTo(1);
        vm.reset();
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(-1);
        assertThat(vm.barsProperty().get()).isEmpty();
    }
}
