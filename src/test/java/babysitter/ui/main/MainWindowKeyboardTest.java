package babysitter.ui.main;

import static babysitter.ui.main.WindowTestKit.onFx;
import static babysitter.ui.main.WindowTestKit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window driven by the keyboard: a session is never lost by accident, and keys reach the session. */
@ExtendWith(ApplicationExtension.class)
class MainWindowKeyboardTest {

    @TempDir
    static Path runs;

    private MainViewModel vm;
    private MainWindow window;
    private SetupViewModel setup;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = WindowTestKit.app(runs).createViewModel(Executors.newSingleThreadExecutor());
        setup = WindowTestKit.spiralSetup("400");
        window = WindowTestKit.show(stage, new MainWindow(vm, setup));
    }

    @AfterEach
    void tearDown() throws Exception {
        WindowTestKit.closeSession(vm);
    }

    private void startAndPause(FxRobot robot) throws Exception {
        robot.clickOn("#newRun");
        waitUntil("running", () -> vm.progress().stateProperty().get() == Report.State.RUNNING);
        robot.clickOn("#pauseButton");
        waitUntil("paused", () -> vm.progress().stateProperty().get() == Report.State.PAUSED);
    }

    private boolean editing() throws Exception {
        return onFx(() -> window.getScene().getFocusOwner() instanceof TextInputControl);
    }

    private MenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(m -> id.equals(m.getId()))
                .findFirst().orElseThrow();
    }

    @Test
    void enterInASetupFieldOnlyCommitsItAndNewRunAsksBeforeReplacingAPausedSession(FxRobot robot) throws Exception {
        startAndPause(robot);
        String first = onFx(() -> vm.runDirProperty().get());
        TextField points = robot.lookup("#n").queryAs(TextField.class);
        robot.doubleClickOn(points).eraseText(6).write("500").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> setup.nProperty().get())).isEqualTo("500");
        assertThat(editing()).as("Enter ends the edit").isFalse();
        assertThat(onFx(() -> vm.runDirProperty().get())).as("Enter started no run").isEqualTo(first);
        assertThat(onFx(() -> vm.progress().stateProperty().get())).isEqualTo(Report.State.PAUSED);

        // New run asks, names that the old run stays on disk; Cancel keeps the session
        robot.clickOn("#newRun");
        DialogPane dialog = robot.lookup("#newRunDialog").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains("stays on disk").contains(first);
        robot.clickOn((Button) dialog.lookupButton(ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> vm.runDirProperty().get())).isEqualTo(first);
        assertThat(onFx(() -> vm.progress().stateProperty().get())).isEqualTo(Report.State.PAUSED);

        robot.clickOn("#newRun");
        DialogPane again = robot.lookup("#newRunDialog").queryAs(DialogPane.class);
        robot.clickOn((Button) again.lookupButton(ButtonType.OK));
        waitUntil("the new run", () -> !vm.runDirProperty().get().equals(first)
                && vm.progress().stateProperty().get() == Report.State.RUNNING);
    }

    @Test
    void afterEnterInTheAlphaFieldTheSessionKeysActOnTheSession(FxRobot robot) throws Exception {
        startAndPause(robot);
        TextField alpha = robot.lookup("#alphaField").queryAs(TextField.class);
        robot.doubleClickOn(alpha).eraseText(alpha.getText().length() + 2).write("0.003").type(KeyCode.ENTER);
        waitUntil("the α change", () -> vm.controls().current().learningRate() == 0.003);
        assertThat(editing()).as("Enter gives the keyboard back").isFalse();

        robot.type(KeyCode.SPACE);
        waitUntil("resumed by Space", () -> vm.progress().stateProperty().get() == Report.State.RUNNING);
        robot.type(KeyCode.SPACE);
        waitUntil("paused by Space", () -> vm.progress().stateProperty().get() == Report.State.PAUSED);
        waitUntil("undo possible", () -> !vm.lastChangeProperty().get().isEmpty());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil("undone: back before the change, on a new branch", () -> vm.progress().branchProperty().get() == 1);
        assertThat(onFx(() -> vm.controls().current().learningRate())).isNotEqualTo(0.003);
        assertThat(onFx(() -> alpha.getText())).isNotEqualTo("0.003");

        // Ctrl+K takes a checkpoint, Ctrl+→ steps, Ctrl+E runs to the end of the epoch
        long checkpoints = onFx(() -> vm.events().stream().filter(e -> e.event()
                instanceof babysitter.store.Event.CheckpointTaken c && c.source().equals("user")).count());
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        waitUntil("a checkpoint by Ctrl+K", () -> vm.events().stream().filter(e -> e.event()
                instanceof babysitter.store.Event.CheckpointTaken c && c.source().equals("user")).count() > checkpoints);
        long step = onFx(() -> vm.progress().stepProperty().get());
        robot.press(KeyCode.CONTROL).type(KeyCode.RIGHT).release(KeyCode.CONTROL);
        waitUntil("one step by Ctrl+→", () -> vm.progress().stepProperty().get() == step + 1);
        long epoch = onFx(() -> vm.progress().epochProperty().get());
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        waitUntil("an epoch by Ctrl+E", () -> vm.progress().epochProperty().get() == epoch + 1);
    }

    @Test
    void escapeInAFieldPutsTheOldValueBackAndEndsTheEdit(FxRobot robot) throws Exception {
        TextField noise = robot.lookup("#noise").queryAs(TextField.class);
        String before = onFx(() -> noise.getText());
        robot.doubleClickOn(noise).eraseText(6).write("0.77");
        assertThat(onFx(() -> setup.noiseProperty().get())).isEqualTo("0.77");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> setup.noiseProperty().get())).isEqualTo(before);
        assertThat(editing()).isFalse();
    }

    @Test
    void theSessionMenuIsDisabledBeforeARunAndStopAfterItEnds(FxRobot robot) throws Exception {
        for (String id : new String[] {"pauseItem", "stepItem", "epochItem", "checkpointItem", "undoItem", "stopItem"}) {
            assertThat(menuItem(robot, id).isDisable()).as(id).isTrue();
        }
        assertThat(menuItem(robot, "pauseItem").getAccelerator()).as("Space is shown in the menu").isNotNull();
        assertThat(menuItem(robot, "pauseItem").getAccelerator().getDisplayText()).isEqualTo("Space");
        robot.clickOn("#newRun");
        waitUntil("running", () -> vm.progress().stateProperty().get() == Report.State.RUNNING);
        assertThat(onFx(() -> menuItem(robot, "stopItem").isDisable())).isFalse();
        assertThat(onFx(() -> robot.lookup("#stopButton").queryAs(Button.class).isDisable())).isFalse();
        robot.clickOn("#stopButton");
        waitUntil("stopped", () -> vm.progress().stateProperty().get() == Report.State.STOPPED);
        assertThat(onFx(() -> menuItem(robot, "stopItem").isDisable())).isTrue();
        assertThat(onFx(() -> robot.lookup("#stopButton").queryAs(Button.class).isDisable())).isTrue();
    }

    @Test
    void toolWindowsAreOwnedPlacedOverTheMainWindowAndCloseWithEscOrCtrlW(FxRobot robot) throws Exception {
        robot.interact(() -> menuItem(robot, "networkItem").fire());
        Stage network = onFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage st && st.getTitle().startsWith("Network") && st.isShowing())
                .map(w -> (Stage) w).findFirst().orElseThrow());
        assertThat(network.getOwner()).isSameAs(stage);
        assertThat(network.getX()).isBetween(stage.getX(), stage.getX() + stage.getWidth());
        assertThat(network.getY()).isBetween(stage.getY(), stage.getY() + stage.getHeight());
        robot.targetWindow(network).type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(network.isShowing()).as("Esc closes it").isFalse();

        robot.interact(() -> menuItem(robot, "classesItem").fire());
        Stage classes = onFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage st && st.getTitle().startsWith("Classes") && st.isShowing())
                .map(w -> (Stage) w).findFirst().orElseThrow());
        robot.targetWindow(classes).press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(classes.isShowing()).as("Ctrl+W closes it").isFalse();
    }

    @Test
    void anExportedWindowShowsNoBanner(FxRobot robot, @TempDir Path tmp) throws Exception {
        robot.interact(() -> vm.accept(java.util.List.of(new Report.EventReport(
                new babysitter.store.Event.Failure("Something went wrong"), 0, 0, 0))));
        javafx.scene.Node banner = robot.lookup("#notification").query();
        assertThat(onFx(() -> banner.getParent().isVisible())).isTrue();
        // where the banner is drawn on screen: the export must show there what it shows without one
        javafx.geometry.Bounds area = onFx(() -> banner.getParent().localToScene(
                banner.getParent().getBoundsInLocal()));
        Path with = tmp.resolve("with.png");
        Path without = tmp.resolve("without.png");
        // the same focus for both pictures (a focus ring is not what this compares)
        robot.interact(window::requestFocus);
        WaitForAsyncUtils.asyncFx(() -> {
            window.writeWindowPng(with);
            return null;
        }).get(10, TimeUnit.SECONDS);
        assertThat(onFx(() -> banner.getParent().isVisible())).as("the banner is back on screen").isTrue();
        robot.interact(vm::dismissNotification);
        robot.interact(window::requestFocus);
        WaitForAsyncUtils.asyncFx(() -> {
            window.writeWindowPng(without);
            return null;
        }).get(10, TimeUnit.SECONDS);
        java.awt.image.BufferedImage a = javax.imageio.ImageIO.read(with.toFile());
        java.awt.image.BufferedImage b = javax.imageio.ImageIO.read(without.toFile());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        long differing = 0;
        // only the banner's area: elsewhere a caret or a chart may repaint between the two pictures
        for (int y = (int) area.getMinY(); y < Math.min(a.getHeight(), (int) Math.ceil(area.getMaxY())); y++) {
            for (int x = (int) area.getMinX(); x < Math.min(a.getWidth(), (int) Math.ceil(area.getMaxX())); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        assertThat(area.getWidth() * area.getHeight()).as("the banner's area").isGreaterThan(1000);
        assertThat(differing).as("pixels in the banner's area that differ from the window without a banner")
                .isZero();
    }
}
