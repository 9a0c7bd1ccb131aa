package babysitter.ui;

import babysitter.session.live.Command;
import babysitter.session.reports.Report;
import babysitter.ui.main.MainViewModel;
import babysitter.ui.main.MainWindow;
import babysitter.ui.main.Snapshots;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The README's picture of "Try siblings": a run on the spiral with Adam, paused after a few epochs,
 * four siblings (α and β1 drawn) for six epochs overlaid on the epoch charts with the siblings panel below. Run it
 * with a display (e.g. under Xvfb): see {@code docs/images/make-screenshots.sh}.
 */
public final class SiblingsScreenshotTool {
    private SiblingsScreenshotTool() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        Path runs = Files.createTempDirectory("babysitter-screenshots");
        System.setProperty("babysitter.runs", runs.toString());
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        MainViewModel[] vm = new MainViewModel[1];
        MainWindow[] window = new MainWindow[1];
        fx(() -> {
            BabysitterApp app = new BabysitterApp();
            vm[0] = app.createViewModel(Executors.newSingleThreadExecutor());
            SetupViewModel setup = SetupViewModel.defaults();
            setup.epochsProperty().set("200");
            // Adam, said outright: the siblings vary β1 and the labels show it
            setup.optimizerProperty().set(babysitter.engine.optim.OptimizerKind.ADAM);
            window[0] = new MainWindow(vm[0], setup);
            Stage stage = new Stage();
            stage.setTitle("Babysitter");
            stage.setScene(window[0].scene());
            stage.show();
            setup.toConfig().ifPresent(vm[0]::newRun);
        });
        MainViewModel m = vm[0];
        waitUntil(() -> m.progress().epochProperty().get() >= 8);
        fx(() -> m.submit(new Command.Pause()));
        waitUntil(() -> m.progress().stateProperty().get() == Report.State.PAUSED);
        fx(() -> m.submit(new Command.TrySiblings(4, 6, 0.7, 0.5, 2026)));
        waitUntil(() -> m.siblings().winnerProperty().get() >= 0);
        Thread.sleep(500); // let the last frame draw (a picture, not a test)
        fx(() -> {
            try {
                Snapshots.writePng(window[0].getScene().getRoot(), 1, out.resolve("siblings.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (args.length > 1 && args[1].equals("time")) {
            // a second picture, for checking by eye: x in seconds, where the overlays give way to a note
            fx(() -> m.monitor().xAxisProperty().set(babysitter.ui.monitor.MonitorViewModel.XAxis.TIME));
            Thread.sleep(500);
            fx(() -> {
                try {
                    Snapshots.writePng(window[0].getScene().getRoot(), 1, out.resolve("siblings-time.png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        fx(() -> m.closeSession());
        System.out.println("wrote " + out.resolve("siblings.png"));
        Platform.exit();
        System.exit(0);
    }

    private static void fx(Runnable r) throws Exception {
        babysitter.ui.FxScript.fx(r);
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        babysitter.ui.FxScript.waitUntil(condition, 120, 100, "the scripted session");
    }
}
