package babysitter.ui.regions;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionsViewModelTest {

    static Report.RegionsReport report(int epoch, int branch) {
        return new Report.RegionsReport(epoch, branch, 0, 1, 0, 1, 2, 1, new byte[] {0, 1}, new float[] {0.9f, 0.8f},
                new float[] {0.25f}, new float[] {0.5f}, new int[] {0});
    }

    static Report.StepReport step() {
        return new Report.StepReport(5, 1, 0, 0.5, 0.1, 0, 100);
    }

    @Test
    void keepsTheNewestRegionsReportOfABatchAndIgnoresOthers() {
        RegionsViewModel vm = new RegionsViewModel();
        assertThat(vm.availableProperty().get()).isFalse();
        assertThat(vm.reportProperty().get()).isNull();

        int[] changes = {0};
        vm.reportProperty().addListener((o, a, b) -> changes[0]++);
        vm.accept(List.of(step()));
        assertThat(changes[0]).isZero();
        assertThat(vm.availableProperty().get()).isFalse();

        Report.RegionsReport second = report(1, 0);
        vm.accept(List.of(report(0, 0), step(), second, step()));
        assertThat(changes[0]).as("one change per batch").isEqualTo(1);
        assertThat(vm.reportProperty().get()).isSameAs(second);
        assertThat(vm.availableProperty().get()).isTrue();
        assertThat(vm.captionProperty().get()).isEqualTo("epoch 2");

        vm.accept(List.of(step()));
        assertThat(vm.reportProperty().get()).isSameAs(second);

        vm.accept(List.of(report(4, 2)));
        assertThat(vm.captionProperty().get()).isEqualTo("epoch 5, branch 2");
    }

    @Test
    void resetForgetsTheRegions() {
        RegionsViewModel vm = new RegionsViewModel();
        vm.accept(List.of(report(0, 0)));
        vm.reset();
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.availableProperty().get()).isFalse();
        assertThat(vm.captionProperty().get()).isEmpty();
    }
}
