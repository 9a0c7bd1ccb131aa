package babysitter.ui.classes;

import babysitter.i18n.Texts;
import babysitter.session.reports.Report;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The dev confusion matrices of every branch, in the order they came (toolkit-free): the last
 * {@link #MAX_EPOCHS} epochs, an epoch index (the slider's position) that follows the newest report
 * unless a person moved it elsewhere, and the selected report with its per-class and overall
 * accuracy. The first report of a new branch is followed again.
 */
public final class ClassesViewModel {
    /** Epochs kept. */
    public static final int MAX_EPOCHS = 500;

    private final int capacity;
    private final List<Report.ConfusionReport> reports = new ArrayList<>();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);
    private final IntegerProperty epochIndex = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<Report.ConfusionReport> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper overallAccuracy = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private int branch = -1;
    private boolean followNewest = true;
    private boolean adjusting;

    public ClassesViewModel() {
        this(MAX_EPOCHS);
    }

    /** A model keeping at most {@code capacity} epochs. */
    public ClassesViewModel(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        epochIndex.addListener((obs, was, now) -> {
            if (!adjusting) {
                int i = now.intValue();
                int clamped = reports.isEmpty() ? -1 : Math.max(0, Math.min(reports.size() - 1, i));
                if (clamped != i) {
                    adjusting = true;
                    epochIndex.set(clamped);
                    adjusting = false;
                }
                followNewest = clamped == reports.size() - 1;
            }
            select();
        });
    }

    /** Takes the confusion reports of a batch; other reports are ignored. */
    public void accept(List<Report> batch) {
        for (Report r : batch) {
            if (r instanceof Report.ConfusionReport c) {
                accept(c);
            }
        }
    }

    /** Takes one confusion report. */
    public void accept(Report.ConfusionReport r) {
        if (r.branch() != branch) {
            branch = r.branch();
            followNewest = true;
        }
        int index = epochIndex.get();
        reports.add(r);
        if (reports.size() > capacity) {
            reports.remove(0);
            index--;
        }
        count.set(reports.size());
        int next = followNewest ? reports.size() - 1 : Math.max(0, index);
        adjusting = true;
        try {
            if (epochIndex.get() == next) {
                select();
            } else {
                epochIndex.set(next);
            }
        } finally {
            adjusting = false;
        }
    }

    /** Forgets everything (a new run). */
    public void reset() {
        reports.clear();
        branch = -1;
        followNewest = true;
        count.set(0);
        adjusting = true;
        try {
            epochIndex.set(-1);
        } finally {
            adjusting = false;
        }
        select();
    }

    private void select() {
        int i = epochIndex.get();
        Report.ConfusionReport r = i >= 0 && i < reports.size() ? reports.get(i) : null;
        // caption and accuracy first: a listener of the selection sees them up to date
        overallAccuracy.set(r == null ? Double.NaN : overallAccuracy(r));
        caption.set(r == null ? "" : r.branch() > 0 ? Texts.get("classes.captionBranch", r.epoch() + 1, r.branch())
                : Texts.get("classes.caption", r.epoch() + 1));
        selected.set(r);
    }

    /** The kept reports, oldest first. */
    public List<Report.ConfusionReport> reports() {
        return List.copyOf(reports);
    }

    /** How many epochs are kept. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** The index of the selected report among the kept ones (the slider's position); -1 when none. */
    public IntegerProperty epochIndexProperty() {
        return epochIndex;
    }

    /** Whether the selection moves to each new report (the person has not moved it back). */
    public boolean followsNewest() {
        return followNewest;
    }

    /** The selected report, or null. */
    public ReadOnlyObjectProperty<Report.ConfusionReport> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected report's accuracy (diagonal / total); NaN without a report or rows. */
    public ReadOnlyDoubleProperty overallAccuracyProperty() {
        return overallAccuracy.getReadOnlyProperty();
    }

    /** "epoch N" (1-based) of the selected report, with " · branch B" after a rewind, or "". */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The selected report's per-class accuracy (an empty array without a report). */
    public double[] perClassAccuracy() {
        Report.ConfusionReport r = selected.get();
        return r == null ? new double[0] : perClassAccuracy(r);
    }

    /** Per-class accuracy (recall): the diagonal over the row sum; NaN for a class without rows. */
    public static double[] perClassAccuracy(Report.ConfusionReport r) {
        int c = r.classes();
        double[] a = new double[c];
        for (int t = 0; t < c; t++) {
            long row = r.rowSum(t);
            a[t] = row == 0 ? Double.NaN : (double) r.count(t, t) / row;
        }
        return a;
    }

    /** The share of rows on the diagonal; NaN without rows. */
    public static double overallAccuracy(Report.ConfusionReport r) {
        long total = r.total();
        return total == 0 ? Double.NaN : (double) r.correct() / total;
    }

    /** The share of row {@code t} in cell (t, p); 0 for a row without rows. */
    public static double rowShare(Report.ConfusionReport r, int t, int p) {
        long row = r.rowSum(t);
        return row == 0 ? 0 : (double) r.count(t, p) / row;
    }
}
