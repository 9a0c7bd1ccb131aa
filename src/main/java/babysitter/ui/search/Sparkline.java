package babysitter.ui.search;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A small line of values (a trial's dev accuracy per epoch) for a table cell; y fixed to [yMin, yMax]. */
public final class Sparkline extends Canvas {
    private double[] values = new double[0];
    private double yMin = 0;
    private double yMax = 1;
    private Color color = Color.web("#1f77b4");

    public Sparkline(double width, double height) {
        super(width, height);
    }

    /** Shows {@code values} (NaN skipped) against a y axis from yMin to yMax. */
    public void show(double[] values, double yMin, double yMax, Color color) {
        this.values = values == null ? new double[0] : values.clone();
        this.yMin = yMin;
        this.yMax = yMax > yMin ? yMax : yMin + 1;
        this.color = color;
        paint();
    }

    private void paint() {
        double w = getWidth();
        double h = getHeight();
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        int n = values.length;
        if (n == 0) {
            return;
        }
        g.setStroke(color);
        g.setFill(color);
        g.setLineWidth(1.3);
        g.beginPath();
        boolean started = false;
        double lastX = 0;
        double lastY = 0;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                continue;
            }
            double x = n == 1 ? w / 2 : 1.5 + i * (w - 3) / (n - 1);
            double y = h - 1.5 - (Math.max(yMin, Math.min(yMax, v)) - yMin) / (yMax - yMin) * (h - 3);
            if (started) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                started = true;
            }
            lastX = x;
            lastY = y;
        }
        g.stroke();
        if (started) {
            g.fillOval(lastX - 2, lastY - 2, 4, 4);
        }
    }
}
