package babysitter.ui.search;

import babysitter.search.EpochPoint;
import babysitter.search.Method;
import babysitter.search.Param;
import babysitter.search.Round;
import babysitter.search.SearchSpace;
import babysitter.search.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Search window draws of the trials and how a person picks some of them: the overlaid dev
 * curves, one scatter per hyperparameter, the parallel coordinates, and the brushes on them (one
 * {@link Selection} shared by every chart). Toolkit light (properties and lists only).
 */
public final class TrialCharts {
    private final SearchTrials trials;
    private final Selection selection = new Selection();
    private final ObservableList<ScatterData> scatters = FXCollections.observableArrayList();
    private ParallelData parallelData = new ParallelData(List.of(), List.of());
    private final ReadOnlyBooleanWrapper brushed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper brushText = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper();

    TrialCharts(SearchTrials trials) {
        this.trials = Objects.requireNonNull(trials);
    }

    /** Rebuilds the scatters and the parallel coordinates from the trials and the brushes. */
    void refresh() {
        List<ScatterData> s = new ArrayList<>();
        for (String name : trials.paramNames()) {
            s.add(scatter(name));
        }
        scatters.setAll(s);
        parallelData = ParallelCoordinates.of(trials.paramNames(), trials::axis, trials.all(), selection,
                trials.bestTrialProperty().get(), trials.selectedTrialProperty().get());
        brushed.set(!selection.isEmpty());
        brushText.set(selection.text(trials::axis));
        version.set(version.get() + 1);
    }

    /** The scatter of dev accuracy against {@code name}. */
    public ScatterData scatter(String name) {
        Param axis = trials.axis(name);
        if (axis == null) {
            throw new IllegalArgumentException("no round searches a parameter named '" + name + "'");
        }
        double[] brush = selection.range(name);
        int best = trials.bestTrialProperty().get();
        int selected = trials.selectedTrialProperty().get();
        List<ScatterData.Point> points = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Trial t : trials.all()) {
            Object v = t.values().get(name);
            if (v == null || !Double.isFinite(t.bestDevAccuracy())) {
                continue;
            }
            double x = axis.toUnit(v);
            boolean in = selection.selects(t, trials::axis);
            Round r = trials.round(t.round());
            points.add(new ScatterData.Point(t.id(), x, t.bestDevAccuracy(), t.id() == best,
                    t.id() == selected, in, r != null && r.method() == Method.GRID));
            lo = Math.min(lo, t.bestDevAccuracy());
            hi = Math.max(hi, t.bestDevAccuracy());
        }
        double yMin;
        double yMax;
        if (points.isEmpty()) {
            yMin = 0;
            yMax = 1;
        } else {
            double pad = Math.max(0.02, (hi - lo) * 0.08);
            yMin = Math.max(0, lo - pad);
            yMax = hi + pad; // above 1 when a trial reaches it, so its point is not cut by the frame
            if (!(yMax > yMin)) {
                yMin = Math.max(0, yMax - 0.1);
                yMax = yMin + 0.1;
            }
        }
        return new ScatterData(name, ParamAxis.label(axis), ParamAxis.ticks(axis), points, yMin, yMax, brush);
    }

    /** Every trial's dev curve, for the overlay; the best and the selected come last (drawn on top). */
    public List<Curve> curves() {
        int best = trials.bestTrialProperty().get();
        int selected = trials.selectedTrialProperty().get();
        List<Curve> plain = new ArrayList<>();
        List<Curve> top = new ArrayList<>();
        for (Trial t : trials.all()) {
            double[] x = t.curve().stream().mapToDouble(EpochPoint::epoch).toArray();
            double[] y = t.curve().stream().mapToDouble(EpochPoint::devAccuracy).toArray();
            Curve c = new Curve(t.id(), x, y, t.id() == best, t.id() == selected);
            (c.best() || c.selected() ? top : plain).add(c);
        }
        top.sort(Comparator.comparing(Curve::best)); // best drawn last of all
        plain.addAll(top);
        return plain;
    }

    /** One trial's dev accuracy per epoch (x: epochs finished, from 1). */
    public record Curve(int trialId, double[] epochs, double[] devAccuracy, boolean best, boolean selected) {
    }

    // ------------------------------------------------------------------ brushing

    /** Brushes the unit range [lo, hi] (any order, clamped to [0, 1]) of {@code name}'s axis; brushes on several axes combine. */
    public void brush(String name, double lo, double hi) {
        if (trials.axis(name) == null) {
            throw new IllegalArgumentException("no round searches a parameter named '" + name + "'");
        }
        selection.brush(name, lo, hi);
        refresh();
    }

    /** Brushes a parallel-coordinates axis: a parameter's (unit range) or the objective's (positions 0..1 of its axis). */
    public void brushAxis(String axisName, double lo, double hi) {
        if (ParallelData.OBJECTIVE.equals(axisName)) {
            double[] range = ParallelCoordinates.objectiveRange(trials.all());
            selection.brushObjective(range[0] + lo * (range[1] - range[0]), range[0] + hi * (range[1] - range[0]));
            refresh();
        } else {
            brush(axisName, lo, hi);
        }
    }

    /** Forgets the brush of one axis (a parameter's or {@link ParallelData#OBJECTIVE}). */
    public void clearBrush(String name) {
        if (ParallelData.OBJECTIVE.equals(name) ? selection.clearObjective() : selection.clear(name)) {
            refresh();
        }
    }

    public void clearBrushes() {
        selection.clearAll();
        refresh();
    }

    /** True when no axis is brushed. */
    boolean unbrushed() {
        return selection.isEmpty();
    }

    /** The brushed unit range of {@code name}'s axis, or null. */
    public double[] brushOf(String name) {
        return selection.range(name);
    }

    /** The trials inside every brushed range, by id. */
    public List<Integer> selectedTrials() {
        return trials.all().stream().filter(t -> selection.selects(t, trials::axis)).map(Trial::id).toList();
    }

    /**
     * The space of the next round from the brushes: the last round's space with every brushed
     * parameter narrowed to its brushed range (on the axis over every round); with the best dev
     * accuracy brushed, first narrowed to the box of the selected trials.
     */
    public SearchSpace brushedSpace() {
        if (!trials.hasRounds()) {
            throw new IllegalStateException("there is no round to narrow yet");
        }
        List<Trial> chosen = trials.all().stream().filter(t -> selection.selects(t, trials::axis)).toList();
        return selection.space(trials.lastRound().space(), trials::axis, chosen);
    }

    public ObservableList<ScatterData> scatters() {
        return scatters;
    }

    /** The parallel coordinates as of the last change ({@link #versionProperty()}). */
    public ParallelData parallel() {
        return parallelData;
    }

    /** True while some axis is brushed. */
    public ReadOnlyBooleanProperty brushedProperty() {
        return brushed.getReadOnlyProperty();
    }

    /** What the brushes select, in values. */
    public ReadOnlyStringProperty brushTextProperty() {
        return brushText.getReadOnlyProperty();
    }

    /** Increases with every change the charts should show. */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }
}
