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
 * Regenerates the README's screenshots from a scripted short session: a run on the spiral, a
 * change of α, a rewind to an earlier epoch and a learning-rate range test, then pictures of the
 * window and of the cost chart. Run it with a display (e.g. under Xvfb): see
 * {@code docs/images/make-screenshots.sh}.
 */
public final class ScreenshotTool {
    private ScreenshotTool() {
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
            window[0] = new MainWindow(vm[0], setup);
            Stage stage = new Stage();
            stage.setTitle("Babysitter");
            stage.setScene(window[0].scene());
            stage.show();
            setup.toConfig().ifPresent(vm[0]::newRun);
        });
        MainViewModel m = vm[0];
        watched = m;
        waitUntil(() -> m.progress().epochProperty().get() >= 6);
        fx(() -> m.submit(new Command.SetHyperparameters(m.controls().current().withLearningRate(0.002))));
        waitUntil(() -> m.progress().epochProperty().get() >= 12);
        fx(() -> m.rewind("epoch-0006"));
        waitUntil(() -> m.progress().branchProperty().get() >= 1);
        fx(() -> m.submit(new Command.SetHyperparameters(m.controls().current().withLearningRate(0.03))));
        waitUntil(() -> m.progress().epochProperty().get() >= 14);
        fx(() -> window[0].rangeTest().viewModel().run());
        waitUntil(() -> window[0].rangeTest().viewModel().resultProperty().get() != null);
        waitUntil(() -> m.progress().epochProperty().get() >= 20);
        Stage[] network = new Stage[1];
        fx(() -> network[0] = babysitter.ui.network.NetworkWindow.show(window[0].getScene().getWindow(), m.feed()));
        waitUntil(() -> m.progress().epochProperty().get() >= 24);
        fx(() -> m.submit(new Command.Pause()));
        waitUntil(() -> m.progress().stateProperty().get() == Report.State.PAUSED);
        Thread.sleep(500); // let the last frame draw (a picture, not a test)
        fx(() -> {
            try {
                Snapshots.writePng(window[0].getScene().getRoot(), 1, out.resolve("main-window.png"));
                window[0].monitor().stepChart().exportPng(out.resolve("cost-per-step.png"), 2);
                Snapshots.writePng(network[0].getScene().getRoot(), 1, out.resolve("network-view.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        fx(() -> m.closeSession());
        System.out.println("wrote " + out.resolve("main-window.png") + ", " + out.resolve("cost-per-step.png") + " and "
                + out.resolve("network-view.png"));
        Platform.exit();
        System.exit(0);
    }

    private static void fx(Runnable r) throws Exception {
        babysitter.ui.FxScript.fx(r);
    }

    private static MainViewModel watched;

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            CompletableFuture<Boolean> f = new CompletableFuture<>();
            Platform.runLater(() -> f.complete(condition.getAsBoolean()));
            if (f.get(30, TimeUnit.SECONDS)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                CompletableFuture<String> status = new CompletableFuture<>();
                Platform.runLater(() -> status.complete(watched == null ? "" : watched.progress().statusProperty().get()
                        + " | " + watched.notificationProperty().get()));
                throw new IllegalStateException("the scripted session did not get there in time: "
                        + status.get(10, TimeUnit.SECONDS));
            }
            Thread.sleep(100);
        }
    }
}
