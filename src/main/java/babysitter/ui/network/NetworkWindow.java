package babysitter.ui.network;

import babysitter.session.Report;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the "Network" view (batch norm and activations per layer) in a window of its own. */
public final class NetworkWindow {
    private NetworkWindow() {
    }

    /**
     * A new window owned by {@code owner} (may be null), fed the recent epoch reports of {@code main}
     * (the main window's view-model) and then every new one until it closes.
     */
    public static Stage show(Window owner, EpochFeed main) {
        NetworkViewModel vm = new NetworkViewModel();
        for (Report.EpochReport e : main.recentEpochReports()) {
            vm.accept(e);
        }
        Runnable detach = main.addEpochListener(vm::accept);
        Stage stage = babysitter.ui.fx.ToolWindow.create(owner, "Network: batch norm and activations per layer", new NetworkView(vm), 1100, 800);
        stage.setOnHidden(e -> detach.run());
        stage.show();
        return stage;
    }
}
