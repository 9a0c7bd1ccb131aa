package babysitter.ui.search;

import babysitter.plot.Ticks;
import java.util.List;

/**
 * What the parallel coordinates show, toolkit free: one vertical axis per hyperparameter (unit
 * coordinates of its scale over every round, as the scatters' x) and, last, the best dev accuracy;
 * one line per trial that has one, coloured by it.
 *
 * @param axes  the axes, left to right; the last is {@link #OBJECTIVE}
 * @param lines the trials, best and selected last (drawn on top)
 */
public record ParallelData(List<Axis> axes, List<Line> lines) {
    /** The name of the objective's axis (no parameter's name looks like it; its label is what a person reads). */
    public static final String OBJECTIVE = "#best-dev-accuracy";

    /**
     * One axis.
     *
     * @param name  the hyperparameter's name, or {@link #OBJECTIVE}
     * @param label what is written under it (names the scale)
     * @param ticks positions in [0, 1] (0 at the bottom) with labels in values
     * @param brush the brushed range {lo, hi} in [0, 1], or null
     */
    public record Axis(String name, String label, List<Ticks.Tick> ticks, double[] brush) {
        public Axis {
            ticks = List.copyOf(ticks);
            brush = brush == null ? null : brush.clone();
        }

        @Override
        public double[] brush() {
            return brush == null ? null : brush.clone();
        }
    }

    /**
     * One trial.
     *
     * @param trialId   its id
     * @param positions one position in [0, 1] per axis
     * @param colour    where its objective sits between the worst (0) and the best (1) trial
     * @param best      the best trial
     * @param selected  the trial selected in the table
     * @param chosen    inside every brushed range (false when nothing is brushed)
     */
    public record Line(int trialId, double[] positions, double colour, boolean best, boolean selected, boolean chosen) {
        public Line {
            positions = positions.clone();
        }

        @Override
        public double[] positions() {
            return positions.clone();
        }
    }

    public ParallelData {
        axes = List.copyOf(axes);
        lines = List.copyOf(lines);
    }
}
