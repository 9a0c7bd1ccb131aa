package babysitter.ui.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import babysitter.session.reports.Report;
import babysitter.session.training.LayerStats;
import babysitter.ui.network.NetworkViewModel.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-layer histories, without a toolkit. */
class NetworkViewModelTest {

    static LayerStats.Histogram hist(double min, double max, long... counts) {
        return new LayerStats.Histogram(min, max, counts);
    }

    /** A batch-normalised layer of two units with values that depend on {@code k}. */
    static LayerStats bn(int layer, double k) {
        return new LayerStats(layer, 2, "relu", true,
                new double[] {1.0, -2.0}, new double[] {4.0, 1.0},      // batch μ, σ²
                new double[] {0.5, -1.0}, new double[] {3.0, 3.0},      // running μ, σ²
                hist(-1, 1, 1, 2, 3), hist(-2, 2, 3, 2, 1), hist(0, 1, 5, 0, 0),
                new LayerStats.Summary(0.9, 1.0 + k, 1.1), new LayerStats.Summary(-0.1, 0.01 * k, 0.2),
                10 + k, 2 + k, 1e-3 * (k + 1), 0.25, Double.NaN);
    }

    /** An output layer without batch norm. */
    static LayerStats plain(int layer) {
        double[] none = new double[0];
        LayerStats.Summary nan = new LayerStats.Summary(Double.NaN, Double.NaN, Double.NaN);
        return new LayerStats(layer, 10, LayerStats.SOFTMAX, false, none, none, none, none, hist(0, 1, 1), hist(0, 1, 1), hist(0, 1, 1),
                nan, nan, 3, 0.5, 2e-3, Double.NaN, Double.NaN);
    }

    static Report.EpochReport epoch(int epoch, int branch, LayerStats... layers) {
        return new Report.EpochReport(epoch, 100L * (epoch + 1), branch, 1, 0.5, 1, 0.5, 1, 0.5, 1, List.of(layers));
    }

    @Test
    void keepsEveryMetricPerLayerAndEpoch() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.accept(epoch(0, 0, bn(1, 0), plain(2)));
        vm.accept(epoch(1, 0, bn(1, 1), plain(2)));

        NetworkViewModel.Layer l1 = vm.layer(1);
        assertThat(l1.size()).isEqualTo(2);
        assertThat(l1.epochs()).containsExactly(0, 1);
        assertThat(l1.values(Metric.UPDATE_RATIO)).containsExactly(1e-3, 2e-3);
        assertThat(l1.values(Metric.GRAD_NORM)).containsExactly(2, 3);
        assertThat(l1.values(Metric.WEIGHT_NORM)).containsExactly(10, 11);
        assertThat(l1.values(Metric.GAMMA_MIN)).containsExactly(0.9, 0.9);
        assertThat(l1.values(Metric.GAMMA_MEAN)).containsExactly(1.0, 2.0);
        assertThat(l1.values(Metric.GAMMA_MAX)).containsExactly(1.1, 1.1);
        assertThat(l1.values(Metric.BETA_MIN)).containsExactly(-0.1, -0.1);
        assertThat(l1.values(Metric.BETA_MEAN)).containsExactly(0.0, 0.01);
        assertThat(l1.values(Metric.BETA_MAX)).containsExactly(0.2, 0.2);
        assertThat(l1.values(Metric.DEAD_SHARE)).containsExactly(0.25, 0.25);
        assertThat(l1.values(Metric.SATURATED_SHARE)[0]).isNaN();
        // drift by hand: μ |1 − 0.5| = 0.5, |−2 − (−1)| = 1 → 0.75; σ² |4 − 3| = 1, |1 − 3| = 2 → 1.5
        assertThat(l1.values(Metric.MEAN_DRIFT)[1]).isCloseTo(0.75, offset(1e-12));
        assertThat(l1.values(Metric.VAR_DRIFT)[1]).isCloseTo(1.5, offset(1e-12));
        assertThat(l1.zHistory()).hasSize(2);
        assertThat(l1.zHistory().get(1).counts()).containsExactly(1, 2, 3);
        assertThat(l1.zTildeHistory().get(1).counts()).containsExactly(3, 2, 1);

        NetworkViewModel.Layer l2 = vm.layer(2);
        assertThat(l2.values(Metric.MEAN_DRIFT)[0]).isNaN();
        assertThat(l2.values(Metric.VAR_DRIFT)[0]).isNaN();
        assertThat(l2.values(Metric.GAMMA_MEAN)[0]).isNaN();
        assertThat(l2.values(Metric.UPDATE_RATIO)).containsExactly(2e-3, 2e-3);
        assertThat(vm.layerNames()).containsExactly("layer 1 · 2 relu, BN", "output · 10 softmax");
    }

    @Test
    void labelsAMixedNetworkFromItsSizesActivationsAndBatchNorm() {
        double[] none = new double[0];
        LayerStats.Summary nan = new LayerStats.Summary(Double.NaN, Double.NaN, Double.NaN);
        LayerStats tanh = new LayerStats(2, 64, "tanh", false, none, none, none, none, hist(0, 1, 1),
                hist(0, 1, 1), hist(0, 1, 1), nan, nan, 3, 0.5, 2e-3, Double.NaN, 0.1);
        LayerStats relu = new LayerStats(1, 128, "relu", true, new double[128], new double[128], new double[128],
                new double[128], hist(0, 1, 1), hist(0, 1, 1), hist(0, 1, 1), new LayerStats.Summary(1, 1, 1),
                new LayerStats.Summary(0, 0, 0), 3, 0.5, 2e-3, 0.0, Double.NaN);
        NetworkViewModel vm = new NetworkViewModel();
        vm.accept(epoch(0, 0, relu, tanh, plain(3)));
        assertThat(vm.layerNames()).containsExactly("layer 1 · 128 relu, BN", "layer 2 · 64 tanh",
                "output · 10 softmax");
    }

    @Test
    void meanAbsDifferenceIsNaNForMissingOrMismatchedStatistics() {
        assertThat(NetworkViewModel.meanAbsDifference(new double[] {1, 2, 3}, new double[] {2, 2, 0}))
                .isCloseTo(4.0 / 3, offset(1e-12));
        assertThat(NetworkViewModel.meanAbsDifference(new double[0], new double[0])).isNaN();
        assertThat(NetworkViewModel.meanAbsDifference(new double[] {1}, new double[] {1, 2})).isNaN();
    }

    @Test
    void keepsOnlyTheLastEpochsAndHistograms() {
        NetworkViewModel vm = new NetworkViewModel(5, 3);
        for (int e = 0; e < 12; e++) {
            vm.accept(epoch(e, 0, bn(1, e)));
        }
        NetworkViewModel.Layer l = vm.layer(1);
        assertThat(l.size()).isEqualTo(5);
        assertThat(l.epochs()).containsExactly(7, 8, 9, 10, 11);
        assertThat(l.values(Metric.WEIGHT_NORM)).containsExactly(17, 18, 19, 20, 21);
        assertThat(l.values(Metric.GAMMA_MEAN)).containsExactly(8, 9, 10, 11, 12);
        assertThat(l.zHistory()).hasSize(3);
        assertThat(l.zTildeHistory()).hasSize(3);
        assertThat(NetworkViewModel.DEFAULT_CAPACITY).isGreaterThanOrEqualTo(10_000); // every epoch of a long run
        assertThatThrownBy(() -> new NetworkViewModel(0, 3)).hasMessageContaining("capacity");
    }

    @Test
    void startsOverOnANewBranchOrANewRunAndOnReset() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.accept(epoch(0, 0, bn(1, 0)));
        vm.accept(epoch(1, 0, bn(1, 1)));
        long updates = vm.updatesProperty().get();

        vm.accept(epoch(2, 1, bn(1, 2))); // a new branch
        assertThat(vm.layer(1).epochs()).containsExactly(2);
        assertThat(vm.updatesProperty().get()).isEqualTo(updates + 1);

        vm.accept(epoch(0, 1, bn(1, 5))); // epoch 0 again: a new run
        assertThat(vm.layer(1).epochs()).containsExactly(0);
        assertThat(vm.layer(1).values(Metric.GAMMA_MEAN)).containsExactly(6);

        vm.reset();
        assertThat(vm.layers()).isEmpty();
        assertThat(vm.layerNames()).isEmpty();
        assertThat(vm.selected()).isNull();
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(-1);
    }

    @Test
    void ignoresEpochReportsWithoutLayerStatistics() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.accept(epoch(0, 0, bn(1, 0)));
        long updates = vm.updatesProperty().get();
        vm.accept(epoch(1, 0));
        assertThat(vm.layer(1).size()).isEqualTo(1);
        assertThat(vm.updatesProperty().get()).isEqualTo(updates);
    }

    @Test
    void selectsTheFirstLayerAndFollowsTheChoice() {
        NetworkViewModel vm = new NetworkViewModel();
        assertThat(vm.selected()).isNull();
        vm.accept(epoch(0, 0, bn(1, 0), plain(2)));
        assertThat(vm.updatesProperty().get()).as("one change per report").isEqualTo(1);
        assertThat(vm.selected().layer()).isEqualTo(1);
        vm.selectedIndexProperty().set(1);
        assertThat(vm.updatesProperty().get()).as("choosing a layer is a change").isEqualTo(2);
        assertThat(vm.selected().layer()).isEqualTo(2);
        vm.accept(epoch(1, 0, bn(1, 1), plain(2)));
        assertThat(vm.selected().layer()).isEqualTo(2);
        vm.selectedIndexProperty().set(7);
        assertThat(vm.selected()).isNull();
    }

    @Test
    void unitGapsStandardiseTheMeanGapAndDivideTheVariances() {
        // unit 0: (3 − 1)/sqrt(4 + 1e-5) ≈ 0.99999875, σ² 8/4 = 2
        // unit 1: (−1 − 0)/sqrt(0.25 + 1e-5) ≈ −1.99996, σ² 0.0625/0.25 = 0.25
        // unit 2: equal statistics: 0 and 1
        NetworkViewModel.UnitGaps g = NetworkViewModel.unitGaps(
                new double[] {3, -1, 0.5}, new double[] {1, 0, 0.5},
                new double[] {8, 0.0625, 2}, new double[] {4, 0.25, 2});
        assertThat(g.units()).isEqualTo(3);
        assertThat(g.meanGap()[0]).isCloseTo(2 / Math.sqrt(4.00001), offset(1e-12));
        assertThat(g.meanGap()[0]).isCloseTo(0.99999875, offset(1e-8));
        assertThat(g.meanGap()[1]).isCloseTo(-1.99996, offset(1e-5));
        assertThat(g.meanGap()[2]).isZero();
        assertThat(g.varRatio()).containsExactly(2.0, 0.25, 1.0);
    }

    @Test
    void unitGapsOfAZeroRunningVarianceStayFinite() {
        // the ε keeps the μ gap finite: 0.001 / sqrt(1e-5) ≈ 0.316
        NetworkViewModel.UnitGaps g = NetworkViewModel.unitGaps(
                new double[] {0.001}, new double[] {0}, new double[] {0}, new double[] {0});
        assertThat(g.meanGap()[0]).isCloseTo(0.31623, offset(1e-5));
        assertThat(g.varRatio()[0]).isNaN();
        assertThat(NetworkViewModel.unitGaps(new double[0], new double[0], new double[0], new double[0]).units())
                .isZero();
        assertThatThrownBy(() -> NetworkViewModel.unitGaps(new double[1], new double[2], new double[1], new double[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheLastPerUnitStatisticsOfTheChosenLayerAsCopies() {
        NetworkViewModel vm = new NetworkViewModel();
        assertThat(vm.selectedBatchMean()).isEmpty();
        assertThat(vm.selectedHasBatchNorm()).isFalse();
        vm.accept(epoch(0, 0, bn(1, 0), plain(2)));
        assertThat(vm.selectedHasBatchNorm()).isTrue();
        assertThat(vm.selectedBatchMean()).containsExactly(1.0, -2.0);
        assertThat(vm.selectedRunningMean()).containsExactly(0.5, -1.0);
        assertThat(vm.selectedBatchVar()).containsExactly(4.0, 1.0);
        assertThat(vm.selectedRunningVar()).containsExactly(3.0, 3.0);
        vm.selectedBatchMean()[0] = 99;
        assertThat(vm.selectedBatchMean()[0]).isEqualTo(1.0);
        assertThat(vm.layer(1).lastUnitGaps().meanGap()[0]).isCloseTo(0.5 / Math.sqrt(3.00001), offset(1e-12));
        assertThat(vm.layer(1).lastUnitGaps().varRatio()).containsExactly(4.0 / 3, 1.0 / 3);

        // the next report replaces them
        LayerStats moved = new LayerStats(1, 2, "relu", true, new double[] {2, 2}, new double[] {1, 1}, new double[] {1, 1},
                new double[] {1, 1}, hist(0, 1, 1), hist(0, 1, 1), hist(0, 1, 1),
                new LayerStats.Summary(1, 1, 1), new LayerStats.Summary(0, 0, 0), 1, 1, 1e-3, 0, Double.NaN);
        vm.accept(epoch(1, 0, moved, plain(2)));
        assertThat(vm.selectedBatchMean()).containsExactly(2.0, 2.0);
        assertThat(vm.selectedRunningVar()).containsExactly(1.0, 1.0);

        // a layer without batch norm has none
        vm.selectedIndexProperty().set(1);
        assertThat(vm.selectedHasBatchNorm()).isFalse();
        assertThat(vm.selectedBatchMean()).isEmpty();
        assertThat(vm.selectedRunningVar()).isEmpty();
    }
}
