package babysitter.ui.regions;

import babysitter.i18n.Texts;
import babysitter.session.reports.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The latest decision regions of the run (toolkit-free): one report at a time, the newest of each
 * batch, so a view redraws at most once per frame and only when a new report arrived. Also what the
 * mouse is over: the nearest training point within {@link #HOVER_RADIUS} pixels (with its class
 * probabilities), else the grid cell (its predicted class and confidence). Positions are pixels of
 * the map, (0, 0) its top-left corner, the map {@code width × height} pixels.
 */
public final class RegionsViewModel {
    /** How near (in pixels) the mouse must be to a point to show that point. */
    public static final double HOVER_RADIUS = 6;

    /** What the mouse is over. */
    public sealed interface Hover {
        /** Where it is, in map pixels. */
        double px();

        double py();
    }

    /**
     * A training point: its index in the report, data coordinates, true class, most probable class
     * and all class probabilities (one per class name; empty when the report has none).
     */
    public record PointHover(double px, double py, int index, double x, double y, int trueClass, int predicted,
                             List<String> classNames, List<Double> probabilities) implements Hover {
        public PointHover {
            classNames = List.copyOf(classNames);
            probabilities = List.copyOf(probabilities);
        }
    }

    /** A grid cell: the data coordinates under the mouse, the cell's most probable class and its probability. */
    public record CellHover(double px, double py, double x, double y, int predicted, String className,
                            double confidence) implements Hover {
    }

    private final ReadOnlyObjectWrapper<Report.RegionsReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Hover> hover = new ReadOnlyObjectWrapper<>();
    /** The last mouse position over the map (px, py, width, height), or null: a new report updates the hover. */
    private double[] mouse;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");

    /** Takes the newest regions report of a batch, if there is one; other reports are ignored. */
    public void accept(List<Report> batch) {
        Report.RegionsReport latest = null;
        for (Report r : batch) {
            if (r instanceof Report.RegionsReport g) {
                latest = g;
            }
        }
        if (latest != null) {
            report.set(latest);
            available.set(true);
            caption.set(latest.branch() > 0 ? Texts.get("regions.captionBranch", latest.epoch() + 1, latest.branch())
                    : Texts.get("regions.caption", latest.epoch() + 1));
            if (mouse != null) {
                hover(mouse[0], mouse[1], mouse[2], mouse[3]);
            }
        }
    }

    /**
     * The training point nearest to pixel (px, py) of a {@code width × height} map, if one is within
     * {@code radiusPx} pixels (the first of equally near points).
     */
    public Optional<PointHover> pointAt(double px, double py, double radiusPx, double width, double height) {
        Report.RegionsReport r = report.get();
        if (r == null || !(width > 0) || !(height > 0)) {
            return Optional.empty();
        }
        double sx = width / (r.xMax() - r.xMin());
        double sy = height / (r.yMax() - r.yMin());
        float[] xs = r.pointsX();
        float[] ys = r.pointsY();
        int best = -1;
        double bestD2 = radiusPx * radiusPx;
        for (int i = 0; i < xs.length; i++) {
            double dx = (xs[i] - r.xMin()) * sx - px;
            double dy = (r.yMax() - ys[i]) * sy - py;
            double d2 = dx * dx + dy * dy;
            if (d2 <= bestD2 && (best < 0 || d2 < bestD2)) {
                best = i;
                bestD2 = d2;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        int c = r.classes();
        List<Double> probs = new ArrayList<>(c);
        int predicted = 0;
        for (int k = 0; k < c; k++) {
            probs.add((double) r.pointProbability(best, k));
            if (r.pointProbability(best, k) > r.pointProbability(best, predicted)) {
                predicted = k;
            }
        }
        return Optional.of(new PointHover(px, py, best, xs[best], ys[best], r.pointLabels()[best], predicted,
                r.classNames(), probs));
    }

    /** The grid cell under pixel (px, py) of a {@code width × height} map; empty outside the map. */
    public Optional<CellHover> cellAt(double px, double py, double width, double height) {
        Report.RegionsReport r = report.get();
        if (r == null || !(px >= 0 && px < width) || !(py >= 0 && py < height)) {
            return Optional.empty();
        }
        int col = Math.min(r.width() - 1, (int) (px / width * r.width()));
        int row = Math.min(r.height() - 1, (int) (py / height * r.height()));
        double x = r.xMin() + px / width * (r.xMax() - r.xMin());
        double y = r.yMax() - py / height * (r.yMax() - r.yMin());
        int cls = r.classAt(row, col);
        return Optional.of(new CellHover(px, py, x, y, cls, r.className(cls), r.confidenceAt(row, col)));
    }

    /** The mouse is at pixel (px, py) of the map: shows the nearest point within {@link #HOVER_RADIUS}, else the cell. */
    public void hover(double px, double py, double width, double height) {
        mouse = new double[] {px, py, width, height};
        Hover h = pointAt(px, py, HOVER_RADIUS, width, height).<Hover>map(p -> p)
                .or(() -> cellAt(px, py, width, height)).orElse(null);
        hover.set(h);
    }

    /** The mouse left the map. */
    public void clearHover() {
        mouse = null;
        hover.set(null);
    }

    /** What the mouse is over, or null. */
    public ReadOnlyObjectProperty<Hover> hoverProperty() {
        return hover.getReadOnlyProperty();
    }

    /** A probability as a whole percentage, e.g. "71%" ("<1%" for small non-zero ones). */
    public static String percent(double p) {
        if (p > 0 && p < 0.005) {
            return "<1%";
        }
        return String.format(Locale.ROOT, "%.0f%%", 100 * p);
    }

    /** Forgets the regions (a new run, or a recorded run without them). */
    public void reset() {
        report.set(null);
        clearHover();
        available.set(false);
        caption.set("");
    }

    /** The latest report, or null. */
    public ReadOnlyObjectProperty<Report.RegionsReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Whether there is a report to show (the data set is 2-D and an epoch has ended). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Which epoch (and branch) the regions belong to, e.g. "epoch 3". */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }
}
