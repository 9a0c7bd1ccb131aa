package babysitter.ui;

import babysitter.ui.fx.ReportPump;
import babysitter.ui.main.MainViewModel;
import babysitter.ui.main.MainWindow;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: one window around one live session. Closing it stops training cleanly. */
public final class BabysitterApp extends Application {
    private MainViewModel vm;
    private ExecutorService background;
    private ReportPump pump;

    /** Opens the window (returns when it is closed). */
    public static void launchWindow() {
        Application.launch(BabysitterApp.class);
    }

    /** Where runs are recorded: {@code -Dbabysitter.runs=DIR}, default {@code runs} in the working folder. */
    public static Path runsRoot() {
        return Path.of(System.getProperty("babysitter.runs", "runs"));
    }

    @Override
    public void start(Stage stage) {
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "run-loader");
            t.setDaemon(true);
            return t;
        });
        vm = createViewModel(background);
        MainWindow window = new MainWindow(vm, SetupViewModel.defaults());
        stage.setTitle("Babysitter");
        stage.setScene(window.scene());
        stage.setOnCloseRequest(e -> shutdown());
        stage.show();
    }

    /** The view-model wired to the JavaFX thread through a per-frame report pump. */
    public MainViewModel createViewModel(java.util.concurrent.Executor background) {
        return new MainViewModel(Platform::runLater, background, runsRoot(), Clock.systemUTC(), target -> {
            if (pump != null) {
                pump.stop();
                pump.drain();
            }
            pump = new ReportPump(target);
            pump.start();
            return pump;
        });
    }

    /** The pump of the current session (for measurements), or null. */
    public ReportPump pump() {
        return pump;
    }

    private void shutdown() {
        babysitter.ui.search.SearchWindow.cancelAll();
        if (vm != null) {
            vm.closeSession();
        }
        if (pump != null) {
            pump.drain();
            pump.stop();
        }
        if (background != null) {
            background.shutdownNow();
        }
    }

    @Override
    public void stop() {
        shutdown();
    }
}
