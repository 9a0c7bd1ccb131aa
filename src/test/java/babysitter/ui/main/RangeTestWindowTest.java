package babysitter.ui.main;

import static babysitter.ui.main.WindowTestKit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import babysitter.ui.chart.LineChartCanvas;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The learning-rate range test in the real (headless) window: before any run, while one runs and
 * after it ends, with the range typed in, and the wheel over its chart inside the right panel.
 */
@ExtendWith(ApplicationExtension.class)
class RangeTestWindowTest {

    @TempDir
    static Path runs;

    private MainViewModel vm;
    private SetupViewModel setup;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = WindowTestKit.app(runs).createViewModel(Executors.newSingleThreadExecutor());
        setup = WindowTestKit.spiralSetup(null);
        MainWindow window = WindowTestKit.show(stage, new MainWindow(vm, setup));
    }

    @AfterEach
    void tearDown() throws Exception {
        WindowTestKit.closeSession(vm);
        // the stage is shared with the next test classes: back to the size of its scene
        WaitForAsyncUtils.asyncFx(() -> stage.sizeToScene()).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws TimeoutException {
        WindowTestKit.waitUntil(what, 60, condition);
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private long runFolders() throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(Files::isDirectory).count();
        }
    }

    /** Types the range into the panel's fields, presses Run and waits for the suggestion. */
    private String rangeTest(FxRobot robot, String min, String max, String steps) throws Exception {
        fx(() -> robot.lookup("#rangeTestPane").queryAs(TitledPane.class).setExpanded(true));
        fx(() -> {
            robot.lookup("#rangeMinAlpha").queryAs(TextField.class).setText(min);
            robot.lookup("#rangeMaxAlpha").queryAs(TextField.class).setText(max);
            robot.lookup("#rangeSteps").queryAs(TextField.class).setText(steps);
        });
        Label suggestion = robot.lookup("#rangeSuggestion").queryAs(Label.class);
        Button run = robot.lookup("#rangeTestButton").queryAs(Button.class);
        assertThat(onFx(run::isDisabled)).as("Run range test is enabled").isFalse();
        fx(run::fire);
        waitUntil("the range test's result", () -> suggestion.getText().startsWith("suggested α")
                || suggestion.getText().startsWith("no clear descent"));
        return onFx(suggestion::getText);
    }

    private double[] chartAlphas(FxRobot robot) throws Exception {
        LineChartCanvas chart = robot.lookup("#rangeChart").queryAs(LineChartCanvas.class);
        return onFx(() -> {
            var data = chart.series().get(0).data();
            return new double[] {data.size(), data.size() == 0 ? Double.NaN : data.x(0),
                    data.size() == 0 ? Double.NaN : data.x(data.size() - 1)};
        });
    }

    @Test
    void beforeAnyRunTheRangeTestRunsOnTheSetupsNetworkAndItsSuggestionGoesToTheSetup(FxRobot robot) throws Exception {
        assertThat(onFx(() -> vm.hasSession().get())).isFalse();
        long folders = runFolders();
        String text = rangeTest(robot, "1e-4", "3", "40");
        assertThat(text).startsWith("suggested α");
        double[] chart = chartAlphas(robot);
        assertThat(chart[0]).isGreaterThan(10);
        assertThat(chart[1]).isCloseTo(-4, org.assertj.core.api.Assertions.within(1e-9)); // log10 of the typed minimum
        assertThat(chart[2]).isLessThanOrEqualTo(Math.log10(3) + 1e-9);
        // no run: nothing on disk, no session
        assertThat(runFolders()).isEqualTo(folders);
        assertThat(onFx(() -> vm.hasSession().get())).isFalse();

        Button use = robot.lookup("#rangeUseInSetup").queryAs(Button.class);
        assertThat(onFx(use::isDisabled)).isFalse();
        fx(use::fire);
        double suggested = Double.parseDouble(text.replaceAll("^suggested α = (\\S+).*$", "$1"));
        assertThat(Double.parseDouble(onFx(() -> setup.learningRateProperty().get()))).isCloseTo(suggested,
                org.assertj.core.api.Assertions.withinPercentage(1));
        assertThat(onFx(() -> setup.error("learningRate").get())).isEmpty();
    }

    @Test
    void theRangeTestWorksWhileARunTrainsAndAfterItEndsAndLeavesTheRunAlone(FxRobot robot) throws Exception {
        fx(() -> setup.epochsProperty().set("3"));
        robot.clickOn("#newRun");
        waitUntil("running", () -> vm.progress().stateProperty().get() == Report.State.RUNNING
                || vm.progress().stateProperty().get() == Report.State.FINISHED);
        rangeTest(robot, "1e-4", "1", "30");
        waitUntil("the run's end", () -> vm.progress().stateProperty().get() == Report.State.FINISHED);
        long folders = runFolders();
        long steps = onFx(() -> vm.progress().stepProperty().get());
        int events = onFx(() -> vm.events().size());
        assertThat(onFx(() -> vm.notificationProperty().get())).doesNotContain("range test");

        String after = rangeTest(robot, "1e-5", "1", "30");
        assertThat(after).doesNotContain("needs a run");
        assertThat(chartAlphas(robot)[1]).isCloseTo(-5, org.assertj.core.api.Assertions.within(1e-9));
        WaitForAsyncUtils.waitForFxEvents(10);
        // the finished run is as it was: no steps, no events, still one run folder
        assertThat(onFx(() -> vm.progress().stepProperty().get())).isEqualTo(steps);
        assertThat(onFx(() -> vm.events().size())).isEqualTo(events);
        assertThat(onFx(() -> vm.progress().stateProperty().get())).isEqualTo(Report.State.FINISHED);
        assertThat(onFx(() -> vm.notificationProperty().get())).doesNotContain("range test");
        assertThat(runFolders()).isEqualTo(folders);
    }

    @Test
    void aRangeOutsideTheAllowedAlphasIsRefusedWithAMessage(FxRobot robot) throws Exception {
        fx(() -> robot.lookup("#rangeTestPane").queryAs(TitledPane.class).setExpanded(true));
        fx(() -> {
            robot.lookup("#rangeMinAlpha").queryAs(TextField.class).setText("0.1");
            robot.lookup("#rangeMaxAlpha").queryAs(TextField.class).setText("0.01");
        });
        Button run = robot.lookup("#rangeTestButton").queryAs(Button.class);
        assertThat(onFx(run::isDisabled)).isTrue();
        assertThat(onFx(() -> robot.lookup("#rangeError").queryAs(Label.class).getText()))
                .contains("0.01").contains("larger than the minimum");
        fx(() -> robot.lookup("#rangeSteps").queryAs(TextField.class).setText("2"));
        fx(() -> robot.lookup("#rangeMaxAlpha").queryAs(TextField.class).setText("1"));
        assertThat(onFx(() -> robot.lookup("#rangeError").queryAs(Label.class).getText())).contains("'2'").contains("5");
        assertThat(onFx(run::isDisabled)).isTrue();
    }

    @Test
    void theWheelOverTheRangeChartScrollsTheRightPanelAndOnlyCtrlWheelZooms(FxRobot robot) throws Exception {
        fx(() -> stage.setHeight(600)); // a window smaller than the right panel's contents
        rangeTest(robot, "1e-4", "1", "30");
        LineChartCanvas chart = robot.lookup("#rangeChart").queryAs(LineChartCanvas.class);
        ScrollPane panel = (ScrollPane) onFx(() -> {
            javafx.scene.Node n = chart;
            while (n != null && !(n instanceof ScrollPane)) {
                n = n.getParent();
            }
            return n;
        });
        assertThat(panel).as("the chart lies in a scrolling panel").isNotNull();
        fx(() -> chart.redrawNow());
        double[] before = onFx(chart::xAxisRange);
        double vBefore = onFx(panel::getVvalue);
        assertThat(onFx(() -> panel.getContent().getBoundsInLocal().getHeight()))
                .as("the right panel is taller than its view").isGreaterThan(onFx(() -> panel.getViewportBounds().getHeight()));

        Point2D inside = onFx(() -> chart.localToScene(chart.dataToLocal((before[0] + before[1]) / 2,
                (chart.yAxisRange()[0] + chart.yAxisRange()[1]) / 2)));
        fx(() -> Event.fireEvent(chart, wheel(inside, -40, false)));
        fx(() -> chart.redrawNow());
        assertThat(onFx(chart::xAxisRange)).as("the plain wheel leaves the chart's axes").containsExactly(before);
        assertThat(onFx(chart::isZoomed)).isFalse();
        assertThat(onFx(panel::getVvalue)).as("the plain wheel scrolls the panel").isGreaterThan(vBefore);

        // let the panel settle after the scroll (a layout pass may still clamp its position) before measuring
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> panel.layout());
        double vNow = onFx(panel::getVvalue);
        Point2D again = onFx(() -> chart.localToScene(chart.dataToLocal((before[0] + before[1]) / 2,
                (chart.yAxisRange()[0] + chart.yAxisRange()[1]) / 2)));
        fx(() -> Event.fireEvent(chart, wheel(again, 40, true)));
        fx(() -> chart.redrawNow());
        double[] zoomed = onFx(chart::xAxisRange);
        assertThat(zoomed[1] - zoomed[0]).as("Ctrl+wheel zooms").isLessThan(before[1] - before[0]);
        assertThat(onFx(panel::getVvalue)).as("Ctrl+wheel does not scroll the panel").isEqualTo(vNow);
    }

    /** A wheel notch at {@code at} in scene coordinates (the event finds the chart's own from them). */
    private static ScrollEvent wheel(Point2D at, double deltaY, boolean ctrl) {
        return new ScrollEvent(ScrollEvent.SCROLL, at.getX(), at.getY(), at.getX(), at.getY(), false, ctrl, false,
                false, false, false, 0, deltaY, 0, deltaY, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }
}
