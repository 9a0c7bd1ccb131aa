package babysitter.ui.samples;

import babysitter.session.Report;
import java.util.function.Consumer;

/**
 * Where the Samples window gets its samples reports (the main window's view-model), so that this
 * package does not depend on the main window's.
 */
public interface SamplesFeed {

    /** The newest samples report of the current branch, or null. */
    Report.SamplesReport recentSamplesReport();

    /** Calls {@code listener} on the JavaFX thread with every new samples report; the action returned stops that. */
    Runnable addSamplesListener(Consumer<Report.SamplesReport> listener);

    /** Calls {@code listener} when another run is shown; the action returned stops that. */
    Runnable addResetListener(Runnable listener);
}
