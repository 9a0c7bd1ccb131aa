package babysitter.ui.main;

import static babysitter.ui.main.WindowTestKit.onFx;
import static babysitter.ui.main.WindowTestKit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.optim.OptimizerKind;
import babysitter.session.reports.Report;
import babysitter.ui.BabysitterApp;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The setup panel, the live controls and the loaded run show the same values: before a run, after Open run, after "Babysit this one". */
@ExtendWith(ApplicationExtension.class)
class MainWindowAgreementTest {

    @TempDir
    static Path runs;

    private MainViewModel vm;
    private SetupViewModel setup;

    @Start
    void start(Stage stage) {
        System.setProperty("babysitter.runs", runs.toString());
        vm = new BabysitterApp().createViewModel(Executors.newSingleThreadExecutor());
        setup = SetupViewModel.defaults();
        setup.nProperty().set("300");
        stage.setScene(new MainWindow(vm, setup).scene());
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.closeSession()).get(20, TimeUnit.SECONDS);
    }

    private String text(FxRobot robot, String id) throws Exception {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        return onFx(f::getText);
    }

    @Test
    void beforeAnyRunTheLiveControlsShowWhatTheSetupWouldStart(FxRobot robot) throws Exception {
        assertThat(text(robot, "#alphaField")).isEqualTo("1.00e-02");
        assertThat(text(robot, "#batchSize")).isEqualTo("32");
        robot.interact(() -> {
            setup.learningRateProperty().set("0.003");
            setup.batchSizeProperty().set("64");
        });
        assertThat(text(robot, "#alphaField")).isEqualTo("3.00e-03");
        assertThat(text(robot, "#batchSize")).isEqualTo("64");
    }

    @Test
    void anOpenedRunFillsTheSetupAndTheLiveControlsShowItsLastValues(FxRobot robot) throws Exception {
        robot.interact(() -> {
            setup.optimizerProperty().set(OptimizerKind.MOMENTUM);
            setup.learningRateProperty().set("0.05");
            setup.batchSizeProperty().set("16");
            // long enough that the pause below cannot come after the end on a busy machine (with 3
            // epochs the run once finished first, and "paused" never came)
            setup.epochsProperty().set("30");
        });
        robot.clickOn("#newRun");
        waitUntil("running, an epoch done", () -> vm.progress().stateProperty().get() == Report.State.RUNNING
                && !vm.checkpoints().isEmpty());
        robot.interact(vm.commands()::togglePause);
        waitUntil("paused", () -> vm.progress().stateProperty().get() == Report.State.PAUSED);
        robot.interact(() -> {
            vm.controls().alphaTextProperty().set("0.002");
            vm.controls().commitAlphaText();
        });
        waitUntil("the change", () -> vm.events().stream().anyMatch(e -> e.kind().equals("hyperparameters")));
        Path dir = Path.of(onFx(() -> vm.runDirProperty().get()));
        robot.interact(vm.commands()::stop);
        waitUntil("stopped", () -> vm.progress().stateProperty().get() == Report.State.STOPPED);

        // the person sets up something else, then opens the recorded run
        robot.interact(() -> {
            setup.optimizerProperty().set(OptimizerKind.ADAM);
            setup.learningRateProperty().set("0.01");
            setup.batchSizeProperty().set("32");
        });
        robot.interact(() -> vm.openRun(dir));
        waitUntil("the recorded run", () -> vm.progress().statusProperty().get().startsWith("Recorded run"));
        assertThat(onFx(() -> vm.controls().current().optimizer())).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(text(robot, "#alphaField")).as("the run's last α").isEqualTo("2.00e-03");
        assertThat(text(robot, "#batchSize")).isEqualTo("16");
        assertThat(onFx(() -> setup.optimizerProperty().get())).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(onFx(() -> setup.learningRateProperty().get())).isEqualTo("0.05");
        assertThat(onFx(() -> setup.batchSizeProperty().get())).isEqualTo("16");

        // "Babysit this one" (a search trial) goes the same way
        robot.interact(() -> {
            setup.optimizerProperty().set(OptimizerKind.ADAM);
            setup.learningRateProperty().set("0.01");
        });
        String first = onFx(() -> vm.checkpoints().get(0).id());
        robot.interact(() -> vm.openRunAndContinue(dir, first, 2));
        waitUntil("continued", () -> vm.progress().stateProperty().get() == Report.State.IDLE);
        assertThat(onFx(() -> setup.optimizerProperty().get())).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(onFx(() -> setup.learningRateProperty().get())).isEqualTo("0.05");
        assertThat(onFx(() -> vm.controls().current().optimizer())).isEqualTo(OptimizerKind.MOMENTUM);
    }
}
