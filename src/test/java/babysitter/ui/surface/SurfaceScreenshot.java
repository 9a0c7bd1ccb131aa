package babysitter.ui.surface;

import babysitter.ui.main.Snapshots;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Opens the surface window, runs the race 300 steps and writes a PNG of it (run with a display,
 * e.g. under Xvfb). Argument: the output file (default target/surface.png).
 */
public final class SurfaceScreenshot {
    private SurfaceScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/surface.png");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Stage stage = SurfaceWindow.show(null);
                SurfaceView view = (SurfaceView) stage.getScene().getRoot();
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                SurfaceViewModel vm = view.viewModel();
                for (int i = 0; i < 300; i++) {
                    vm.step();
                }
                Snapshots.writePng(stage.getScene().getRoot(), 1, out);
                stage.close();
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        done.get(60, TimeUnit.SECONDS);
        Platform.exit();
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
