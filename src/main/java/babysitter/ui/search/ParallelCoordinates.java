package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.plot.Ticks;
import babysitter.search.Param;
import babysitter.search.Trial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Builds {@link ParallelData} from the trials, the axes over every round and the selection. */
final class ParallelCoordinates {
    private ParallelCoordinates() {
    }

    /** The objective axis's range {lo, hi}: the trials' best dev accuracies, padded a little ({0, 1} without any). */
    static double[] objectiveRange(Collection<Trial> trials) {
        double[] bounds = accuracyBounds(trials);
        double lo = bounds[0];
        double hi = bounds[1];
        if (!(hi >= lo)) {
            return new double[] {0, 1};
        }
        double pad = Math.max(0.01, (hi - lo) * 0.05);
        return new double[] {Math.max(0, lo - pad), hi + pad};
    }

    /** The lowest and highest best dev accuracy of the trials ({+∞, −∞} without any). */
    private static double[] accuracyBounds(Collection<Trial> trials) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Trial t : trials) {
            if (Double.isFinite(t.bestDevAccuracy())) {
                lo = Math.min(lo, t.bestDevAccuracy());
                hi = Math.max(hi, t.bestDevAccuracy());
            }
        }
        return new double[] {lo, hi};
    }

    static ParallelData of(List<String> names, Function<String, Param> axisOf, Collection<Trial> trials,
                           Selection selection, int best, int selected) {
        List<ParallelData.Axis> axes = new ArrayList<>();
        List<Param> params = new ArrayList<>();
        for (String name : names) {
            Param axis = axisOf.apply(name);
            if (axis != null) {
                params.add(axis);
                axes.add(new ParallelData.Axis(name, ParamAxis.label(axis), ParamAxis.ticks(axis), selection.range(name)));
            }
        }
        double[] range = objectiveRange(trials);
        double span = range[1] - range[0];
        List<Ticks.Tick> ticks = new ArrayList<>();
        for (Ticks.Tick t : Ticks.linear(range[0], range[1], 5)) {
            ticks.add(new Ticks.Tick((t.value() - range[0]) / span, t.label()));
        }
        double[] brushed = selection.objectiveRange();
        axes.add(new ParallelData.Axis(ParallelData.OBJECTIVE, Texts.get("search.axis.bestDevAccuracy"), ticks, brushed == null ? null
                : new double[] {(brushed[0] - range[0]) / span, (brushed[1] - range[0]) / span}));
        double[] bounds = accuracyBounds(trials);
        double lo = bounds[0];
        double hi = bounds[1];
        List<ParallelData.Line> lines = new ArrayList<>();
        for (Trial t : trials) {
            double y = t.bestDevAccuracy();
            if (!Double.isFinite(y) || !t.values().keySet().containsAll(params.stream().map(Param::name).toList())) {
                continue;
            }
            double[] pos = new double[params.size() + 1];
            for (int i = 0; i < params.size(); i++) {
                pos[i] = params.get(i).toUnit(t.values().get(params.get(i).name()));
            }
            pos[params.size()] = (y - range[0]) / span;
            double colour = hi > lo ? (y - lo) / (hi - lo) : 1;
            lines.add(new ParallelData.Line(t.id(), pos, colour, t.id() == best, t.id() == selected,
                    selection.selects(t, axisOf)));
        }
        // drawn in this order: the plain ones, the chosen ones, the selected, the best
        lines.sort(Comparator.comparingInt((ParallelData.Line l) -> l.best() ? 3 : l.selected() ? 2 : l.chosen() ? 1 : 0));
        return new ParallelData(axes, lines);
    }
}
