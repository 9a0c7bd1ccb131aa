package babysitter.ui.network;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import babysitter.session.training.LayerStats;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The network window's view in a real (headless) window. */
@ExtendWith(ApplicationExtension.class)
class NetworkViewTest {

    private NetworkViewModel vm;
    private NetworkView view;

    @Start
    void start(Stage stage) {
        vm = new NetworkViewModel();
        view = new NetworkView(vm);
        stage.setScene(new Scene(view, 1000, 760));
        stage.show();
    }

    static LayerStats layer(int l, double ratio, double dead) {
        return new LayerStats(l, 2, "relu", true, new double[] {1, -2}, new double[] {4, 1}, new double[] {0.5, -1},
                new double[] {3, 3}, new LayerStats.Histogram(-1, 1, new long[] {1, 5, 9, 5, 1}),
                new LayerStats.Histogram(-2, 2, new long[] {9, 1, 0, 1, 9}),
                new LayerStats.Histogram(0, 1, new long[] {3, 3}), new LayerStats.Summary(0.9, 1, 1.1),
                new LayerStats.Summary(-0.1, 0, 0.1), 10, 2, ratio, dead, Double.NaN);
    }

    static Report.EpochReport epoch(int e, double ratio) {
        return new Report.EpochReport(e, 100L * (e + 1), 0, 1, 0.5, 1, 0.5, 1, 0.5, 1,
                List.of(layer(1, ratio, 0.25), layer(2, ratio * 10, 0.5)));
    }

    static long nonWhite(WritableImage img) {
        PixelReader px = img.getPixelReader();
        long n = 0;
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                Color c = px.getColor(x, y);
                if (c.getRed() < 0.9 || c.getGreen() < 0.9 || c.getBlue() < 0.9) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void showsTwoEpochsOnALogRatioChartAndPaintsBothWaterfalls(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.ratioChart().isLogY()).isTrue();
        assertThat(view.ratioSeries().data().size()).isZero();
        assertThat(view.zWaterfall().title()).isEqualTo("z before batch norm");
        assertThat(view.zTildeWaterfall().title()).isEqualTo("z̃ after batch norm");
        WritableImage[] empty = new WritableImage[1];
        robot.interact(() -> empty[0] = view.zWaterfall().snapshot(null, null));
        long emptyInk = nonWhite(empty[0]);

        robot.interact(() -> {
            vm.accept(epoch(0, 1e-3));
            vm.accept(epoch(1, 2e-3));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.layerChooser().getItems()).containsExactly("layer 1 · 2 relu, BN",
                "layer 2 · 2 relu, BN");
        assertThat(view.layerChooser().getSelectionModel().getSelectedIndex()).isZero();
        assertThat(view.ratioSeries().data().size()).isEqualTo(2);
        assertThat(view.ratioSeries().data().y(0)).isEqualTo(1e-3);
        assertThat(view.ratioSeries().data().y(1)).isEqualTo(2e-3);
        assertThat(view.driftChart().series().get(0).data().y(1)).isEqualTo(0.75);
        assertThat(view.shareChart().series().get(0).data().y(1)).isEqualTo(0.25);
        // the saturated share is NaN for ReLU: nothing drawn rather than a broken line
        assertThat(view.shareChart().series().get(1).data().size()).isZero();

        WritableImage[] z = new WritableImage[2];
        robot.interact(() -> {
            z[0] = view.zWaterfall().snapshot(null, null);
            z[1] = view.zTildeWaterfall().snapshot(null, null);
        });
        // the heat strip adds far more ink than the title and frame of the empty waterfall
        assertThat(nonWhite(z[0])).isGreaterThan(emptyInk + 1000);
        assertThat(nonWhite(z[1])).isGreaterThan(emptyInk + 1000);

        // choosing layer 2 shows its numbers
        robot.interact(() -> view.layerChooser().getSelectionModel().select(1));
        assertThat(vm.selected().layer()).isEqualTo(2);
        assertThat(view.ratioSeries().data().y(1)).isEqualTo(2e-2);
    }

    @Test
    void redrawsTheWaterfallsOnlyWhenDataArrives(FxRobot robot) {
        // the first batch-normalised layer brings in the unit strip, which resizes (and so repaints) the
        // waterfalls once; count from there
        robot.interact(() -> vm.accept(epoch(0, 1e-3)));
        WaitForAsyncUtils.waitForFxEvents();
        int before = view.zWaterfall().paints();
        int refreshes = view.refreshes();
        robot.interact(() -> vm.accept(epoch(1, 1e-3)));
        assertThat(view.refreshes()).isEqualTo(refreshes + 1);
        int after = view.zWaterfall().paints();
        assertThat(after).isEqualTo(before + 1);
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.zWaterfall().paints()).isEqualTo(after);
    }

    /** Layer 1 batch-normalised: unit 0's batch μ 10 running σ above the running μ, unit 1 equal; layer 2 plain. */
    static Report.EpochReport drifted(int e) {
        LayerStats.Histogram h = new LayerStats.Histogram(-1, 1, new long[] {1, 2, 1});
        LayerStats bn = new LayerStats(1, 2, "relu", true, new double[] {10, 0.3}, new double[] {1, 2},
                new double[] {0, 0.3}, new double[] {1, 2}, h, h, h, new LayerStats.Summary(1, 1, 1),
                new LayerStats.Summary(0, 0, 0), 10, 2, 1e-3, 0.0, Double.NaN);
        double[] none = new double[0];
        LayerStats.Summary nan = new LayerStats.Summary(Double.NaN, Double.NaN, Double.NaN);
        LayerStats plain = new LayerStats(2, 3, LayerStats.SOFTMAX, false, none, none, none, none, h, h, h, nan, nan, 3, 1, 2e-3,
                Double.NaN, Double.NaN);
        return new Report.EpochReport(e, 100L * (e + 1), 0, 1, 0.5, 1, 0.5, 1, 0.5, 1, List.of(bn, plain));
    }

    @Test
    void theUnitStripIsRedWhereTheBatchMeanRunsAboveTheRunningOneAndHiddenWithoutBatchNorm(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        // nothing to compare yet
        assertThat(view.unitStrip().isVisible()).isFalse();
        assertThat(view.unitStrip().isManaged()).isFalse();

        robot.interact(() -> vm.accept(drifted(0)));
        WaitForAsyncUtils.waitForFxEvents();
        UnitStatsStrip strip = view.unitStrip();
        assertThat(strip.isVisible()).isTrue();
        assertThat(strip.isManaged()).isTrue();
        assertThat(strip.units()).isEqualTo(2);
        assertThat(strip.getHeight()).isGreaterThan(40);
        // it sits above the waterfalls and spans both of them
        assertThat(strip.getBoundsInParent().getMaxY()).isLessThanOrEqualTo(view.zWaterfall().getBoundsInParent().getMinY());
        assertThat(strip.getWidth()).isGreaterThan(view.zWaterfall().getWidth() * 1.5);

        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = strip.snapshot(null, null));
        PixelReader px = img[0].getPixelReader();
        Color unit0Mean = px.getColor((int) strip.cellCenterX(0), (int) strip.meanRowCenterY());
        Color unit1Mean = px.getColor((int) strip.cellCenterX(1), (int) strip.meanRowCenterY());
        Color unit0Var = px.getColor((int) strip.cellCenterX(0), (int) strip.varRowCenterY());
        Color unit1Var = px.getColor((int) strip.cellCenterX(1), (int) strip.varRowCenterY());
        // reddish: μ gap 10 clamps to +3, the full red of the palette
        assertThat(unit0Mean.getRed()).isGreaterThan(0.6);
        assertThat(unit0Mean.getGreen()).isLessThan(0.3);
        assertThat(unit0Mean.getBlue()).isLessThan(0.3);
        // near white: equal statistics, and equal variances in both units
        for (Color c : List.of(unit1Mean, unit0Var, unit1Var)) {
            assertThat(c.getRed()).isGreaterThan(0.95);
            assertThat(c.getGreen()).isGreaterThan(0.95);
            assertThat(c.getBlue()).isGreaterThan(0.95);
        }

        // layer 2 has no batch norm: the strip goes, and gives its room to the waterfalls
        double waterfallHeight = view.zWaterfall().getHeight();
        robot.interact(() -> view.layerChooser().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selected().layer()).isEqualTo(2);
        assertThat(strip.isVisible()).isFalse();
        assertThat(strip.isManaged()).isFalse();
        assertThat(view.zWaterfall().getHeight()).isGreaterThan(waterfallHeight);

        // and comes back with layer 1
        robot.interact(() -> view.layerChooser().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(strip.isVisible()).isTrue();
    }

    @Test
    void theUnitStripPaletteIsBlueWhiteRedAndClamped() {
        assertThat(UnitStatsStrip.colour(0, 3)).isEqualTo(Color.WHITE);
        assertThat(UnitStatsStrip.colour(3, 3)).isEqualTo(UnitStatsStrip.POSITIVE);
        assertThat(UnitStatsStrip.colour(50, 3)).isEqualTo(UnitStatsStrip.POSITIVE);
        assertThat(UnitStatsStrip.colour(Double.POSITIVE_INFINITY, 2)).isEqualTo(UnitStatsStrip.POSITIVE);
        assertThat(UnitStatsStrip.colour(-2, 2)).isEqualTo(UnitStatsStrip.NEGATIVE);
        assertThat(UnitStatsStrip.colour(-7, 2)).isEqualTo(UnitStatsStrip.NEGATIVE);
        assertThat(UnitStatsStrip.colour(Double.NaN, 2)).isEqualTo(UnitStatsStrip.MISSING);
        Color half = UnitStatsStrip.colour(1.5, 3);
        assertThat(half.getRed()).isGreaterThan(half.getBlue());
        assertThat(half.getGreen()).isBetween(0.4, 0.7);
    }

    @Test
    void theUnitStripPaintsOnlyWhenDataArrivesOrTheLayerChanges(FxRobot robot) {
        robot.interact(() -> vm.accept(drifted(0)));
        WaitForAsyncUtils.waitForFxEvents();
        int painted = view.unitStrip().paints();
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.unitStrip().paints()).isEqualTo(painted);
        robot.interact(() -> vm.accept(drifted(1)));
        assertThat(view.unitStrip().paints()).isEqualTo(painted + 1);
        // a layer without batch norm does not paint the hidden strip
        robot.interact(() -> vm.selectedIndexProperty().set(1));
        assertThat(view.unitStrip().paints()).isEqualTo(painted + 1);
    }

    /** A hidden layer with batch norm whose γ spreads to 1.8, and an output layer without batch norm. */
    static Report.EpochReport wideGammaAndOutput(int e) {
        LayerStats hidden = new LayerStats(1, 2, "relu", true, new double[] {1, -2}, new double[] {4, 1},
                new double[] {0.5, -1}, new double[] {3, 3}, new LayerStats.Histogram(-1, 1, new long[] {1, 5, 9, 5, 1}),
                new LayerStats.Histogram(-2, 2, new long[] {9, 1, 0, 1, 9}), new LayerStats.Histogram(0, 1, new long[] {3, 3}),
                new LayerStats.Summary(0.5, 1.2, 1.8), new LayerStats.Summary(-0.3, 0, 0.1), 10, 2, 1e-3, 0, Double.NaN);
        LayerStats output = new LayerStats(2, 3, LayerStats.SOFTMAX, false, new double[0], new double[0],
                new double[0], new double[0], new LayerStats.Histogram(-3, 3, new long[] {1, 2, 3}), null, null,
                new LayerStats.Summary(Double.NaN, Double.NaN, Double.NaN),
                new LayerStats.Summary(Double.NaN, Double.NaN, Double.NaN), 5, 1, 2e-3, 0, 0);
        return new Report.EpochReport(e, 10L * (e + 1), 0, 1, 0.5, 1, 0.5, 1, 0.5, 1, List.of(hidden, output));
    }

    @Test
    void theGammaBetaChartHasRealTicksAndTheShareAxisRunsFrom0To1(FxRobot robot) {
        robot.interact(() -> {
            for (int e = 0; e < 5; e++) {
                vm.accept(wideGammaAndOutput(e));
            }
            vm.selectedIndexProperty().set(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> labels = new java.util.ArrayList<>();
        double[][] share = new double[1][];
        robot.interact(() -> {
            view.gammaBetaChart().yTicks().forEach(t -> labels.add(t.label()));
            share[0] = view.shareChart().yAxisRange();
        });
        assertThat(labels).hasSizeGreaterThanOrEqualTo(2);
        assertThat(share[0]).containsExactly(0.0, 1.0); // no dead nor saturated unit: still a 0..1 share
    }

    @Test
    void aLayerWithoutBatchNormShowsNoBatchNormPanels(FxRobot robot) {
        robot.interact(() -> {
            for (int e = 0; e < 3; e++) {
                vm.accept(wideGammaAndOutput(e));
            }
            vm.selectedIndexProperty().set(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.gammaBetaChart().getScene()).isNull();
        assertThat(view.driftChart().getScene()).isNull();
        assertThat(view.zTildeWaterfall().getScene()).isNull();
        assertThat(view.unitStrip().isVisible()).isFalse();
        assertThat(view.zWaterfall().title()).doesNotContain("batch norm");
        assertThat(view.ratioChart().getScene()).isNotNull();
        assertThat(view.shareChart().getScene()).isNotNull();
        robot.interact(() -> vm.selectedIndexProperty().set(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.gammaBetaChart().getScene()).isNotNull();
        assertThat(view.zTildeWaterfall().getScene()).isNotNull();
        assertThat(view.zWaterfall().title()).isEqualTo("z before batch norm");
    }

    @Test
    void everyEpochOfALongRunStaysReachable(FxRobot robot) {
        robot.interact(() -> {
            for (int e = 0; e < 800; e++) {
                vm.accept(epoch(e, 1e-3));
            }
            vm.selectedIndexProperty().set(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selected().size()).isEqualTo(800);
        assertThat(vm.selected().zHistory()).hasSize(800);
        double[][] shown = new double[2][];
        robot.interact(() -> {
            shown[0] = view.zWaterfall().shownEpochs();
            view.zWaterfall().scrollBy(10_000);
            shown[1] = view.zWaterfall().shownEpochs();
        });
        assertThat(shown[0][1]).isEqualTo(799); // follows the newest
        assertThat(shown[1][0]).isEqualTo(0); // scrolled back to the first epoch
    }
}
