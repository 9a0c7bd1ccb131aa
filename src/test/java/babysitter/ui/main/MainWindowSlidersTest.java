package babysitter.ui.main;

import static babysitter.ui.main.WindowTestKit.onFx;
import static babysitter.ui.main.WindowTestKit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import babysitter.report.EventLabels;
import babysitter.session.reports.Report;
import babysitter.ui.BabysitterApp;
import babysitter.ui.controls.ControlsViewModel;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
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

/** The live sliders in the real window: one gesture is one change, and every allowed α has a slider position. */
@ExtendWith(ApplicationExtension.class)
class MainWindowSlidersTest {

    @TempDir
    static Path runs;

    private MainViewModel vm;
    private SetupViewModel setup;

    @Start
    void start(Stage stage) {
        System.setProperty("babysitter.runs", runs.toString());
        vm = new BabysitterApp().createViewModel(Executors.newSingleThreadExecutor());
        setup = SetupViewModel.defaults();
        setup.epochsProperty().set("400");
        setup.nProperty().set("300");
        stage.setScene(new MainWindow(vm, setup).scene());
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.closeSession()).get(20, TimeUnit.SECONDS);
    }

    private List<Report.EventReport> changes() throws Exception {
        return onFx(() -> vm.events().stream().filter(e -> e.kind().equals("hyperparameters")).toList());
    }

    /** Takes a checkpoint and waits for it: every command sent before it has then been applied. */
    private void drain(FxRobot robot) throws Exception {
        long before = onFx(() -> vm.events().stream().filter(e -> e.kind().equals("checkpoint")).count());
        robot.interact(vm.commands()::checkpoint);
        waitUntil("the checkpoint", () -> vm.events().stream().filter(e -> e.kind().equals("checkpoint")).count() > before);
    }

    private void startPaused(FxRobot robot) throws Exception {
        robot.clickOn("#newRun");
        waitUntil("running", () -> vm.progress().stateProperty().get() == Report.State.RUNNING);
        robot.clickOn("#pauseButton");
        waitUntil("paused", () -> vm.progress().stateProperty().get() == Report.State.PAUSED);
    }

    @Test
    void oneDragOfTheAlphaSliderIsOneChangeAppliedOnRelease(FxRobot robot) throws Exception {
        startPaused(robot);
        Slider alpha = robot.lookup("#alphaSlider").queryAs(Slider.class);
        TextField field = robot.lookup("#alphaField").queryAs(TextField.class);
        String before = onFx(() -> field.getText());
        Node thumb = alpha.lookup(".thumb");
        robot.drag(thumb).moveBy(-40, 0).moveBy(-40, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> field.getText())).as("the field previews while dragging").isNotEqualTo(before);
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        drain(robot);
        assertThat(changes()).as("one drag, one change").hasSize(1);
        double shown = onFx(() -> Math.pow(10, alpha.getValue()));
        assertThat(onFx(() -> vm.controls().current().learningRate()))
                .isCloseTo(shown, org.assertj.core.api.Assertions.within(shown * 0.01));
        assertThat(EventLabels.label(changes().get(0))).startsWith("α 0.01→");
    }

    @Test
    void arrowKeysOnTheBetaSliderCoalesceIntoOneChange(FxRobot robot) throws Exception {
        startPaused(robot);
        Slider beta = robot.lookup("#betaSlider").queryAs(Slider.class);
        robot.interact(beta::requestFocus);
        for (int i = 0; i < 5; i++) {
            robot.type(KeyCode.RIGHT);
        }
        waitUntil("the change", () -> vm.events().stream().anyMatch(e -> e.kind().equals("hyperparameters")));
        drain(robot);
        assertThat(changes()).as("five key presses, one change").hasSize(1);
        double expected = Math.round((1 - Math.pow(10, -1.5)) * 10000) / 10000.0;
        assertThat(EventLabels.label(changes().get(0))).isEqualTo("β1 0.9→0.968");
        assertThat(onFx(() -> vm.controls().current().beta1())).isEqualTo(expected);
    }

    @Test
    void aRunStartedAtTheSmallestAllowedAlphaLeavesTheSliderFreeToMove(FxRobot robot) throws Exception {
        robot.interact(() -> setup.learningRateProperty().set("1e-6"));
        startPaused(robot);
        Slider alpha = robot.lookup("#alphaSlider").queryAs(Slider.class);
        assertThat(onFx(alpha::getValue)).isEqualTo(ControlsViewModel.LOG_ALPHA_MIN).isEqualTo(-6.0);
        assertThat(onFx(() -> vm.controls().alphaTextProperty().get())).isEqualTo("1.00e-06");
        robot.interact(alpha::requestFocus);
        robot.type(KeyCode.RIGHT);
        waitUntil("the change", () -> vm.events().stream().anyMatch(e -> e.kind().equals("hyperparameters")));
        assertThat(onFx(() -> vm.controls().current().learningRate())).isEqualTo(1.26e-6);
    }
}
