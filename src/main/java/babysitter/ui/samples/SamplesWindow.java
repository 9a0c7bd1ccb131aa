package babysitter.ui.samples;

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
    public static Stage show(Window owner, SamplesFeed main) {
        SamplesViewModel vm = new SamplesViewModel();
        if (main.recentSamplesReport() != null) {
            vm.accept(main.recentSamplesReport());
        }
        Runnable detach = main.addSamplesListener(vm::accept);
        Runnable detachReset = main.addResetListener(vm::reset);
        Stage stage = babysitter.ui.fx.ToolWindow.create(owner, "Samples: dev samples and their class probabilities", new SamplesView(vm), 1000, 640);
        stage.setOnHidden(e -> {
            detach.run();
            detachReset.run();
        });
        stage.show();
        return stage;
    }
}
