package babysitter.ui.chart;

import babysitter.plot.PlotArea;
import babysitter.plot.Ticks;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/** Draws the grid, the two axes with their ticks and tick labels, and the axis labels. */
final class AxesPainter {
    static final double TICK = 4;
    private static final Color GRID = Color.rgb(232, 232, 232);
    private static final Color AXIS = Color.rgb(90, 90, 90);

    private AxesPainter() {
    }

    /** A 1-pixel line centred on a device pixel at this scale. */
    static double crisp(double v, double scale) {
        return (Math.floor(v * scale) + 0.5) / scale;
    }

    static void grid(GraphicsContext g, PlotArea f, List<Ticks.Tick> xTicks, List<Ticks.Tick> yTicks, double scale) {
        g.setStroke(GRID);
        g.setLineWidth(1);
        for (Ticks.Tick t : xTicks) {
            double px = crisp(f.pixelX(t.value()), scale);
            g.strokeLine(px, f.y(), px, f.y() + f.height());
        }
        for (Ticks.Tick t : yTicks) {
            double py = crisp(f.pixelY(t.value()), scale);
            g.strokeLine(f.x(), py, f.x() + f.width(), py);
        }
    }

    static void axes(GraphicsContext g, PlotArea f, List<Ticks.Tick> xTicks, List<Ticks.Tick> yTicks, double scale,
            double width, TextMeasure text) {
        g.setStroke(AXIS);
        g.setLineWidth(1);
        double axisX = crisp(f.x(), scale);
        double axisY = crisp(f.y() + f.height(), scale);
        g.strokeLine(axisX, f.y(), axisX, axisY);
        g.strokeLine(axisX, axisY, f.x() + f.width(), axisY);
        g.setFont(text.tick());
        g.setFill(ChartPainter.TEXT);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        for (Ticks.Tick t : xTicks) {
            double px = crisp(f.pixelX(t.value()), scale);
            g.strokeLine(px, axisY, px, axisY + TICK);
            double lw = text.width(t.label(), text.tick());
            double lx = Math.max(2, Math.min(width - 2 - lw, px - lw / 2));
            g.fillText(t.label(), lx, axisY + TICK + 2);
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (Ticks.Tick t : yTicks) {
            double py = crisp(f.pixelY(t.value()), scale);
            g.strokeLine(axisX - TICK, py, axisX, py);
            g.fillText(t.label(), axisX - TICK - 3, py);
        }
    }

    static void labels(GraphicsContext g, PlotArea f, String xLabel, String yLabel, double height, double pad,
            TextMeasure text) {
        g.setFont(text.label());
        g.setFill(ChartPainter.TEXT);
        if (!xLabel.isBlank()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(xLabel, f.x() + f.width() / 2, height - pad + 2);
        }
        if (!yLabel.isBlank()) {
            g.save();
            g.translate(pad, f.y() + f.height() / 2);
            g.rotate(-90);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(yLabel, 0, 0);
            g.restore();
        }
    }
}
