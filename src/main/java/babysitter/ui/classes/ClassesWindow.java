package babysitter.ui.classes;

import babysitter.i18n.Texts;
import babysitter.session.reports.Report;
import babysitter.ui.fx.ReplayFeed;
import babysitter.ui.fx.ToolWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the "Classes" view (the dev confusion matrix per epoch, per-class accuracy) in a window of its own. */
public final class ClassesWindow {
    private ClassesWindow() {
    }

    /**
     * A new window owned by {@code owner} (may be null), fed the main window's kept confusion
     * reports and then every new one until it closes.
     */
    public static Stage show(Window owner, ReplayFeed feed) {
        ClassesViewModel vm = new ClassesViewModel();
        Runnable detach = feed.subscribe(Report.ConfusionReport.class, vm::accept, vm::reset);
        return ToolWindow.showUntilClosed(owner, Texts.get("classes.title"),
                new ClassesView(vm), 1000, 640, detach);
    }
}
