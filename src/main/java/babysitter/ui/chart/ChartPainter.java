package babysitter.ui.chart;

import babysitter.plot.Decimator;
import babysitter.plot.PlotArea;
import babysitter.plot.Ticks;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * Draws a whole {@link LineChartCanvas} at a given size and scale: works out the ranges and the
 * margins, then has the header, axes, series and markers painted in that order.
 */
final class ChartPainter {
    static final Color TEXT = Color.rgb(50, 50, 50);
    static final double PAD = 8;
    private static final double RIGHT = 18;

    /** What a drawing left behind: where the plot was, and the marker labels drawn. */
    record Drawing(PlotArea area, List<Bounds> markerLabels, List<Ticks.Tick> yTicks) {
    }

    private ChartPainter() {
    }

    /**
     * @param leftHint the left margin of the last drawing (decimation is redone only if the y labels change it)
     */
    static Drawing paint(LineChartCanvas chart, GraphicsContext g, double w, double h, double scale,
            Map<ChartSeries, Decimator.Polyline> lines, double leftHint, TextMeasure text) {
        boolean log = chart.isLogY();
        List<ChartSeries> series = chart.series();
        Legend legend = new Legend(chart.title(), chart.legend(), w, PAD, text);
        double top = legend.height();
        double labelH = text.height(text.label());
        double bottom = AxesPainter.TICK + 3 + text.height(text.tick()) + (chart.xLabel().isBlank() ? 0 : 4 + labelH)
                + PAD;
        double plotH = Math.max(1, h - top - bottom);
        double[] x = chart.ranges().shownX(series);

        double left = leftHint;
        double plotW = Math.max(1, w - left - RIGHT);
        double[] dataY = SeriesPainter.decimateAll(series, lines, x[0], x[1], plotW, scale, log);
        double[] fixed = chart.ranges().fixedY();
        double[] yRange = fixed != null && (!log || fixed[0] > 0)
                ? (log ? new double[] {Math.log10(fixed[0]), Math.log10(fixed[1])} : fixed) : yAxisRange(dataY, log);
        int maxYTicks = Math.max(2, (int) (plotH / 42));
        List<Ticks.Tick> yTicks = log ? Ticks.log(yRange[0], yRange[1], maxYTicks)
                : Ticks.linear(yRange[0], yRange[1], maxYTicks);
        double yTickW = 0;
        for (Ticks.Tick t : yTicks) {
            yTickW = Math.max(yTickW, text.width(t.label(), text.tick()));
        }
        double newLeft = Math.ceil(PAD + (chart.yLabel().isBlank() ? 0 : labelH + 6) + yTickW + AxesPainter.TICK + 4);
        if (Math.abs(newLeft - left) > 0.5) {
            left = newLeft;
            plotW = Math.max(1, w - left - RIGHT);
            SeriesPainter.decimateAll(series, lines, x[0], x[1], plotW, scale, log);
        }
        PlotArea f = new PlotArea(left, top, plotW, plotH, x[0], x[1], yRange[0], yRange[1], log);
        double xTickLabelW = text.width(Ticks.format(x[1], Ticks.niceStep(x[1] - x[0], 8)), text.tick()) + 28;
        List<Ticks.Tick> xTicks = Ticks.linear(x[0], x[1], Math.max(2, (int) (plotW / Math.max(60, xTickLabelW))));

        // a full clear with no saved state lets the canvas drop the previous drawing's commands
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, w * scale, h * scale);
        g.save();
        g.setTransform(scale, 0, 0, scale, 0, 0);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineDashes();
        AxesPainter.grid(g, f, xTicks, yTicks, scale);

        g.save(); // series and markers are clipped to the plot
        g.beginPath();
        g.rect(left, top, plotW, plotH);
        g.clip();
        for (ChartSeries s : series) {
            if (s.isVisible()) {
                SeriesPainter.stroke(g, f, s, lines.get(s), scale);
            }
        }
        g.setGlobalAlpha(1);
        g.setLineDashes();
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineJoin(StrokeLineJoin.MITER);
        List<Bounds> labels = MarkerPainter.paint(g, f, chart.markers(), scale, text);
        g.restore();

        AxesPainter.axes(g, f, xTicks, yTicks, scale, w, text);
        AxesPainter.labels(g, f, chart.xLabel(), chart.yLabel(), h, PAD, text);
        legend.paint(g, chart.title(), w, text);
        g.restore();
        return new Drawing(f, labels, yTicks);
    }

    /** The chart drawn afresh at {@code scale} × its size w × h, as an image (for exports). */
    static WritableImage image(LineChartCanvas chart, double w, double h, double scale, double leftHint,
            TextMeasure text) {
        Canvas target = new Canvas(Math.round(w * scale), Math.round(h * scale));
        Map<ChartSeries, Decimator.Polyline> lines = new IdentityHashMap<>();
        for (ChartSeries s : chart.series()) {
            lines.put(s, new Decimator.Polyline());
        }
        paint(chart, target.getGraphicsContext2D(), w, h, scale, lines, leftHint, text);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        return target.snapshot(params, null);
    }

    /** The y axis range in axis units (logs on a log axis): the data's with a 5 % margin. */
    private static double[] yAxisRange(double[] data, boolean log) {
        if (data == null) {
            return log ? new double[] {-1, 1} : new double[] {0, 1};
        }
        double min = log ? Math.log10(data[0]) : data[0];
        double max = log ? Math.log10(data[1]) : data[1];
        if (max > min) {
            double margin = (max - min) * 0.05;
            return new double[] {min - margin, max + margin};
        }
        double half = log ? 0.5 : min == 0 ? 1 : Math.abs(min) * 0.1;
        return new double[] {min - half, max + half};
    }
}
