package babysitter.ui.main;

import babysitter.ui.BabysitterApp;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the tests of the real main window share: the application on a runs folder of the test's own,
 * a small spiral setup, showing the window, reading its state on the JavaFX thread, waiting for a
 * state, and closing the session afterwards.
 */
final class WindowTestKit {
    private WindowTestKit() {
    }

    /** The application, recording its runs under {@code runs}. */
    static BabysitterApp app(Path runs) {
        System.setProperty("babysitter.runs", runs.toString());
        return new BabysitterApp();
    }

    /** The default setup with 300 spiral points and {@code epochs} epochs (null keeps the default). */
    static SetupViewModel spiralSetup(String epochs) {
        SetupViewModel setup = SetupViewModel.defaults();
        if (epochs != null) {
            setup.epochsProperty().set(epochs);
        }
        setup.nProperty().set("300");
        return setup;
    }

    /** Puts {@code window} in {@code stage} and shows it. */
    static MainWindow show(Stage stage, MainWindow window) {
        stage.setScene(window.scene());
        stage.show();
        return window;
    }

    /** Stops the window's session (if any) and waits for its thread. */
    static void closeSession(MainViewModel vm) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.closeSession()).get(20, TimeUnit.SECONDS);
    }

    /** Waits up to 30 s until {@code condition} holds on the JavaFX thread; else fails saying {@code what}. */
    static void waitUntil(String what, BooleanSupplier condition) throws TimeoutException {
        waitUntil(what, 30, condition);
    }

    static void waitUntil(String what, int seconds, BooleanSupplier condition) throws TimeoutException {
        waitUntil(what, seconds, condition, () -> "");
    }

    /** As above; a timeout's message also says {@code state} (read on the JavaFX thread), to tell why. */
    static void waitUntil(String what, int seconds, BooleanSupplier condition, Callable<String> state)
            throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            String seen;
            try {
                seen = onFx(state);
            } catch (Exception unreadable) {
                seen = "(state unreadable: " + unreadable + ")";
            }
            throw new TimeoutException("timed out waiting for: " + what + (seen.isEmpty() ? "" : "; " + seen));
        }
    }

    /** Reads the window's state on the JavaFX thread, which owns it. */
    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
