package babysitter.ui;

import babysitter.engine.EngineThreads;
import babysitter.i18n.Language;
import babysitter.i18n.Texts;
import babysitter.session.reports.Report;
import babysitter.ui.app.AppContext;
import babysitter.ui.fx.HandOver;
import babysitter.ui.main.MainViewModel;
import babysitter.ui.main.MainWindow;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The JavaFX application: one window around one live session, and the composition root that makes
 * the {@link AppContext} every window is given. Closing the window stops training cleanly.
 */
public final class BabysitterApp extends Application {
    /** Shortest time between two hand-overs of step reports: a few repaints a second leave the processor to training. */
    public static final long REPORT_INTERVAL_MILLIS = 40;

    private final AppContext app = AppContext.fromSystem();
    private MainViewModel vm;
    private HandOver<Report> pump;

    /** Opens the window, on the recorded run in {@code runDir} unless null (returns when it is closed). */
    public static void launchWindow(Path runDir) {
        if (runDir == null) {
            Application.launch(BabysitterApp.class);
        } else {
            Application.launch(BabysitterApp.class, runDir.toString());
        }
    }

    @Override
    public void init() {
        EngineThreads.useWindowDefault();
        // the language picked in View ▸ Language, before any text of the window is made
        Language.applyRemembered();
    }

    @Override
    public void start(Stage stage) {
        vm = createViewModel(app.background());
        MainWindow window = new MainWindow(app, vm, SetupViewModel.defaults());
        stage.setTitle(Texts.get("app.title"));
        stage.getIcons().add(new Image(BabysitterApp.class.getResource("/assets/icon/babysitter.png").toExternalForm()));
        stage.setScene(window.scene());
        stage.setOnCloseRequest(e -> shutdown());
        stage.show();
        getParameters().getRaw().stream().findFirst().ifPresent(run -> vm.openRun(Path.of(run)));
    }

    /** The context this application gives its windows. */
    public AppContext context() {
        return app;
    }

    /** The view-model wired to the JavaFX thread through a per-frame report pump. */
    public MainViewModel createViewModel(Executor background) {
        return new MainViewModel(Platform::runLater, background, app.runsRoot(), Clock.systemUTC(), target -> {
            if (pump != null) {
                pump.close();
                pump.drain();
            }
            // steps coalesce; state, events, epochs and insights go over at once
            pump = new HandOver<>(Platform::runLater, target, REPORT_INTERVAL_MILLIS,
                    r -> !(r instanceof Report.StepReport), app.timer(), System::nanoTime);
            return pump;
        });
    }

    /** The report hand-over of the current session (for measurements), or null. */
    public HandOver<Report> pump() {
        return pump;
    }

    private void shutdown() {
        if (vm != null) {
            vm.closeSession();
        }
        if (pump != null) {
            pump.drain();
            pump.close();
        }
        app.close();
    }

    @Override
    public void stop() {
        shutdown();
    }
}
