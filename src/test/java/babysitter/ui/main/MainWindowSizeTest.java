package babysitter.ui.main;

import static babysitter.ui.main.WindowTestKit.onFx;
import static babysitter.ui.main.WindowTestKit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import babysitter.ui.BabysitterApp;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window at a laptop's 1024×700 and a desktop's 1680×1050. */
@ExtendWith(ApplicationExtension.class)
class MainWindowSizeTest {

    @TempDir
    static Path runs;

    private MainViewModel vm;
    private Stage stage;

    @Start
    void start(Stage primary) {
        // a stage of its own: a resized primary stage would keep its size for the test classes after this one
        this.stage = new Stage();
        System.setProperty("babysitter.runs", runs.toString());
        vm = new BabysitterApp().createViewModel(Executors.newSingleThreadExecutor());
        SetupViewModel setup = SetupViewModel.defaults();
        setup.nProperty().set("300");
        setup.epochsProperty().set("400");
        stage.setScene(new MainWindow(vm, setup).scene());
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.closeSession()).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(stage::close).get(10, TimeUnit.SECONDS);
    }

    private void resize(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds inScene(Node n) throws Exception {
        return onFx(() -> n.localToScene(n.getLayoutBounds()));
    }

    private MenuItem viewItem(FxRobot robot, String id) {
        return robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(m -> id.equals(m.getId())).findFirst().orElseThrow();
    }

    @Test
    void inASmallWindowTheChartsGetTheRoomAndThePanelsFoldAway(FxRobot robot) throws Exception {
        resize(robot, 1024, 700);
        SplitPane columns = robot.lookup("#columns").queryAs(SplitPane.class);
        assertThat(onFx(() -> columns.getItems().size())).isEqualTo(3);
        robot.clickOn("#newRun");
        waitUntil("running", () -> vm.progress().stateProperty().get() == Report.State.RUNNING);
        WaitForAsyncUtils.waitForFxEvents();
        Node chart = robot.lookup("#stepChart").query();
        assertThat(onFx(() -> columns.getItems().size())).as("the setup folds away for the run").isEqualTo(2);
        assertThat(inScene(chart).getWidth()).as("chart width at 1024 px").isGreaterThan(600);

        assertThat(onFx(() -> viewItem(robot, "setupPanelItem").getText())).isEqualTo("Show the setup panel");
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT1)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> columns.getItems().size())).as("View ▸ Setup panel brings it back").isEqualTo(3);
        robot.interact(() -> viewItem(robot, "controlsPanelItem").fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> columns.getItems().size())).isEqualTo(2);
        assertThat(onFx(() -> columns.getItems().stream().anyMatch(i -> i.lookup("#alphaSlider") != null)))
                .as("the live controls are folded away").isFalse();
    }

    @Test
    void atDesktopSizeTheDecisionRegionsAreInViewWithoutScrolling(FxRobot robot) throws Exception {
        // the headless screen is 1600×1000: a stricter test than 1680×1050
        resize(robot, 1600, 1000);
        robot.clickOn("#newRun");
        waitUntil("the regions", () -> vm.regions().availableProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Node box = robot.lookup("#regionsBox").query();
        ScrollPane right = (ScrollPane) onFx(() -> {
            Node n = box;
            while (!(n instanceof ScrollPane)) {
                n = n.getParent();
            }
            return n;
        });
        assertThat(onFx(right::getVvalue)).isZero();
        assertThat(inScene(box).getMaxY()).as("bottom of the regions panel within the panel's view")
                .isLessThanOrEqualTo(inScene(right).getMaxY());
    }

    @Test
    void atLaptopSizeTheBannerAndTheHintsShowTheirWholeText(FxRobot robot) throws Exception {
        resize(robot, 1024, 700);
        String message = "Could not open the run: /home/someone/babysitter/runs/2026-12-04-fashion-mnist-adam: "
                + "metrics.jsonl line 12: the step is not a whole number, got 'abc'";
        robot.interact(() -> vm.accept(java.util.List.of(new Report.EventReport(
                new babysitter.store.Event.Failure(message), 0, 0, 0))));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label banner = robot.lookup("#notification").queryAs(javafx.scene.control.Label.class);
        assertThat(onFx(() -> babysitter.ui.fx.WholeText.shown(banner))).as("the banner wraps, it is not cut").isTrue();
        javafx.scene.control.Label hints = robot.lookup("#hints").queryAs(javafx.scene.control.Label.class);
        assertThat(onFx(() -> hints.getTooltip().getText())).isEqualTo(onFx(hints::getText));
    }
}
