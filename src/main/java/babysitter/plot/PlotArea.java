package babysitter.plot;

import java.util.List;

/**
 * Where a chart's plot sits and which data it shows: the plot rectangle in pixels (or SVG units)
 * and the x and y ranges, the y range in axis units (log10 of the values on a log axis). Maps data
 * to pixels and back, the same way on the screen and in an SVG file.
 */
public record PlotArea(double x, double y, double width, double height, double xMin, double xMax, double yMin,
                       double yMax, boolean logY) {

    /** The pixel x of a data x. */
    public double pixelX(double dataX) {
        return x + (dataX - xMin) / (xMax - xMin) * width;
    }

    /** The data x under a pixel x. */
    public double dataX(double pixelX) {
        return xMin + (pixelX - x) / width * (xMax - xMin);
    }

    /** The pixel y of a data value (its log10 on a log axis). */
    public double pixelY(double value) {
        return pixelYOfAxis(logY ? Math.log10(value) : value);
    }

    /** The pixel y of a value in axis units. */
    public double pixelYOfAxis(double axisY) {
        return y + height - (axisY - yMin) / (yMax - yMin) * height;
    }

    /** The y range in data units: {min, max}. */
    public double[] yDataRange() {
        return logY ? new double[] {Math.pow(10, yMin), Math.pow(10, yMax)} : new double[] {yMin, yMax};
    }

    /** Whether a value can be drawn on the y axis (finite, and positive on a log axis). */
    public boolean drawable(double value) {
        return logY ? value > 0 && value < Double.POSITIVE_INFINITY : Double.isFinite(value);
    }

    /** Whether a pixel lies inside the plot. */
    public boolean contains(double px, double py) {
        return px >= x && px <= x + width && py >= y && py <= y + height;
    }

    /** The y ticks of this area (data values), at most about {@code maxTicks}. */
    public List<Ticks.Tick> yTicks(int maxTicks) {
        return logY ? Ticks.log(yMin, yMax, maxTicks) : Ticks.linear(yMin, yMax, maxTicks);
    }
}
