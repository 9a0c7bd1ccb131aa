package babysitter.ui.network;

import babysitter.i18n.Texts;
import babysitter.session.reports.Report;
import babysitter.ui.fx.ReplayFeed;
import babysitter.ui.fx.ToolWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the "Network" view (batch norm and activations per layer) in a window of its own. */
public final class NetworkWindow {
    private NetworkWindow() {
    }

    /**
     * A new window owned by {@code owner} (may be null), fed the recent epoch reports of {@code main}
     * (the main window's report feed) and then every new one until it closes.
     */
    public static Stage show(Window owner, ReplayFeed feed) {
        NetworkViewModel vm = new NetworkViewModel();
        Runnable detach = feed.subscribe(Report.EpochReport.class, vm::accept, () -> { });
        Stage stage = ToolWindow.create(owner, Texts.get("network.title"), new NetworkView(vm), 1100, 800);
        stage.setOnHidden(e -> detach.run());
        stage.show();
        return stage;
    }
}
