package babysitter.ui.samples;

import babysitter.i18n.Texts;
import babysitter.session.reports.Report;
import babysitter.ui.fx.ReplayFeed;
import babysitter.ui.fx.ToolWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the sample browser in a window of its own. */
public final class SamplesWindow {
    private SamplesWindow() {
    }

    /**
     * A new window owned by {@code owner} (may be null), fed the main window's newest samples
     * report and then every new one until it closes.
     */
    public static Stage show(Window owner, ReplayFeed feed) {
        SamplesViewModel vm = new SamplesViewModel();
        Runnable detach = feed.subscribe(Report.SamplesReport.class, vm::accept, vm::reset);
        return ToolWindow.showUntilClosed(owner, Texts.get("samples.title"),
                new SamplesView(vm), 1000, 640, detach);
    }
}
