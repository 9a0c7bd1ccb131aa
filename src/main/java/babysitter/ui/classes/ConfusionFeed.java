package babysitter.ui.classes;

import babysitter.session.Report;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the Classes window gets its confusion reports (the main window's view-model), so that
 * this package does not depend on the main window's.
 */
public interface ConfusionFeed {

    /** The kept confusion reports of the current branch, oldest first. */
    List<Report.ConfusionReport> recentConfusionReports();

    /** Calls {@code listener} on the JavaFX thread with every new confusion report; the action returned stops that. */
    Runnable addConfusionListener(Consumer<Report.ConfusionReport> listener);

    /** Calls {@code listener} when another run is shown; the action returned stops that. */
    Runnable addResetListener(Runnable listener);
}
