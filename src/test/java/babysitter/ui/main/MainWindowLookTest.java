package babysitter.ui.main;

import static babysitter.ui.main.WindowTestKit.onFx;
import static babysitter.ui.main.WindowTestKit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.optim.OptimizerKind;
import babysitter.report.EventLabels;
import babysitter.session.reports.Report;
import babysitter.ui.BabysitterApp;
import babysitter.ui.monitor.MonitorViewModel;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the window shows: icons, words, and a layout that stays put when a message comes. */
@ExtendWith(ApplicationExtension.class)
class MainWindowLookTest {

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
        setup.epochsProperty().set("400");
        stage.setScene(new MainWindow(vm, setup).scene());
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.closeSession()).get(20, TimeUnit.SECONDS);
    }

    private static double sceneY(Node n) throws Exception {
        return onFx(() -> n.localToScene(n.getLayoutBounds()).getMinY());
    }

    @Test
    void theToolBarIconsComeFromTheBundledIconFont(FxRobot robot) throws Exception {
        Button pause = robot.lookup("#pauseButton").queryButton();
        assertThat(onFx(pause::getText)).isEqualTo("Start");
        FontIcon icon = (FontIcon) pause.getGraphic();
        assertThat(onFx(icon::getIconLiteral)).isEqualTo("mdi2p-play");
        assertThat(onFx(() -> icon.getFont().getFamily())).as("the icon font is loaded, not a fallback")
                .containsIgnoringCase("Material Design");
        for (String id : new String[] {"#stepButton", "#epochButton", "#stopButton", "#checkpointButton", "#undoButton"}) {
            Button b = robot.lookup(id).queryButton();
            assertThat(b.getGraphic()).as(id).isInstanceOf(FontIcon.class);
            assertThat(b.getText()).as(id).matches("[A-Za-z ]+");
        }
        robot.clickOn("#newRun");
        waitUntil("running", () -> vm.progress().stateProperty().get() == Report.State.RUNNING);
        assertThat(onFx(icon::getIconLiteral)).isEqualTo("mdi2p-pause");
        assertThat(onFx(pause::getText)).isEqualTo("Pause");
    }

    @Test
    void theXChoicesReadStepEpochSeconds(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<MonitorViewModel.XAxis> x = robot.lookup("#xAxis").queryAs(ComboBox.class);
        assertThat(onFx(() -> x.getItems().stream().map(a -> x.getConverter().toString(a)).toList()))
                .containsExactly("step", "epoch", "seconds");
    }

    @Test
    void aChangeOfOptimiserIsMarkedWithTheWindowsSpelling(FxRobot robot) throws Exception {
        robot.clickOn("#newRun");
        waitUntil("running", () -> vm.progress().stateProperty().get() == Report.State.RUNNING);
        robot.interact(() -> vm.controls().optimizerProperty().set(OptimizerKind.MOMENTUM));
        waitUntil("the change", () -> vm.events().stream().anyMatch(e -> e.kind().equals("hyperparameters")));
        assertThat(onFx(() -> EventLabels.label(vm.events().stream().filter(e -> e.kind().equals("hyperparameters")).findFirst()
                .orElseThrow()))).isEqualTo("optimiser → momentum");
    }

    @Test
    void theChartsAndControlsStayPutWhenABannerOrAnErrorAppears(FxRobot robot) throws Exception {
        robot.clickOn("#newRun");
        waitUntil("running", () -> vm.progress().stateProperty().get() == Report.State.RUNNING);
        robot.clickOn("#pauseButton");
        waitUntil("paused", () -> vm.progress().stateProperty().get() == Report.State.PAUSED);
        Node chart = robot.lookup("#stepChart").query();
        Node beta = robot.lookup("#betaSlider").query();
        double chartY = sceneY(chart);
        double betaY = sceneY(beta);

        robot.interact(() -> vm.accept(List.of(new Report.EventReport(new babysitter.store.Event.Failure(
                "Something went wrong, and the message is long enough to need a second line at this width"), 0, 0, 0))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> robot.lookup("#notification").query().isVisible())).isTrue();
        assertThat(sceneY(chart)).as("the banner does not push the charts down").isEqualTo(chartY);

        TextField alpha = robot.lookup("#alphaField").queryAs(TextField.class);
        robot.doubleClickOn(alpha).eraseText(alpha.getText().length() + 2).write("abc").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> vm.controls().alphaErrorProperty().get())).isNotEmpty();
        assertThat(sceneY(beta)).as("the α message does not push the β slider down").isEqualTo(betaY);
    }
}
