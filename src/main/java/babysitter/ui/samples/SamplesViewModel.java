package babysitter.ui.samples;

import babysitter.session.reports.Report;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The sample browser's state (toolkit-free): the latest samples report of the current branch, the
 * selected sample (index -1 when there is none) and that sample's predicted class and probability
 * bars. A new report keeps the selected index when it still exists.
 */
public final class SamplesViewModel {

    /** One probability bar: a class, its probability, and whether it is the sample's true class. */
    public record Bar(String className, double probability, boolean trueClass) {
    }

    private final ReadOnlyObjectWrapper<Report.SamplesReport> report = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
    /** The selected sample's bars, recomputed on a new report or another index. */
    private final ReadOnlyObjectWrapper<List<Bar>> bars = new ReadOnlyObjectWrapper<>(List.of());
    private boolean adjusting;

    public SamplesViewModel() {
        selectedIndex.addListener((obs, was, now) -> {
            if (adjusting) {
                return;
            }
            int clamped = clamp(now.intValue());
            if (clamped != now.intValue()) {
                adjusting = true;
                selectedIndex.set(clamped);
                adjusting = false;
            }
            update();
        });
    }

    /** Takes the samples reports of a batch; other reports are ignored. */
    public void accept(List<Report> batch) {
        for (Report r : batch) {
            if (r instanceof Report.SamplesReport s) {
                accept(s);
            }
        }
    }

    /** Takes one samples report: it replaces the last one (of any branch, the newest wins). */
    public void accept(Report.SamplesReport r) {
        report.set(r);
        int i = selectedIndex.get();
        int clamped = r.size() == 0 ? -1 : (i < 0 ? 0 : Math.min(i, r.size() - 1));
        adjusting = true;
        selectedIndex.set(clamped);
        adjusting = false;
        update();
    }

    /** Forgets the report and the selection. */
    public void reset() {
        report.set(null);
        adjusting = true;
        selectedIndex.set(-1);
        adjusting = false;
        update();
    }

    private int clamp(int i) {
        Report.SamplesReport r = report.get();
        if (r == null || r.size() == 0) {
            return -1;
        }
        return Math.max(0, Math.min(r.size() - 1, i));
    }

    private void update() {
        Report.SamplesReport r = report.get();
        int i = selectedIndex.get();
        if (r == null || i < 0) {
            bars.set(List.of());
            return;
        }
        List<Bar> b = new ArrayList<>();
        for (int k = 0; k < r.classes(); k++) {
            b.add(new Bar(r.classNames().get(k), r.probability(i, k), r.label(i) == k));
        }
        bars.set(List.copyOf(b));
    }

    /** The latest report, or null. */
    public ReadOnlyObjectProperty<Report.SamplesReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The selected sample's index in the report, -1 without one; set it to select (clamped). */
    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    /** The selected sample's probability bars, one per class in class order (empty without a selection). */
    public ReadOnlyObjectProperty<List<Bar>> barsProperty() {
        return bars.getReadOnlyProperty();
    }

    /** The selected sample's predicted class, -1 without a selection. */
    public int predictedClass() {
        Report.SamplesReport r = report.get();
        int i = selectedIndex.get();
        return r == null || i < 0 ? -1 : r.predicted(i);
    }

    /** The selected sample's true class, -1 without a selection. */
    public int trueClass() {
        Report.SamplesReport r = report.get();
        int i = selectedIndex.get();
        return r == null || i < 0 ? -1 : r.label(i);
    }

    /** Whether the selected sample is predicted right (false without a selection). */
    public boolean selectedCorrect() {
        return predictedClass() >= 0 && predictedClass() == trueClass();
    }

    /** Whether sample {@code i} of the current report is predicted right. */
    public boolean correct(int i) {
        Report.SamplesReport r = report.get();
        return r != null && r.predicted(i) == r.label(i);
    }
}
