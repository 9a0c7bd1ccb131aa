package babysitter.ui.chart;

import babysitter.plot.Decimator;
import babysitter.plot.PlotArea;
import babysitter.plot.Ticks;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What hovering over a chart shows: a cross-hair, a dot on each visible series at the nearest x,
 * and a box with that x, every visible series' name and value, and the labels of the markers at
 * the mouse (also those the plot had no room to label).
 */
final class HoverBox {
    private static final Color LINE = Color.rgb(120, 120, 120, 0.8);
    private static final Color BOX = Color.rgb(255, 255, 255, 0.94);
    private static final Color BORDER = Color.rgb(180, 180, 180);
    /** How near (pixels) the mouse must be to a marker for its label to be listed. */
    private static final double MARKER_REACH = 4;

    final String text;
    private final double pixelX;
    private final List<double[]> dots;
    private final List<Color> dotColors;

    private HoverBox(String text, double pixelX, List<double[]> dots, List<Color> dotColors) {
        this.text = text;
        this.pixelX = pixelX;
        this.dots = dots;
        this.dotColors = dotColors;
    }

    /** The hover box for the mouse at (mouseX, mouseY), or null when there is nothing to show. */
    static HoverBox at(LineChartCanvas chart, PlotArea f, double mouseX, double mouseY) {
        if (f == null || Double.isNaN(mouseX) || !f.contains(mouseX, mouseY)) {
            return null;
        }
        double target = f.dataX(mouseX);
        double bestX = Double.NaN;
        for (ChartSeries s : chart.series()) {
            int i = s.isVisible() ? Decimator.nearest(s.data(), target) : -1;
            if (i >= 0) {
                double x = s.data().x(i);
                if (Double.isNaN(bestX) || Math.abs(x - target) < Math.abs(bestX - target)) {
                    bestX = x;
                }
            }
        }
        if (Double.isNaN(bestX)) {
            return null;
        }
        StringBuilder text = new StringBuilder("x = ").append(Ticks.formatValue(bestX));
        List<double[]> dots = new ArrayList<>();
        List<Color> dotColors = new ArrayList<>();
        for (ChartSeries s : chart.series()) {
            if (!s.isVisible() || s.data().isEmpty()) {
                continue;
            }
            int i = Decimator.nearest(s.data(), bestX);
            double y = s.data().y(i);
            if (!s.name().isBlank()) {
                text.append('\n').append(s.name()).append(": ").append(Ticks.formatValue(y));
            }
            if (f.drawable(y)) {
                dots.add(new double[] {f.pixelX(s.data().x(i)), f.pixelY(y)});
                dotColors.add(s.color());
            }
        }
        for (ChartMarker m : chart.markers()) {
            if (!m.label().isBlank() && Math.abs(f.pixelX(m.x()) - mouseX) <= MARKER_REACH) {
                text.append("\n▏").append(m.label());
            }
        }
        return new HoverBox(text.toString(), f.pixelX(bestX), dots, dotColors);
    }

    /** Paints the cross-hair, the dots and the box on the overlay. */
    void paint(GraphicsContext g, PlotArea f, double mouseX, double mouseY, double w, double h, TextMeasure measure) {
        g.save();
        g.beginPath();
        g.rect(f.x(), f.y(), f.width(), f.height());
        g.clip();
        g.setStroke(LINE);
        g.setLineWidth(1);
        g.setLineDashes(3, 3);
        double cx = Math.floor(pixelX) + 0.5;
        g.strokeLine(cx, f.y(), cx, f.y() + f.height());
        double cy = Math.floor(mouseY) + 0.5;
        g.strokeLine(f.x(), cy, f.x() + f.width(), cy);
        g.setLineDashes();
        for (int i = 0; i < dots.size(); i++) {
            double[] p = dots.get(i);
            g.setFill(Color.WHITE);
            g.fillOval(p[0] - 4, p[1] - 4, 8, 8);
            g.setStroke(dotColors.get(i));
            g.setLineWidth(2);
            g.strokeOval(p[0] - 3.5, p[1] - 3.5, 7, 7);
        }
        g.restore();

        Font font = measure.tick();
        String[] lines = text.split("\n");
        double lineH = measure.height(font);
        double boxW = 0;
        for (String line : lines) {
            boxW = Math.max(boxW, measure.width(line, font));
        }
        boxW += 2 * 6;
        double boxH = lines.length * lineH + 2 * 5;
        double bx = mouseX + 14 + boxW > w - 2 ? mouseX - 14 - boxW : mouseX + 14;
        double by = mouseY + 14 + boxH > h - 2 ? mouseY - 14 - boxH : mouseY + 14;
        bx = Math.max(2, bx);
        by = Math.max(2, by);
        g.setFill(BOX);
        g.fillRoundRect(bx, by, boxW, boxH, 6, 6);
        g.setStroke(BORDER);
        g.setLineWidth(1);
        g.strokeRoundRect(Math.floor(bx) + 0.5, Math.floor(by) + 0.5, boxW, boxH, 6, 6);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(ChartPainter.TEXT);
        for (int i = 0; i < lines.length; i++) {
            g.fillText(lines[i], bx + 6, by + 5 + i * lineH);
        }
    }
}
