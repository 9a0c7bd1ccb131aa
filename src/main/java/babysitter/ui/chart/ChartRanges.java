package babysitter.ui.chart;

import java.util.Arrays;
import java.util.List;

/**
 * Which x and y ranges a chart shows: the user's zoom, else an automatic x range (e.g. the span of
 * the siblings), else all the data; y follows the data unless fixed (e.g. 0..1 for a share).
 */
final class ChartRanges {
    private double[] zoom;
    private double[] auto;
    private double[] fixedY;

    void zoom(double min, double max) {
        zoom = checked(new double[] {min, max});
    }

    void resetZoom() {
        zoom = null;
    }

    boolean isZoomed() {
        return zoom != null;
    }

    /** Sets the range shown when the chart is not zoomed; false if it was that range already. */
    boolean setAuto(double[] range) {
        if (Arrays.equals(auto, range)) {
            return false;
        }
        auto = range == null ? null : checked(range.clone());
        return true;
    }

    void setFixedY(double[] range) {
        fixedY = range == null ? null : checked(range.clone());
    }

    /** The fixed y range in data units, or null. */
    double[] fixedY() {
        return fixedY == null ? null : fixedY.clone();
    }

    /** The x range to draw: the zoom, else the automatic range, else all the data (widened if a single x). */
    double[] shownX(List<ChartSeries> series) {
        if (zoom != null) {
            return zoom.clone();
        }
        if (auto != null) {
            return auto.clone();
        }
        double[] full = dataX(series);
        if (full == null) {
            return new double[] {0, 1};
        }
        if (full[1] > full[0]) {
            return full;
        }
        double half = Math.max(0.5, Math.abs(full[0]) * 0.05);
        return new double[] {full[0] - half, full[0] + half};
    }

    /** The x range of all visible data, or null when there is none. */
    static double[] dataX(List<ChartSeries> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartSeries s : series) {
            if (s.isVisible() && !s.data().isEmpty()) {
                min = Math.min(min, s.data().firstX());
                max = Math.max(max, s.data().lastX());
            }
        }
        return min <= max ? new double[] {min, max} : null;
    }

    private static double[] checked(double[] range) {
        if (!Double.isFinite(range[0]) || !Double.isFinite(range[1]) || !(range[1] > range[0])) {
            throw new IllegalArgumentException("need finite min < max, got " + Arrays.toString(range));
        }
        return range;
    }
}
