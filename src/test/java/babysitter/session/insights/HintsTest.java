package babysitter.session.insights;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.Activation;
import babysitter.session.reports.Report;
import babysitter.session.training.LayerStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HintsTest {

    private static LayerStats layer(double grad, double ratio, double dead, double saturated) {
        LayerStats.Histogram h = new LayerStats.Histogram(0, 1, new long[] {1});
        LayerStats.Summary s = new LayerStats.Summary(1, 1, 1);
        return new LayerStats(1, 4, "relu", true, new double[0], new double[0], new double[0], new double[0], h, h, h,
                s, s, 1, grad, ratio, dead, saturated);
    }

    private static Report.EpochReport epoch(int e, double cost, double devAcc, double devAccTrain, LayerStats l) {
        return new Report.EpochReport(e, 10L * e, 0, cost, 0.5, cost, devAcc, cost, devAccTrain, 1, List.of(l));
    }

    @Test
    void aHealthyRunGetsNoHints() {
        List<Report.EpochReport> epochs = new ArrayList<>();
        for (int e = 0; e < 6; e++) {
            epochs.add(epoch(e, 1.0 / (1 + e), 0.9, 0.89, layer(0.5, 1e-3, 0.1, Double.NaN)));
        }
        assertThat(Hints.of(epochs)).isEmpty();
    }

    @Test
    void aFlatCostWithSmallGradientsIsAPlateau() {
        List<Report.EpochReport> epochs = new ArrayList<>();
        for (int e = 0; e < 6; e++) {
            epochs.add(epoch(e, 0.693 - 1e-5 * e, 0.5, 0.5, layer(1e-5, 1e-4, 0, Double.NaN)));
        }
        assertThat(Hints.of(epochs)).singleElement().isInstanceOfSatisfying(Hint.Plateau.class, p -> {
            assertThat(p.epochs()).isEqualTo(4);
            assertThat(p.change()).isCloseTo(4e-5 / 0.69299, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(p.gradient()).isEqualTo(1e-5);
        });
    }

    @Test
    void largeUpdatesDeadUnitsSaturationAndTheBatchNormGapAreNamed() {
        List<Hint> hints = Hints.of(List.of(epoch(0, 1, 0.9, 0.7, layer(1, 0.05, 0.6, 0.8))));
        assertThat(hints).containsExactly(new Hint.LargeUpdates(1, 0.05), new Hint.DeadUnits(1, 0.6),
                new Hint.Saturated(1, 0.8), new Hint.BatchNormGap(0.9, 0.7));
    }

    @Test
    void deadAndSaturatedSharesCountWholeColumns() {
        // 3 rows × 4 units: unit 0 always 0 (dead), unit 1 zero twice, units 2-3 active
        double[] relu = {0, 0, 1, 2, 0, 0, 3, 0, 0, 5, 1, 1};
        assertThat(LayerStats.deadShare(relu, 4)).isEqualTo(0.25);
        // tanh: unit 0 saturated in every row, unit 1 in 2 of 3 rows (below 95 %)
        double[] tanh = {0.995, -0.999, -0.999, 0.1, 0.992, 0.2};
        assertThat(LayerStats.saturatedShare(tanh, 2, Activation.TANH)).isEqualTo(0.5);
    }
}
