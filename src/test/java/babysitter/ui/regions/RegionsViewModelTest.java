package babysitter.ui.regions;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionsViewModelTest {

    static Report.RegionsReport report(int epoch, int branch) {
        return new Report.RegionsReport(epoch, branch, List.of("a", "b"), 0, 1, 0, 1, 2, 1, new byte[] {0, 1},
                new float[] {0.9f, 0.8f}, new float[] {0.25f}, new float[] {0.5f}, new int[] {0},
                new float[] {0.7f, 0.3f});
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

    /**
     * [0, 10] × [0, 10] on a 100 × 100 pixel map (10 px per unit), a 2 × 2 grid (left column class 0
     * at 0.9, right column class 1 at 0.6), two points 5 px apart: (2, 8) class 0 and (2.5, 8) class 1.
     */
    static Report.RegionsReport twoPoints() {
        return new Report.RegionsReport(0, 0, List.of("a", "b"), 0, 10, 0, 10, 2, 2, new byte[] {0, 1, 0, 1},
                new float[] {0.9f, 0.6f, 0.9f, 0.6f}, new float[] {2, 2.5f}, new float[] {8, 8}, new int[] {0, 1},
                new float[] {0.8f, 0.2f, 0.3f, 0.7f});
    }

    @Test
    void pointAtFindsTheNearestPointWithinTheRadiusAndNothingFarther() {
        RegionsViewModel vm = new RegionsViewModel();
        assertThat(vm.pointAt(20, 20, 6, 100, 100)).as("no report yet").isEmpty();
        vm.accept(List.of(twoPoints()));

        // the first point is drawn at pixel (20, 20), the second at (25, 20)
        RegionsViewModel.PointHover near = vm.pointAt(21, 21, 6, 100, 100).orElseThrow();
        assertThat(near.index()).isZero();
        assertThat(near.x()).isEqualTo(2.0);
        assertThat(near.y()).isEqualTo(8.0);
        assertThat(near.trueClass()).isZero();
        assertThat(near.predicted()).isZero();
        assertThat(near.classNames()).containsExactly("a", "b");
        assertThat(near.probabilities().get(0)).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(near.probabilities().get(1)).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-6));

        RegionsViewModel.PointHover other = vm.pointAt(24, 19, 6, 100, 100).orElseThrow();
        assertThat(other.index()).as("nearer to the second point").isEqualTo(1);
        assertThat(other.trueClass()).isEqualTo(1);
        assertThat(other.predicted()).isEqualTo(1);

        assertThat(vm.pointAt(20, 27, 6, 100, 100)).as("7 px away").isEmpty();
        assertThat(vm.pointAt(20, 27, 8, 100, 100)).as("within a larger radius").isPresent();
        assertThat(vm.pointAt(60, 60, 6, 100, 100)).isEmpty();
        // the same points on a map twice the size are twice as far apart in pixels
        assertThat(vm.pointAt(42, 40, 6, 200, 200).orElseThrow().index()).isZero();
        assertThat(vm.pointAt(48, 40, 6, 200, 200).orElseThrow().index()).isEqualTo(1);
    }

    @Test
    void hoverShowsThePointNearTheMouseElseTheCellAndANewReportUpdatesIt() {
        RegionsViewModel vm = new RegionsViewModel();
        vm.accept(List.of(twoPoints()));
        vm.hover(21, 20, 100, 100);
        assertThat(vm.hoverProperty().get()).isInstanceOfSatisfying(RegionsViewModel.PointHover.class,
                p -> assertThat(p.index()).isZero());

        vm.hover(80, 30, 100, 100);
        assertThat(vm.hoverProperty().get()).isInstanceOfSatisfying(RegionsViewModel.CellHover.class, c -> {
            assertThat(c.predicted()).isEqualTo(1);
            assertThat(c.className()).isEqualTo("b");
            assertThat(c.confidence()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(c.x()).isCloseTo(8.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(c.y()).isCloseTo(7.0, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(vm.cellAt(100, 30, 100, 100)).as("outside the map").isEmpty();

        // the mouse stays on the first point; the next epoch's report changes its probabilities
        vm.hover(20, 20, 100, 100);
        vm.accept(List.of(new Report.RegionsReport(1, 0, List.of("a", "b"), 0, 10, 0, 10, 2, 2,
                new byte[] {0, 1, 0, 1}, new float[] {0.9f, 0.6f, 0.9f, 0.6f}, new float[] {2, 2.5f},
                new float[] {8, 8}, new int[] {0, 1}, new float[] {0.4f, 0.6f, 0.3f, 0.7f})));
        assertThat(vm.hoverProperty().get()).isInstanceOfSatisfying(RegionsViewModel.PointHover.class, p -> {
            assertThat(p.predicted()).isEqualTo(1);
            assertThat(p.probabilities().get(1)).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-6));
        });

        vm.clearHover();
        assertThat(vm.hoverProperty().get()).isNull();
        vm.hover(20, 20, 100, 100);
        vm.reset();
        assertThat(vm.hoverProperty().get()).isNull();
    }

    @Test
    void percentagesAreWholeNumbers() {
        assertThat(RegionsViewModel.percent(0.714)).isEqualTo("71%");
        assertThat(RegionsViewModel.percent(1)).isEqualTo("100%");
        assertThat(RegionsViewModel.percent(0.001)).isEqualTo("<1%");
        assertThat(RegionsViewModel.percent(0)).isEqualTo("0%");
    }
}
