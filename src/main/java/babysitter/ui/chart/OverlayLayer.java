package babysitter.ui.chart;

import babysitter.plot.PlotArea;
import java.util.Optional;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * The canvas over a chart that shows what follows the mouse (the hover box, a drag selection), so
 * that moving the mouse never redraws the chart itself.
 *
 * <p>Without a selection or a hover box it is left blank and hidden: a visible canvas the size of
 * the chart is blended over it at every frame the chart changes, and clearing it at every redraw
 * made it change each time (under the software renderer that was a large part of a frame; see
 * docs/PERFORMANCE.md, "The window").
 */
final class OverlayLayer {
    private final LineChartCanvas chart;
    private final TextMeasure text;
    private final Canvas canvas = new Canvas();
    private final ZoomGestures gestures;
    /** Whether the canvas holds no pixels: it is then hidden and not cleared again. */
    private boolean blank = true;
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;
    private HoverBox hover;

    OverlayLayer(LineChartCanvas chart, TextMeasure text) {
        this.chart = chart;
        this.text = text;
        canvas.setMouseTransparent(true);
        canvas.setVisible(false);
        gestures = new ZoomGestures(chart, this);
    }

    Canvas canvas() {
        return canvas;
    }

    void resize(double w, double h) {
        canvas.setWidth(w);
        canvas.setHeight(h);
        blank = false; // clear it for the new size whatever it held
    }

    /** Moves the hover box to the mouse at (x, y) in the chart's coordinates; NaN hides it. */
    void hoverAt(double x, double y) {
        mouseX = x;
        mouseY = y;
        refresh();
    }

    /** Recomputes the hover box for the chart as last drawn, and repaints. */
    void refresh() {
        hover = HoverBox.at(chart, chart.area(), mouseX, mouseY);
        repaint();
    }

    Optional<String> hoverText() {
        return hover == null ? Optional.empty() : Optional.of(hover.text);
    }

    boolean shown() {
        return canvas.isVisible();
    }

    void repaint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        PlotArea f = chart.area();
        boolean selecting = gestures.selecting();
        if (f == null || (!selecting && hover == null)) {
            if (!blank) {
                g.clearRect(0, 0, w, h);
                blank = true;
            }
            canvas.setVisible(false);
            return;
        }
        g.clearRect(0, 0, w, h);
        blank = false;
        canvas.setVisible(true);
        if (selecting) {
            gestures.paintSelection(g, f);
        }
        if (hover != null) {
            hover.paint(g, f, mouseX, mouseY, w, h, text);
        }
    }
}
