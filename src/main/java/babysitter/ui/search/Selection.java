package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.search.Param;
import babysitter.search.SearchSpace;
import babysitter.search.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The trials a person picked by brushing, toolkit free: a range per hyperparameter axis (unit
 * coordinates of the axis over every round, from a scatter or a parallel-coordinates axis) and a
 * range of the best dev accuracy (from its parallel-coordinates axis). A trial is selected when it
 * lies in every range; the scatters and the parallel coordinates show the same selection, and
 * "Next round from selection" searches it.
 */
final class Selection {
    private final Map<String, double[]> ranges = new LinkedHashMap<>();
    private double[] objective;

    /** Brushes the unit range [lo, hi] (any order, clamped to [0, 1]) of a parameter's axis. */
    void brush(String name, double lo, double hi) {
        ranges.put(name, new double[] {clamp(Math.min(lo, hi)), clamp(Math.max(lo, hi))});
    }

    /** Brushes the best dev accuracy from lo to hi (any order). */
    void brushObjective(double lo, double hi) {
        objective = new double[] {Math.min(lo, hi), Math.max(lo, hi)};
    }

    boolean clear(String name) {
        return ranges.remove(name) != null;
    }

    boolean clearObjective() {
        boolean had = objective != null;
        objective = null;
        return had;
    }

    void clearAll() {
        ranges.clear();
        objective = null;
    }

    boolean isEmpty() {
        return ranges.isEmpty() && objective == null;
    }

    /** The brushed unit range of a parameter's axis, or null. */
    double[] range(String name) {
        double[] r = ranges.get(name);
        return r == null ? null : r.clone();
    }

    /** The brushed range of the best dev accuracy, or null. */
    double[] objectiveRange() {
        return objective == null ? null : objective.clone();
    }

    /** Whether the trial lies in every brushed range (false when nothing is brushed). */
    boolean selects(Trial t, Function<String, Param> axis) {
        if (isEmpty()) {
            return false;
        }
        for (Map.Entry<String, double[]> e : ranges.entrySet()) {
            Object v = t.values().get(e.getKey());
            Param a = axis.apply(e.getKey());
            if (v == null || a == null) {
                return false;
            }
            double x = a.toUnit(v);
            if (x < e.getValue()[0] - 1e-9 || x > e.getValue()[1] + 1e-9) {
                return false;
            }
        }
        if (objective != null) {
            double y = t.bestDevAccuracy();
            return Double.isFinite(y) && y >= objective[0] - 1e-12 && y <= objective[1] + 1e-12;
        }
        return true;
    }

    /** "Selection: learningRate [0.001, 0.1] · best dev accuracy 0.80–0.92", or the hint when nothing is brushed. */
    String text(Function<String, Param> axis) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, double[]> e : ranges.entrySet()) {
            Param a = axis.apply(e.getKey());
            if (a != null) {
                parts.add(e.getKey() + " " + SearchTexts.rangeText(a.narrowed(e.getValue()[0], e.getValue()[1])));
            }
        }
        if (objective != null) {
            parts.add(Texts.get("search.selection.objective", objective[0], objective[1]));
        }
        return parts.isEmpty() ? Texts.get("search.selection.hint") : Texts.get("search.selection", String.join(" · ", parts));
    }

    /**
     * The next round's space: the last round's, narrowed to the box of the selected trials when the
     * best dev accuracy is brushed, then every brushed parameter to its brushed range.
     */
    SearchSpace space(SearchSpace last, Function<String, Param> axis, List<Trial> selected) {
        SearchSpace from = last;
        if (objective != null && !selected.isEmpty()) {
            from = last.aroundTop(selected.stream().map(Trial::values).toList());
        }
        List<Param> params = new ArrayList<>();
        for (Param p : from.params()) {
            double[] b = ranges.get(p.name());
            params.add(b == null ? p : axis.apply(p.name()).narrowed(b[0], b[1]));
        }
        return new SearchSpace(from.base(), params);
    }

    private static double clamp(double u) {
        return Math.max(0, Math.min(1, u));
    }
}
