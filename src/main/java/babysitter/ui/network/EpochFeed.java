package babysitter.ui.network;

import babysitter.session.Report;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the Network window gets its epoch reports (the main window's view-model), so that this
 * package does not depend on the main window's.
 */
public interface EpochFeed {

    /** The last few epoch reports of the current branch, oldest first. */
    List<Report.EpochReport> recentEpochReports();

    /** Calls {@code listener} on the JavaFX thread with every new epoch report; the action returned stops that. */
    Runnable addEpochListener(Consumer<Report.EpochReport> listener);
}
