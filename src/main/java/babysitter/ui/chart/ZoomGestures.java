package babysitter.ui.chart;

import babysitter.plot.PlotArea;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.canvas.GraphicsContext;

/**
 * The mouse on a chart: hovering shows the hover box, a drag across the plot zooms x to the
 * dragged span, Ctrl (⌘ on a Mac) + wheel zooms around the mouse, a double click shows everything
 * again. The plain wheel is left to whatever holds the chart: a chart inside a scrolling panel must
 * not stop the panel from scrolling.
 */
final class ZoomGestures {
    private static final double ZOOM_PER_NOTCH = 0.85;
    private static final double MIN_DRAG_PIXELS = 4;
    private static final Color SELECTION = Color.rgb(60, 120, 220, 0.15);

    private final LineChartCanvas chart;
    private final OverlayLayer overlay;
    private double dragStart = Double.NaN;
    private double dragNow = Double.NaN;

    ZoomGestures(LineChartCanvas chart, OverlayLayer overlay) {
        this.chart = chart;
        this.overlay = overlay;
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> overlay.hoverAt(e.getX(), e.getY()));
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> overlay.hoverAt(Double.NaN, Double.NaN));
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        chart.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onRelease);
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        chart.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    }

    boolean selecting() {
        return !Double.isNaN(dragStart) && !Double.isNaN(dragNow);
    }

    /** Paints the dragged span on the overlay. */
    void paintSelection(GraphicsContext g, PlotArea f) {
        double a = clamp(Math.min(dragStart, dragNow), f);
        double b = clamp(Math.max(dragStart, dragNow), f);
        g.setFill(SELECTION);
        g.fillRect(a, f.y(), b - a, f.height());
    }

    private static double clamp(double px, PlotArea f) {
        return Math.max(f.x(), Math.min(f.x() + f.width(), px));
    }

    private void onPress(MouseEvent e) {
        PlotArea f = chart.area();
        if (e.getButton() == MouseButton.PRIMARY && f != null && f.contains(e.getX(), e.getY())) {
            dragStart = e.getX();
            dragNow = Double.NaN;
        }
    }

    private void onDrag(MouseEvent e) {
        if (!Double.isNaN(dragStart)) {
            dragNow = e.getX();
        }
        overlay.hoverAt(e.getX(), e.getY());
    }

    private void onRelease(MouseEvent e) {
        PlotArea f = chart.area();
        if (!Double.isNaN(dragStart) && f != null && Math.abs(e.getX() - dragStart) >= MIN_DRAG_PIXELS) {
            double min = f.dataX(clamp(Math.min(dragStart, e.getX()), f));
            double max = f.dataX(clamp(Math.max(dragStart, e.getX()), f));
            if (max > min) {
                chart.setXRange(min, max);
            }
        }
        dragStart = Double.NaN;
        dragNow = Double.NaN;
        overlay.repaint();
    }

    private void onClick(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            chart.resetZoom();
        }
    }

    private void onScroll(ScrollEvent e) {
        PlotArea f = chart.area();
        if (!(e.isControlDown() || e.isShortcutDown())) {
            return;
        }
        if (f == null || e.getDeltaY() == 0 || !f.contains(e.getX(), e.getY())) {
            return;
        }
        double factor = Math.pow(ZOOM_PER_NOTCH, e.getDeltaY() / 40.0);
        double centre = f.dataX(e.getX());
        double min = centre - (centre - f.xMin()) * factor;
        double max = centre + (f.xMax() - centre) * factor;
        double[] full = ChartRanges.dataX(chart.series());
        if (full != null && min <= full[0] && max >= full[1]) {
            chart.resetZoom();
        } else if (max - min > Math.ulp(centre) * 64) {
            chart.setXRange(min, max);
        }
        e.consume();
    }
}
