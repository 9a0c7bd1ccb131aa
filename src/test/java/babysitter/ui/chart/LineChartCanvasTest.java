package babysitter.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The chart in a real (headless) window: pixels of the exported PNG, markers, log scale, hover, zoom, redraw coalescing. */
@ExtendWith(ApplicationExtension.class)
class LineChartCanvasTest {
    private static final int W = 600;
    private static final int H = 300;

    private LineChartCanvas chart;
    private ChartSeries cost;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        chart = new LineChartCanvas("Cost per step", "step", "cost");
        cost = chart.addSeries("cost", Color.RED, 2, 1);
        for (int i = 0; i <= 200; i++) {
            cost.data().add(i * 0.5, i * 0.5); // y = x from 0 to 100
        }
        stage.setScene(new Scene(chart, W, H));
        stage.show();
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private BufferedImage export(double scale) throws Exception {
        Path file = dir.resolve("chart-" + scale + "-" + System.nanoTime() + ".png");
        chart.exportPng(file, scale); // from the test thread: the image is taken on the FX thread
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("PNG read back").isNotNull();
        return image;
    }

    private static boolean isRed(int argb) {
        int r = argb >> 16 & 0xff;
        int g = argb >> 8 & 0xff;
        int b = argb & 0xff;
        return r > 200 && g < 90 && b < 90;
    }

    private static boolean isBlue(int argb) {
        int r = argb >> 16 & 0xff;
        int g = argb >> 8 & 0xff;
        int b = argb & 0xff;
        return b > 150 && r < 100 && g < 100;
    }

    /** Pixels of a colour within {@code radius} of (x, y) in an image drawn at {@code scale}. */
    private static int count(BufferedImage image, Point2D at, double scale, int radius,
            java.util.function.IntPredicate colour) {
        int cx = (int) Math.round(at.getX() * scale);
        int cy = (int) Math.round(at.getY() * scale);
        int n = 0;
        for (int y = cy - radius; y <= cy + radius; y++) {
            for (int x = cx - radius; x <= cx + radius; x++) {
                if (x >= 0 && y >= 0 && x < image.getWidth() && y < image.getHeight()
                        && colour.test(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int countInRect(BufferedImage image, Point2D a, Point2D b, double scale,
            java.util.function.IntPredicate colour) {
        int x0 = (int) (Math.min(a.getX(), b.getX()) * scale);
        int x1 = (int) (Math.max(a.getX(), b.getX()) * scale);
        int y0 = (int) (Math.min(a.getY(), b.getY()) * scale);
        int y1 = (int) (Math.max(a.getY(), b.getY()) * scale);
        int n = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (colour.test(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void exportedPngHasTheChartsSizeTimesTheScaleAndRedWhereTheLineIs() throws Exception {
        for (double scale : new double[] {1, 2}) {
            BufferedImage image = export(scale);
            assertThat(image.getWidth()).isEqualTo((int) (W * scale));
            assertThat(image.getHeight()).isEqualTo((int) (H * scale));
            for (double x : new double[] {10, 30, 50, 70, 90}) {
                Point2D p = fx(() -> chart.dataToLocal(x, x));
                assertThat(count(image, p, scale, 2, LineChartCanvasTest::isRed))
                        .as("red near (%s, %s) at scale %s", x, x, scale).isPositive();
            }
            // above the line y = x, top left of the plot, there is nothing red
            Point2D a = fx(() -> chart.dataToLocal(5, 95));
            Point2D b = fx(() -> chart.dataToLocal(40, 60));
            assertThat(countInRect(image, a, b, scale, LineChartCanvasTest::isRed)).isZero();
            // the background is white
            assertThat(image.getRGB((int) (a.getX() * scale), (int) (a.getY() * scale)) & 0xffffff)
                    .isEqualTo(0xffffff);
        }
    }

    @Test
    void axesAutoRangeToTheDataAndFollowAppends() throws Exception {
        double[] x = fx(() -> chart.xAxisRange());
        double[] y = fx(() -> chart.yAxisRange());
        assertThat(x).containsExactly(0, 100);
        assertThat(y[0]).isLessThan(0).isGreaterThan(-10); // a small margin below 0
        assertThat(y[1]).isGreaterThan(100).isLessThan(110);
        fx(() -> {
            cost.data().add(150, 300);
            chart.requestRedraw();
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> !chart.isRedrawPending()));
        assertThat(fx(() -> chart.xAxisRange())).containsExactly(0, 150);
        assertThat(fx(() -> chart.yAxisRange())[1]).isGreaterThan(300);
    }

    @Test
    void manyRequestsBeforeAPulseCostOneRedraw() throws Exception {
        long before = fx(() -> chart.redrawCount());
        boolean pendingWithinTheSameEvent = fx(() -> {
            for (int i = 0; i < 100; i++) {
                cost.data().add(100 + i, 100 - i);
                chart.requestRedraw();
            }
            return chart.isRedrawPending() && chart.redrawCount() == before;
        });
        assertThat(pendingWithinTheSameEvent).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> !chart.isRedrawPending()));
        assertThat(fx(() -> chart.redrawCount())).isEqualTo(before + 1);
        // a request from another thread is handed to the FX thread
        chart.requestRedraw();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> chart.redrawCount() == before + 2));
    }

    @Test
    void markersDrawAVerticalLineAtTheirX() throws Exception {
        fx(() -> chart.addMarker(50, "lr 0.01", Color.BLUE));
        fx(() -> chart.addMarker(52, "rewind", Color.BLUE));
        assertThat(fx(() -> chart.markerCount())).isEqualTo(2);
        BufferedImage image = export(1);
        // in the upper part of the plot, where the series is not (y = x is at 50 there)
        Point2D onMarker = fx(() -> chart.dataToLocal(50, 80));
        Point2D elsewhere = fx(() -> chart.dataToLocal(20, 80));
        assertThat(count(image, onMarker, 1, 1, LineChartCanvasTest::isBlue)).isPositive();
        assertThat(count(image, elsewhere, 1, 3, LineChartCanvasTest::isBlue)).isZero();

        fx(() -> chart.clearMarkers());
        assertThat(fx(() -> chart.markerCount())).isZero();
        BufferedImage cleared = export(1);
        assertThat(count(cleared, onMarker, 1, 1, LineChartCanvasTest::isBlue)).isZero();
    }

    @Test
    void logScaleDrawsAnExponentialAsAStraightLine() throws Exception {
        fx(() -> {
            cost.data().clear();
            cost.data().add(0, 0); // skipped on the log scale
            for (int i = 1; i <= 400; i++) {
                double x = i * 0.25;
                cost.data().add(x, Math.pow(10, x / 25)); // 1 .. 10^4
            }
            chart.setLogY(true);
        });
        BufferedImage log = export(1);
        Point2D middle = fx(() -> chart.dataToLocal(50, 100));
        double[] y = fx(() -> chart.yAxisRange());
        assertThat(y[0]).isLessThan(1.001).isGreaterThan(0.5);
        assertThat(y[1]).isGreaterThan(1e4).isLessThan(2e4);
        double[] plotTopBottom = fx(() -> new double[] {chart.dataToLocal(0, y[1]).getY(), chart.dataToLocal(0, y[0]).getY()});
        assertThat(middle.getY()).isCloseTo((plotTopBottom[0] + plotTopBottom[1]) / 2, within(2.0));
        assertThat(count(log, middle, 1, 2, LineChartCanvasTest::isRed)).isPositive();

        fx(() -> chart.setLogY(false));
        BufferedImage linear = export(1);
        assertThat(count(linear, middle, 1, 2, LineChartCanvasTest::isRed)).isZero();
        // on the linear scale 100 of 10^4 sits near the bottom
        Point2D linearPoint = fx(() -> chart.dataToLocal(50, 100));
        assertThat(linearPoint.getY()).isGreaterThan(middle.getY() + 50);
        assertThat(count(linear, linearPoint, 1, 2, LineChartCanvasTest::isRed)).isPositive();
    }

    private void mouse(javafx.event.EventType<MouseEvent> type, Point2D at, int clicks) throws Exception {
        fx(() -> Event.fireEvent(chart, new MouseEvent(type, at.getX(), at.getY(), at.getX(), at.getY(),
                type == MouseEvent.MOUSE_MOVED || type == MouseEvent.MOUSE_EXITED ? MouseButton.NONE : MouseButton.PRIMARY,
                clicks, false, false, false, false, type == MouseEvent.MOUSE_DRAGGED || type == MouseEvent.MOUSE_PRESSED,
                false, false, false, false, false, null)));
    }

    @Test
    void hoverNamesEachSeriesValueAtTheNearestX() throws Exception {
        ChartSeries other = fx(() -> chart.addSeries("accuracy", Color.GREEN, 1, 0.8));
        fx(() -> {
            for (int i = 0; i <= 100; i++) {
                other.data().add(i, 1 - i / 200.0);
            }
            chart.redrawNow();
        });
        assertThat(fx(() -> chart.hoverText())).isEmpty();
        assertThat(fx(() -> chart.overlayShown())).isFalse(); // a blank overlay is not rendered
        Point2D at = fx(() -> chart.dataToLocal(37.2, 50));
        mouse(MouseEvent.MOUSE_MOVED, at, 0);
        assertThat(fx(() -> chart.overlayShown())).isTrue();
        String text = fx(() -> chart.hoverText()).orElseThrow();
        assertThat(text).contains("x = 37").contains("cost: 37").contains("accuracy: 0.815");
        // a hidden series is left out
        fx(() -> other.setVisible(false));
        fx(() -> chart.redrawNow());
        assertThat(fx(() -> chart.hoverText()).orElseThrow()).doesNotContain("accuracy");
        mouse(MouseEvent.MOUSE_EXITED, at, 0);
        assertThat(fx(() -> chart.hoverText())).isEmpty();
        assertThat(fx(() -> chart.overlayShown())).isFalse();
    }

    @Test
    void dragZoomsXDoubleClickResetsScrollZoomsAroundTheMouse() throws Exception {
        Point2D from = fx(() -> chart.dataToLocal(20, 50));
        Point2D to = fx(() -> chart.dataToLocal(60, 50));
        mouse(MouseEvent.MOUSE_PRESSED, from, 1);
        mouse(MouseEvent.MOUSE_DRAGGED, to, 0);
        mouse(MouseEvent.MOUSE_RELEASED, to, 1);
        fx(() -> chart.redrawNow());
        double[] x = fx(() -> chart.xAxisRange());
        assertThat(x[0]).isCloseTo(20, within(0.5));
        assertThat(x[1]).isCloseTo(60, within(0.5));
        // y follows the visible points only (y = x between 20 and 60)
        double[] y = fx(() -> chart.yAxisRange());
        assertThat(y[0]).isGreaterThan(15).isLessThan(20);
        assertThat(y[1]).isGreaterThan(60).isLessThan(65);

        mouse(MouseEvent.MOUSE_CLICKED, to, 2);
        fx(() -> chart.redrawNow());
        assertThat(fx(() -> chart.xAxisRange())).containsExactly(0, 100);
        assertThat(fx(() -> chart.isZoomed())).isFalse();

        // the plain wheel is the scrolling of whatever holds the chart: it passes on, unused
        Point2D centre = fx(() -> chart.dataToLocal(80, 50));
        ScrollEvent plain = wheel(centre, false);
        boolean[] passedOn = new boolean[1];
        fx(() -> {
            stage.getScene().addEventHandler(ScrollEvent.SCROLL, e -> passedOn[0] = true);
            Event.fireEvent(chart, plain);
            return null;
        });
        fx(() -> chart.redrawNow());
        assertThat(fx(() -> chart.xAxisRange())).containsExactly(0, 100);
        assertThat(fx(() -> chart.isZoomed())).isFalse();
        assertThat(passedOn[0]).as("the plain wheel reaches the chart's parents").isTrue();

        // Ctrl + wheel zooms around the mouse
        passedOn[0] = false;
        fx(() -> {
            Event.fireEvent(chart, wheel(centre, true));
            return null;
        });
        assertThat(passedOn[0]).as("Ctrl + wheel is the chart's own").isFalse();
        fx(() -> chart.redrawNow());
        double[] zoomed = fx(() -> chart.xAxisRange());
        assertThat(zoomed[1] - zoomed[0]).isCloseTo(85, within(0.01));
        assertThat(zoomed[0]).isCloseTo(80 - 80 * 0.85, within(0.01)); // 80 stays under the mouse

        // zoomed between two points (10.0 and 10.5): y ranges to the segment crossing the plot
        fx(() -> chart.setXRange(10.1, 10.4));
        double[] gap = fx(() -> chart.yAxisRange());
        assertThat(gap[0]).isBetween(9.9, 10.0);
        assertThat(gap[1]).isBetween(10.5, 10.6);

        fx(() -> chart.setXRange(10, 12));
        fx(() -> chart.resetZoom());
        fx(() -> chart.redrawNow());
        assertThat(fx(() -> chart.xAxisRange())).containsExactly(0, 100);
    }

    @Test
    void hiddenAndRemovedSeriesDrawNothing() throws Exception {
        // a second series keeps the axes where they are: y = 100 - x crosses y = x at (50, 50)
        fx(() -> {
            ChartSeries other = chart.addSeries("other", Color.BLUE, 1, 1);
            for (int i = 0; i <= 100; i++) {
                other.data().add(i, 100 - i);
            }
        });
        Point2D p = fx(() -> chart.dataToLocal(30, 30));
        assertThat(count(export(1), p, 1, 2, LineChartCanvasTest::isRed)).isPositive();
        fx(() -> cost.setVisible(false));
        BufferedImage hidden = export(1);
        assertThat(fx(() -> chart.dataToLocal(30, 30))).isEqualTo(p);
        assertThat(count(hidden, p, 1, 3, LineChartCanvasTest::isRed)).isZero();
        fx(() -> cost.setVisible(true));
        assertThat(count(export(1), p, 1, 2, LineChartCanvasTest::isRed)).isPositive();
        fx(() -> chart.removeSeries(cost));
        assertThat(fx(() -> chart.series())).extracting(ChartSeries::name).containsExactly("other");
        assertThat(count(export(1), p, 1, 3, LineChartCanvasTest::isRed)).isZero();
    }

    @Test
    void resizingRedrawsAtTheNewSize() throws Exception {
        long before = fx(() -> chart.redrawCount());
        double right = fx(() -> chart.dataToLocal(100, 0).getX());
        fx(() -> stage.setWidth(stage.getWidth() + 200));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> chart.getWidth() == W + 200));
        assertThat(fx(() -> chart.redrawCount())).isGreaterThan(before);
        assertThat(fx(() -> chart.dataToLocal(100, 0).getX())).isCloseTo(right + 200, within(1.0));
        assertThat(export(1).getWidth()).isEqualTo(W + 200);
    }

    @Test
    void snapshotOnTheFxThreadHasTheScaledSize() throws Exception {
        javafx.scene.image.WritableImage image = fx(() -> chart.snapshot(2));
        assertThat(image.getWidth()).isEqualTo(2 * W);
        assertThat(image.getHeight()).isEqualTo(2 * H);
    }

    @Test
    void exportToAMissingFolderFailsWithAnIoException() {
        Path file = dir.resolve("no/such/folder/chart.png");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> chart.exportPng(file, 1))
                .isInstanceOf(IOException.class);
    }

    @Test
    void markerLabelsCoverNeitherEachOtherNorAnyMarkerLine() throws Exception {
        // a burst of changes close together, as a slider drag or a quick sequence of edits makes them
        double[] xs = {10, 11, 12, 13, 14, 15, 16, 30, 31, 60, 62, 64, 66, 90};
        fx(() -> {
            for (double x : xs) {
                chart.addMarker(x, "α 0.0" + (int) x + "→0.00" + (int) x, Color.GREEN);
            }
            chart.redrawNow();
        });
        java.util.List<javafx.geometry.Bounds> boxes = fx(chart::markerLabelBoxes);
        assertThat(boxes).isNotEmpty();
        for (int i = 0; i < boxes.size(); i++) {
            javafx.geometry.Bounds a = boxes.get(i);
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(a.intersects(boxes.get(j))).as("labels %d and %d overlap", i, j).isFalse();
            }
            for (double x : xs) {
                double px = fx(() -> chart.dataToLocal(x, 1).getX());
                assertThat(px > a.getMinX() && px < a.getMaxX()).as("the line at %s crosses label %d", x, i).isFalse();
            }
        }
        // a label with no room is still there for the mouse: hovering at its line lists it
        double px = fx(() -> chart.dataToLocal(13, 50).getX());
        double py = fx(() -> chart.dataToLocal(13, 50).getY());
        javafx.geometry.Point2D screen = fx(() -> chart.localToScreen(px, py));
        new org.testfx.api.FxRobot().moveTo(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> chart.hoverText().orElse(""))).contains("α 0.013→0.0013");
    }

    @Test
    void anExportedPngIsReadableByEveryone() throws Exception {
        Path file = dir.resolve("chart.png");
        chart.exportPng(file, 1);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");
    }

    private static ScrollEvent wheel(Point2D at, boolean ctrl) {
        return new ScrollEvent(ScrollEvent.SCROLL, at.getX(), at.getY(), at.getX(), at.getY(), false, ctrl, false,
                false, false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }
}
