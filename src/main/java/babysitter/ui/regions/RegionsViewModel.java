package babysitter.ui.regions;

import babysitter.session.Report;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The latest decision regions of the run (toolkit-free): one report at a time, the newest of each
 * batch, so a view redraws at most once per frame and only when a new report arrived.
 */
public final class RegionsViewModel {
    private final ReadOnlyObjectWrapper<Report.RegionsReport> report = new ReadOnlyObjectWrapper<>();
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
            caption.set("epoch " + (latest.epoch() + 1) + (latest.branch() > 0 ? ", branch " + latest.branch() : ""));
        }
    }

    /** Forgets the regions (a new run, or a recorded run without them). */
    public void reset() {
        report.set(null);
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
