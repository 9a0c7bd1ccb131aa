package babysitter.ui.search;

import babysitter.search.TrialState;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One line of the trials table, toolkit free.
 *
 * @param values   the hyperparameters formatted on their scales, in the table's column order ("" when absent)
 * @param devCurve dev accuracy per finished epoch
 */
public record TrialRow(int id, int round, TrialState state, List<String> values, double bestDevAccuracy,
                       int bestEpoch, double[] devCurve, String note, Path runDir, String bestCheckpoint) {
    public TrialRow {
        values = List.copyOf(values);
        devCurve = devCurve.clone();
        note = note == null ? "" : note;
    }

    @Override
    public double[] devCurve() {
        return devCurve.clone();
    }

    /** "done", "running (epoch 3)", "stopped early" … */
    public String stateText() {
        return switch (state) {
            case PENDING -> "pending";
            case RUNNING -> devCurve.length == 0 ? "running" : "running (epoch " + devCurve.length + ")";
            case DONE -> "done";
            case STOPPED -> "stopped early";
            case FAILED -> "failed";
        };
    }

    /** The best dev accuracy with its epoch, or "" before the first epoch ends. */
    public String bestText() {
        return Double.isFinite(bestDevAccuracy)
                ? String.format(Locale.ROOT, "%.3f (e%d)", bestDevAccuracy, bestEpoch) : "";
    }

    /** A finished trial with a checkpoint can be continued by hand. */
    public boolean canBabysit() {
        return state.finished() && runDir != null && bestCheckpoint != null;
    }
}
