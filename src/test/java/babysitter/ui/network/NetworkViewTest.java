package babysitter.ui.network;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.LayerStats;
import babysitter.session.Report;
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
        return new LayerStats(l, true, new double[] {1, -2}, new double[] {4, 1}, new double[] {0.5, -1},
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

        assertThat(view.layerChooser().getItems()).containsExactly("layer 1 (2 units, relu, bn)",
                "layer 2 (2 units, relu, bn)");
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
        WaitForAsyncUtils.waitForFxEvents();
        int before = view.zWaterfall().paints();
        int refreshes = view.refreshes();
        robot.interact(() -> vm.accept(epoch(0, 1e-3)));
        assertThat(view.refreshes()).isEqualTo(refreshes + 1);
        int after = view.zWaterfall().paints();
        assertThat(after).isEqualTo(before + 1);
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.zWaterfall().paints()).isEqualTo(after);
    }
}
