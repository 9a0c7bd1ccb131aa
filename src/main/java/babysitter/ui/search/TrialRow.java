package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.search.TrialState;
import java.nio.file.Path;
import java.util.List;

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

    /** "done", "running (epoch 3)", "stopped early" …, in the window's language. */
    public String stateText() {
        return switch (state) {
            case PENDING -> Texts.get("search.state.pending");
            case RUNNING -> devCurve.length == 0 ? Texts.get("search.state.running")
                    : Texts.get("search.state.runningEpoch", devCurve.length);
            case DONE -> Texts.get("search.state.done");
            case STOPPED -> Texts.get("search.state.stopped");
            case FAILED -> Texts.get("search.state.failed");
        };
    }

    /** The best dev accuracy with its epoch, or "" before the first epoch ends. */
    public String bestText() {
        return Double.isFinite(bestDevAccuracy)
                ? Texts.get("search.best", bestDevAccuracy, bestEpoch) : "";
    }

    /** A finished trial with a checkpoint can be continued by hand. */
    public boolean canBabysit() {
        return state.finished() && runDir != null && bestCheckpoint != null;
    }
}
