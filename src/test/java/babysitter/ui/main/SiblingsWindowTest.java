package babysitter.ui.main;

import static babysitter.ui.main.WindowTestKit.onFx;
import static babysitter.ui.main.WindowTestKit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import babysitter.ui.BabysitterApp;
import babysitter.ui.chart.LineChartCanvas;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/** The real window, headless: Session ▸ Try siblings…, two siblings for one epoch, adopt one. */
@ExtendWith(ApplicationExtension.class)
class SiblingsWindowTest {

    @TempDir
    static Path runs;

    private MainViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        BabysitterApp app = WindowTestKit.app(runs);
        vm = app.createViewModel(Executors.newSingleThreadExecutor());
        SetupViewModel setup = WindowTestKit.spiralSetup("400");
        window = WindowTestKit.show(stage, new MainWindow(vm, setup));
    }

    @AfterEach
    void tearDown() throws Exception {
        WindowTestKit.closeSession(vm);
    }

    private static long siblingSeries(LineChartCanvas chart) {
        return chart.series().stream().filter(s -> s.name().startsWith("sib ")).count();
    }

    @Test
    void aPersonTriesTwoSiblingsForAnEpochAndAdoptsOne(FxRobot robot) throws Exception {
        robot.clickOn("#newRun");
        waitUntil("an epoch", () -> vm.progress().epochProperty().get() >= 1);
        robot.clickOn("#pauseButton");
        waitUntil("paused", () -> vm.progress().stateProperty().get() == Report.State.PAUSED);
        long epochAtStart = onFx(() -> vm.progress().epochProperty().get());

        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem item = bar.getMenus().stream().filter(m -> m.getText().equals("Session"))
                .flatMap(m -> m.getItems().stream()).filter(m -> "Try siblings…".equals(m.getText()))
                .findFirst().orElseThrow();
        assertThat(item.getAccelerator()).isEqualTo(javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+S"));
        assertThat(item.isDisable()).isFalse();
        Platform.runLater(item::fire); // the dialog waits for an answer: do not block the test on it
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("the dialog", () -> robot.lookup("#siblingsDialog").tryQuery().isPresent());

        // the run uses Adam: the β window is β1's
        assertThat(onFx(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> "β1 window (± decades of 1−β1)".equals(l.getText())))).isTrue();
        assertThat(onFx(() -> robot.lookup("#siblingRanges").queryAs(Label.class).getText())).contains("β1 from");

        // a wrong value: the message names it and the rule, OK is off
        TextField count = robot.lookup("#siblingCount").queryAs(TextField.class);
        Button ok = robot.lookup("#siblingsOk").queryAs(Button.class);
        robot.doubleClickOn(count).eraseText(count.getText().length() + 2).write("abc");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#siblingCountError").queryAs(Label.class);
        assertThat(onFx(error::getText)).contains("'abc'").contains("from 2 to 16");
        assertThat(onFx(ok::isDisabled)).isTrue();
        robot.doubleClickOn(count).eraseText(5).write("2");
        TextField epochs = robot.lookup("#siblingEpochs").queryAs(TextField.class);
        robot.doubleClickOn(epochs).eraseText(epochs.getText().length() + 2).write("1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(error::isVisible)).isFalse();
        assertThat(onFx(ok::isDisabled)).isFalse();
        robot.clickOn(ok);

        // the panel lists them; when done the best one is marked; the charts carry their curves
        waitUntil("the siblings panel", () -> robot.lookup("#siblingsPanel").query().isVisible());
        waitUntil("both siblings done", () -> vm.siblings().winnerProperty().get() >= 0);
        assertThat(onFx(() -> vm.siblings().rows())).hasSize(2);
        assertThat(onFx(() -> vm.siblings().progressTextProperty().get())).startsWith("2/2 sibling epochs");
        waitUntil("overlays", () -> siblingSeries(window.monitor().epochAccuracyChart()) == 2
                && siblingSeries(window.monitor().epochCostChart()) == 2);
        assertThat(onFx(() -> window.monitor().epochAccuracyChart().series().stream()
                .filter(s -> s.name().startsWith("sib 1")).findFirst().orElseThrow().data().size()))
                .as("from the checkpoint's epoch to one epoch later").isEqualTo(2);
        assertThat(onFx(item::isDisable)).as("one try at a time").isTrue();
        assertThat(onFx(() -> window.monitor().epochAccuracyChart().series().stream()
                .filter(s -> s.name().startsWith("sib ")).allMatch(s -> s.name().contains(" β1=")))).isTrue();

        int winner = onFx(() -> vm.siblings().winnerProperty().get());
        robot.clickOn("#adoptSibling-" + winner);
        waitUntil("the new branch", () -> vm.progress().branchProperty().get() == 1);
        waitUntil("the panel gone", () -> !robot.lookup("#siblingsPanel").query().isVisible());
        waitUntil("the adopted epoch trained again, then paused", () -> vm.progress().epochProperty().get() == epochAtStart + 1
                && vm.progress().stateProperty().get() == Report.State.PAUSED);
        assertThat(onFx(() -> siblingSeries(window.monitor().epochAccuracyChart()))).isZero();
        double alpha = onFx(() -> vm.controls().current().learningRate());
        assertThat(alpha).isEqualTo(onFx(() -> vm.events().stream().filter(e -> e.kind().equals("siblings-adopted"))
                .findFirst().map(e -> ((babysitter.store.Event.SiblingsAdopted) e.event()).alpha()).orElseThrow()));
        double beta1 = onFx(() -> vm.controls().current().beta1());
        assertThat(beta1).isEqualTo(onFx(() -> vm.events().stream().filter(e -> e.kind().equals("siblings-adopted"))
                .findFirst().map(e -> ((babysitter.store.Event.SiblingsAdopted) e.event()).beta()).orElseThrow()));
        assertThat(onFx(() -> vm.events().stream().noneMatch(e -> e.kind().equals("error")))).isTrue();
        waitUntil("the new branch drawn", () -> vm.monitor().lines().stream()
                .anyMatch(l -> l.branch() == 1 && l.data().size() > 0));
    }
}
