package babysitter.ui.chart;

import babysitter.plot.Decimator;
import babysitter.plot.PlotArea;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/** Reduces each series to what its pixel columns need ({@link Decimator}) and strokes it. */
final class SeriesPainter {
    private SeriesPainter() {
    }

    /**
     * Decimates every visible series into its polyline in {@code lines}; returns the y range
     * {min, max} of the visible points, or null when nothing is visible.
     */
    static double[] decimateAll(List<ChartSeries> series, Map<ChartSeries, Decimator.Polyline> lines,
            double xMin, double xMax, double plotW, double scale, boolean log) {
        int columns = Math.max(1, (int) Math.ceil(plotW * scale));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double outsideMin = Double.POSITIVE_INFINITY;
        double outsideMax = Double.NEGATIVE_INFINITY;
        for (ChartSeries s : series) {
            Decimator.Polyline p = lines.get(s);
            if (!s.isVisible()) {
                p.clear();
                continue;
            }
            Decimator.decimate(s.data(), xMin, xMax, columns, log, p);
            for (int i = 0, n = p.size(); i < n; i++) {
                double x = p.x(i);
                double y = p.y(i);
                if (x >= 0 && x <= columns) { // the neighbours outside the range do not set the y range
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                } else {
                    outsideMin = Math.min(outsideMin, y);
                    outsideMax = Math.max(outsideMax, y);
                }
            }
        }
        if (min <= max) {
            return new double[] {min, max};
        }
        // zoomed into a gap between two points: range to the segment that crosses the plot
        return outsideMin <= outsideMax ? new double[] {outsideMin, outsideMax} : null;
    }

    static void stroke(GraphicsContext g, PlotArea f, ChartSeries s, Decimator.Polyline p, double scale) {
        int n = p.size();
        if (n == 0) {
            return;
        }
        g.setGlobalAlpha(s.opacity());
        g.setStroke(s.color());
        g.setFill(s.color());
        g.setLineWidth(s.lineWidth());
        if (s.isDashed()) {
            g.setLineDashes(s.lineWidth() * 4, s.lineWidth() * 3);
        } else {
            g.setLineDashes();
        }
        double x0 = f.x();
        if (n == 1) {
            double px = x0 + p.x(0) / scale;
            double py = f.pixelY(p.y(0));
            double r = Math.max(1.5, s.lineWidth());
            g.fillOval(px - r, py - r, 2 * r, 2 * r);
            return;
        }
        // a dense (decimated) line is a zigzag of thousands of short segments: bevel joins rasterise
        // it about twice as fast in software; a sparse line (per epoch) gets round joins
        boolean dense = n > f.width();
        g.setLineJoin(dense ? StrokeLineJoin.BEVEL : StrokeLineJoin.ROUND);
        g.setLineCap(dense ? StrokeLineCap.BUTT : StrokeLineCap.ROUND);
        g.beginPath();
        for (int i = 0; i < n; i++) {
            double px = x0 + p.x(i) / scale;
            double py = f.pixelY(p.y(i));
            if (i == 0) {
                g.moveTo(px, py);
            } else {
                g.lineTo(px, py);
            }
        }
        g.stroke();
    }
}
