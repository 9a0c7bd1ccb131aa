package babysitter.ui;

import babysitter.session.Report;
import babysitter.ui.fx.HandOver;
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
    private HandOver<Report> pump;
    /** One timer thread for the report hand-over's minimum interval. */
    private final java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "report-hand-over");
        t.setDaemon(true);
        return t;
    });
    /** Shortest time between two hand-overs of step reports: a few repaints a second leave the processor to training. */
    public static final long REPORT_INTERVAL_MILLIS = 40;

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
                pump.close();
                pump.drain();
            }
            // steps coalesce; state, events, epochs and insights go over at once
            pump = new HandOver<>(Platform::runLater, target, REPORT_INTERVAL_MILLIS,
                    r -> !(r instanceof Report.StepReport), timer, System::nanoTime);
            return pump;
        });
    }

    /** The report hand-over of the current session (for measurements), or null. */
    public HandOver<Report> pump() {
        return pump;
    }

    private void shutdown() {
        babysitter.ui.search.SearchWindow.cancelAll();
        if (vm != null) {
            vm.closeSession();
        }
        if (pump != null) {
            pump.drain();
            pump.close();
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
