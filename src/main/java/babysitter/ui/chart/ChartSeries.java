package babysitter.ui.chart;

import babysitter.plot.Decimator;
import babysitter.plot.SeriesBuffer;
import java.util.Objects;
import javafx.scene.paint.Color;

/** One line of a {@link LineChartCanvas}: its points, colour and style. Changes redraw the chart. */
public final class ChartSeries {
    private final Runnable redraw;
    private String name;
    private final Color color;
    private final double lineWidth;
    private final SeriesBuffer data;
    final Decimator.Polyline screen = new Decimator.Polyline();
    private double opacity;
    private boolean visible = true;
    private boolean dashed;
    private String legendName;

    ChartSeries(String name, Color color, double lineWidth, double opacity, SeriesBuffer data, Runnable redraw) {
        this.redraw = redraw;
        this.data = Objects.requireNonNull(data, "data");
        this.name = name == null ? "" : name;
        this.color = Objects.requireNonNull(color, "color");
        if (!(lineWidth > 0) || !Double.isFinite(lineWidth)) {
            throw new IllegalArgumentException("lineWidth must be positive, got " + lineWidth);
        }
        this.lineWidth = lineWidth;
        this.opacity = checkOpacity(opacity);
    }

    /** The points; append on the FX thread, then call {@link LineChartCanvas#requestRedraw()}. */
    public SeriesBuffer data() {
        return data;
    }

    public String name() {
        return name;
    }

    /** Renames the line (the hover box and exports show the name). */
    public void setName(String name) {
        this.name = name == null ? "" : name;
        redraw.run();
    }

    /**
     * A shorter text for the legend than the name (which the hover box keeps), e.g. "sib 2" for
     * "sib 2 α=0.032 β1=0.906" when a table next to the chart gives the values; null for the name.
     */
    public void setLegendName(String legendName) {
        this.legendName = legendName;
        redraw.run();
    }

    /** The text of the legend entry: the legend name if set, else the name. */
    public String legendName() {
        return legendName != null ? legendName : name;
    }

    public Color color() {
        return color;
    }

    public double lineWidth() {
        return lineWidth;
    }

    public double opacity() {
        return opacity;
    }

    public boolean isVisible() {
        return visible;
    }

    public boolean isDashed() {
        return dashed;
    }

    public void setOpacity(double opacity) {
        this.opacity = checkOpacity(opacity);
        redraw.run();
    }

    public void setVisible(boolean visible) {
        this.visible = visible;
        redraw.run();
    }

    public void setDashed(boolean dashed) {
        this.dashed = dashed;
        redraw.run();
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + data.size() + " points]";
    }

    private static double checkOpacity(double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in [0, 1], got " + opacity);
        }
        return opacity;
    }
}
