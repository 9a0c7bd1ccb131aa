package babysitter.ui.regions;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import babysitter.ui.chart.FxColors;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The regions canvas in a real (headless) window. */
@ExtendWith(ApplicationExtension.class)
class RegionsViewTest {

    private RegionsViewModel vm;
    private RegionsView view;

    @Start
    void start(Stage stage) {
        vm = new RegionsViewModel();
        view = new RegionsView(vm);
        stage.setScene(new Scene(new StackPane(view), 300, 300));
        stage.show();
    }

    /** A 10 × 10 grid: the left half class 0, the right half class 1, all at probability 1; one point. */
    static Report.RegionsReport halves() {
        int n = 10;
        byte[] classOf = new byte[n * n];
        float[] confidence = new float[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                classOf[row * n + col] = (byte) (col < n / 2 ? 0 : 1);
                confidence[row * n + col] = 1f;
            }
        }
        // one point of class 2 near the top-right corner: x = 0.9, y = 0.9 of [0, 1] × [0, 1]
        return new Report.RegionsReport(3, 0, List.of("a", "b", "c"), 0, 1, 0, 1, n, n, classOf, confidence,
                new float[] {0.9f}, new float[] {0.9f}, new int[] {2}, new float[] {0.1f, 0.2f, 0.7f});
    }

    static void assertColour(Color actual, Color expected, String what) {
        double tol = 2.5 / 255;
        assertThat(actual.getRed()).as(what + " red").isCloseTo(expected.getRed(), org.assertj.core.data.Offset.offset(tol));
        assertThat(actual.getGreen()).as(what + " green").isCloseTo(expected.getGreen(),
                org.assertj.core.data.Offset.offset(tol));
        assertThat(actual.getBlue()).as(what + " blue").isCloseTo(expected.getBlue(),
                org.assertj.core.data.Offset.offset(tol));
    }

    @Test
    void paintsEachHalfInItsClassColourAndThePointOnTop(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int before = view.redraws();
        robot.interact(() -> vm.accept(List.of(halves())));
        assertThat(view.redraws()).isEqualTo(before + 1);

        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = view.snapshot(null, null));
        PixelReader px = shot[0].getPixelReader();
        double s = RegionsView.SIZE;
        Color left = RegionsView.cellColour(0, 1);
        Color right = RegionsView.cellColour(1, 1);
        assertThat(left).isNotEqualTo(right);
        for (double y : new double[] {0.1, 0.5, 0.8}) {
            assertColour(px.getColor((int) (0.1 * s), (int) (y * s)), left, "left at " + y);
            assertColour(px.getColor((int) (0.4 * s), (int) (y * s)), left, "left at " + y);
            assertColour(px.getColor((int) (0.6 * s), (int) (y * s)), right, "right at " + y);
            assertColour(px.getColor((int) (0.8 * s), (int) (y * s)), right, "right at " + y);
        }
        // the point (x 0.9, y 0.9) is drawn at 0.9 across and 0.1 down, in class 2's colour
        assertColour(px.getColor((int) (0.9 * s), (int) (0.1 * s)), FxColors.ofClass(2), "the point");
    }

    @Test
    void redrawsOnlyWhenANewReportArrives(FxRobot robot) {
        robot.interact(() -> vm.accept(List.of(halves())));
        int after = view.redraws();
        robot.interact(() -> vm.accept(List.of(new Report.StepReport(1, 0, 0, 0.5, 0.1, 0, 10))));
        assertThat(view.redraws()).isEqualTo(after);
        robot.interact(() -> vm.accept(List.of(halves())));
        assertThat(view.redraws()).isEqualTo(after + 1);
    }

    @Test
    void movingTheMouseOntoAPointShowsItsBoxWithoutRebuildingTheMap(FxRobot robot) {
        robot.interact(() -> vm.accept(List.of(halves())));
        int after = view.redraws();
        double s = RegionsView.SIZE;
        // the point is drawn at (0.9 s, 0.1 s) = (234, 26); its box goes left of it and below:
        // right edge at 224, top at 36, three class rows, so (221, 111) is the box's background
        int[] probe = {221, 111};
        WritableImage[] before = new WritableImage[1];
        robot.interact(() -> before[0] = view.snapshot(null, null));
        assertThat(before[0].getPixelReader().getColor(probe[0], probe[1]).getGreen()).isLessThan(0.6);

        robot.interact(() -> view.fireEvent(mouse(view, javafx.scene.input.MouseEvent.MOUSE_MOVED, 0.9 * s + 2, 0.1 * s + 1)));
        assertThat(vm.hoverProperty().get()).isInstanceOfSatisfying(RegionsViewModel.PointHover.class, p -> {
            assertThat(p.trueClass()).isEqualTo(2);
            assertThat(p.predicted()).isEqualTo(2);
        });
        assertThat(view.redraws()).as("the map is cached").isEqualTo(after);
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = view.snapshot(null, null));
        Color box = shot[0].getPixelReader().getColor(probe[0], probe[1]);
        assertThat(box.getRed()).isGreaterThan(0.9);
        assertThat(box.getGreen()).isGreaterThan(0.9);
        assertThat(box.getBlue()).isGreaterThan(0.9);

        robot.interact(() -> view.fireEvent(mouse(view, javafx.scene.input.MouseEvent.MOUSE_EXITED, -1, -1)));
        assertThat(vm.hoverProperty().get()).isNull();
        robot.interact(() -> shot[0] = view.snapshot(null, null));
        assertColour(shot[0].getPixelReader().getColor(probe[0], probe[1]),
                before[0].getPixelReader().getColor(probe[0], probe[1]), "after the mouse left");
    }

    /** A mouse event at (x, y) of {@code node} (events carry scene coordinates; the node sees its own). */
    static javafx.scene.input.MouseEvent mouse(javafx.scene.Node node,
                                               javafx.event.EventType<javafx.scene.input.MouseEvent> type, double x,
                                               double y) {
        javafx.geometry.Point2D scene = node.localToScene(x, y);
        return new javafx.scene.input.MouseEvent(type, scene.getX(), scene.getY(), scene.getX(), scene.getY(),
                javafx.scene.input.MouseButton.NONE, 0, false,
                false, false, false, false, false, false, false, false, false, null);
    }

    @Test
    void theCellColourIsThePaletteColourFadedByConfidence() {
        assertColour(RegionsView.cellColour(1, 0), Color.WHITE, "probability 0");
        Color c = FxColors.ofClass(1);
        double a = RegionsView.MAX_ALPHA * 0.5;
        assertColour(RegionsView.cellColour(1, 0.5), Color.color(1 - a + a * c.getRed(), 1 - a + a * c.getGreen(),
                1 - a + a * c.getBlue()), "probability ½");
    }
}
