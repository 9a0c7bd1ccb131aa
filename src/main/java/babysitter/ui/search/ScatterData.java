package babysitter.ui.search;

import babysitter.plot.Ticks;
import java.util.List;

/**
 * What one scatter shows, toolkit free: dev accuracy (y) of each trial against one hyperparameter
 * (x, in the unit coordinates of the axis: 0 = left end, 1 = right end of the range on its scale).
 *
 * @param param    the hyperparameter's name
 * @param xLabel   the axis label (names the scale, e.g. "learningRate (log)")
 * @param xTicks   tick positions in unit coordinates with their labels in hyperparameter values
 * @param points   the trials that have a dev accuracy
 * @param yMin     bottom of the y axis
 * @param yMax     top of the y axis
 * @param brush    the brushed unit range {lo, hi}, or null
 */
public record ScatterData(String param, String xLabel, List<Ticks.Tick> xTicks, List<Point> points,
                          double yMin, double yMax, double[] brush) {

    /** One trial: x in unit coordinates, y its best dev accuracy; {@code grid} when its round is a grid (drawn square). */
    public record Point(int trialId, double x, double y, boolean best, boolean selected, boolean inBrush,
                        boolean grid) {
    }

    public ScatterData {
        xTicks = List.copyOf(xTicks);
        points = List.copyOf(points);
        brush = brush == null ? null : brush.clone();
        if (!(yMax > yMin)) {
            throw new IllegalArgumentException("need yMin < yMax, got " + yMin + ", " + yMax);
        }
    }

    @Override
    public double[] brush() {
        return brush == null ? null : brush.clone();
    }
}
