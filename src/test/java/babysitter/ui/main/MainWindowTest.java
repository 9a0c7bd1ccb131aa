package babysitter.ui.main;

import static babysitter.ui.main.WindowTestKit.onFx;
import static babysitter.ui.main.WindowTestKit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.optim.OptimizerKind;
import babysitter.report.EventLabels;
import babysitter.session.reports.Report;
import babysitter.ui.BabysitterApp;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless: a person's session from New run to rewind. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path runs;

    private MainViewModel vm;
    private MainWindow window;
    private SetupViewModel setup;

    @Start
    void start(Stage stage) {
        BabysitterApp app = WindowTestKit.app(runs);
        vm = app.createViewModel(Executors.newSingleThreadExecutor());
        setup = WindowTestKit.spiralSetup("400");
        window = WindowTestKit.show(stage, new MainWindow(vm, setup));
    }

    @AfterEach
    void tearDown() throws Exception {
        WindowTestKit.closeSession(vm);
    }

    private long hyperparameterEvents() {
        return vm.events().stream().filter(e -> e.kind().equals("hyperparameters")).count();
    }

    @Test
    void aPersonTrainsSteersPausesAndRewinds(FxRobot robot) throws Exception {
        robot.clickOn("#newRun");
        waitUntil("three epochs", () -> vm.progress().epochProperty().get() >= 3);
        assertThat(onFx(() -> vm.monitor().points())).isGreaterThan(0);
        assertThat(onFx(() -> window.monitor().stepChart().series())).isNotEmpty();
        assertThat(onFx(() -> vm.progress().stateProperty().get())).isEqualTo(Report.State.RUNNING);

        // moving the α slider while training: the next step uses the new α
        Slider alpha = robot.lookup("#alphaSlider").queryAs(Slider.class);
        WaitForAsyncUtils.asyncFx(() -> {
            alpha.requestFocus();
            alpha.setValue(-3.0);
        }).get(5, TimeUnit.SECONDS);
        waitUntil("the change event", () -> hyperparameterEvents() >= 1);
        Report.EventReport change = onFx(() -> vm.events().stream().filter(e -> e.kind().equals("hyperparameters"))
                .reduce((a, b) -> b).orElseThrow());
        assertThat(EventLabels.label(change)).contains("α").contains("→0.001");
        long changedAt = change.step();
        waitUntil("a step with the new α", () -> vm.monitor().points() > changedAt + 2);
        assertThat(onFx(() -> vm.controls().current().learningRate())).isEqualTo(1e-3);
        waitUntil("the marker", () -> window.monitor().stepChart().markerCount() >= 1);

        // the β slider sets the β the optimiser uses: with Adam β1, and the marker says so
        assertThat(onFx(() -> vm.controls().current().optimizer())).isEqualTo(OptimizerKind.ADAM);
        assertThat(onFx(() -> robot.lookup("#betaTitle").queryAs(Label.class).getText())).isEqualTo("Adam β1");
        double momentum = onFx(() -> vm.controls().current().momentum());
        Slider beta = robot.lookup("#betaSlider").queryAs(Slider.class);
        WaitForAsyncUtils.asyncFx(() -> {
            beta.requestFocus();
            beta.setValue(2.0); // β1 = 0.99
        }).get(5, TimeUnit.SECONDS);
        waitUntil("the β1 change event", () -> hyperparameterEvents() >= 2);
        Report.EventReport betaChange = onFx(() -> vm.events().stream()
                .filter(e -> e.kind().equals("hyperparameters")).reduce((a, b) -> b).orElseThrow());
        assertThat(EventLabels.label(betaChange)).isEqualTo("β1 0.9→0.99");
        assertThat(onFx(() -> vm.controls().current().beta1())).isEqualTo(0.99);
        assertThat(onFx(() -> vm.controls().current().momentum())).isEqualTo(momentum);
        assertThat(onFx(() -> robot.lookup("#betaReadout").queryAs(Label.class).getText())).startsWith("β1 0.9900");

        // pause stops the step counter; resume continues it
        robot.clickOn("#pauseButton");
        waitUntil("paused", () -> vm.progress().stateProperty().get() == Report.State.PAUSED);
        long paused = onFx(() -> vm.progress().stepProperty().get());
        WaitForAsyncUtils.waitForFxEvents(20);
        assertThat(onFx(() -> vm.progress().stepProperty().get())).isEqualTo(paused);
        robot.clickOn("#stepButton");
        waitUntil("one step", () -> vm.progress().stepProperty().get() == paused + 1);
        robot.clickOn("#pauseButton");
        waitUntil("running again", () -> vm.progress().stepProperty().get() > paused + 5);

        // rewind through the checkpoint strip: the epoch goes back and a new branch is drawn
        robot.clickOn("#pauseButton");
        waitUntil("paused again", () -> vm.progress().stateProperty().get() == Report.State.PAUSED);
        long epochBefore = onFx(() -> vm.progress().epochProperty().get());
        // the oldest epoch checkpoint still kept (the ring holds the newest 20)
        var target = onFx(() -> vm.checkpoints().stream()
                .filter(c -> c.id().startsWith("epoch-") && c.epoch() < epochBefore).findFirst().orElseThrow());
        robot.clickOn("#checkpoint-" + target.id());
        Button ok = (Button) robot.lookup("#rewindDialog").queryAs(javafx.scene.control.DialogPane.class)
                .lookupButton(javafx.scene.control.ButtonType.OK);
        robot.clickOn(ok);
        waitUntil("the new branch", () -> vm.progress().branchProperty().get() == 1);
        assertThat(onFx(() -> vm.progress().epochProperty().get())).isEqualTo(target.epoch()).isLessThan(epochBefore);
        robot.clickOn("#pauseButton");
        waitUntil("points on the new branch", () -> vm.monitor().lines().stream()
                .anyMatch(l -> l.branch() == 1 && l.data().size() > 3));
    }

    @Test
    void theDecisionRegionsPanelAppearsWithTheFirstEpochOfTwoDimensionalData(FxRobot robot) throws Exception {
        javafx.scene.Node box = robot.lookup("#regionsBox").query();
        assertThat(onFx(box::isVisible)).isFalse();
        assertThat(onFx(box::isManaged)).isFalse();
        robot.clickOn("#newRun");
        waitUntil("the first regions", () -> vm.regions().reportProperty().get() != null);
        waitUntil("the panel", box::isVisible);
        assertThat(onFx(box::isManaged)).isTrue();
        Report.RegionsReport r = onFx(() -> vm.regions().reportProperty().get());
        assertThat(r.width()).isEqualTo(80);
        assertThat(r.points()).isGreaterThan(0);
        assertThat(onFx(() -> robot.lookup("#regionsCaption").queryAs(Label.class).getText())).startsWith("epoch ");
    }

    @Test
    void badAlphaValuesAreRefusedAndChangeNothing(FxRobot robot) throws Exception {
        robot.clickOn("#newRun");
        waitUntil("running", () -> vm.progress().stateProperty().get() == Report.State.RUNNING);
        robot.clickOn("#pauseButton");
        waitUntil("paused", () -> vm.progress().stateProperty().get() == Report.State.PAUSED);
        double alphaBefore = onFx(() -> vm.controls().current().learningRate());
        long eventsBefore = hyperparameterEvents();
        TextField field = robot.lookup("#alphaField").queryAs(TextField.class);
        Label error = robot.lookup("#alphaError").queryAs(Label.class);
        for (String bad : new String[] {"abc", "0", "-1", "1e9"}) {
            robot.doubleClickOn(field).eraseText(field.getText().length() + 2).write(bad).type(javafx.scene.input.KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(error.getText()).as(bad).contains("'" + bad + "'");
            assertThat(error.isVisible()).isTrue();
        }
        robot.clickOn("#stepButton");
        waitUntil("a step", () -> vm.progress().stepProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents(10);
        assertThat(hyperparameterEvents()).isEqualTo(eventsBefore);
        assertThat(onFx(() -> vm.controls().current().learningRate())).isEqualTo(alphaBefore);
    }

    @Test
    void aChartExportsAsAPngOfTheExpectedSize(FxRobot robot, @TempDir Path tmp) throws Exception {
        robot.clickOn("#newRun");
        waitUntil("an epoch", () -> vm.progress().epochProperty().get() >= 1);
        Path one = tmp.resolve("one.png");
        Path two = tmp.resolve("two.png");
        double[] size = new double[2];
        WaitForAsyncUtils.asyncFx(() -> {
            var chart = window.monitor().stepChart();
            size[0] = chart.getWidth();
            size[1] = chart.getHeight();
            chart.exportPng(one, 1);
            chart.exportPng(two, 2);
            return null;
        }).get(10, TimeUnit.SECONDS);
        var a = ImageIO.read(one.toFile());
        var b = ImageIO.read(two.toFile());
        assertThat(a.getWidth()).isEqualTo((int) Math.round(size[0]));
        assertThat(a.getHeight()).isEqualTo((int) Math.round(size[1]));
        assertThat(b.getWidth()).isEqualTo(2 * a.getWidth());
        assertThat(b.getHeight()).isEqualTo(2 * a.getHeight());
        assertThat(Files.size(two)).isGreaterThan(Files.size(one) / 2);
    }

    @Test
    void theSpaceBarPausesAndResumes(FxRobot robot) throws Exception {
        robot.clickOn("#newRun");
        waitUntil("running", () -> vm.progress().stateProperty().get() == Report.State.RUNNING);
        robot.clickOn("#stepChart"); // focus on the chart, not on a text field
        robot.type(javafx.scene.input.KeyCode.SPACE);
        waitUntil("paused by space", () -> vm.progress().stateProperty().get() == Report.State.PAUSED);
        long paused = onFx(() -> vm.progress().stepProperty().get());
        robot.type(javafx.scene.input.KeyCode.SPACE);
        waitUntil("running again by space", () -> vm.progress().stateProperty().get() == Report.State.RUNNING
                && vm.progress().stepProperty().get() > paused);
        // in a text field, space is a character, not a command
        TextField field = robot.lookup("#alphaField").queryAs(TextField.class);
        robot.clickOn(field).type(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> vm.progress().stateProperty().get())).isEqualTo(Report.State.RUNNING);
    }

    @Test
    void theToolsMenuOpensTheSurfaceWindowOwnedByTheMainWindow(FxRobot robot) throws Exception {
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem item = bar.getMenus().stream().filter(m -> m.getText().equals("Tools"))
                .flatMap(m -> m.getItems().stream()).filter(m -> "Optimisers on a surface…".equals(m.getText()))
                .findFirst().orElseThrow();
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
        Stage surface = onFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage st && "Optimisers on a surface".equals(st.getTitle()))
                .map(w -> (Stage) w).findFirst().orElseThrow());
        assertThat(surface.isShowing()).isTrue();
        assertThat(surface.getOwner()).isSameAs(window.getScene().getWindow());
        assertThat(surface.getScene().getRoot()).isInstanceOf(babysitter.ui.surface.SurfaceView.class);
        robot.interact(surface::close);
    }

    @Test
    void theToolsMenuOpensTheNetworkViewFedWithEpochReports(FxRobot robot) throws Exception {
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem item = bar.getMenus().stream().filter(m -> m.getText().equals("Tools"))
                .flatMap(m -> m.getItems().stream()).filter(m -> "Network view…".equals(m.getText()))
                .findFirst().orElseThrow();
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
        Stage network = onFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage st && st.getTitle().startsWith("Network"))
                .map(w -> (Stage) w).findFirst().orElseThrow());
        assertThat(network.getOwner()).isSameAs(window.getScene().getWindow());
        assertThat(network.getScene().getRoot()).isInstanceOf(babysitter.ui.network.NetworkView.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> layers = (javafx.scene.control.ComboBox<String>)
                network.getScene().getRoot().lookup(".combo-box");
        assertThat(layers.getItems()).isEmpty();
        double[] none = new double[0];
        babysitter.session.training.LayerStats.Histogram h = new babysitter.session.training.LayerStats.Histogram(0, 1, new long[] {1});
        babysitter.session.training.LayerStats.Summary nan = new babysitter.session.training.LayerStats.Summary(Double.NaN, Double.NaN,
                Double.NaN);
        babysitter.session.training.LayerStats stats = new babysitter.session.training.LayerStats(1, 3, "softmax", false, none, none, none, none,
                h, h, h, nan, nan, 1, 1, 1e-3, Double.NaN, Double.NaN);
        robot.interact(() -> vm.accept(java.util.List.of(new Report.EpochReport(0, 10, 0, 1, 0.5, 1, 0.5, 1, 0.5, 1,
                java.util.List.of(stats)))));
        assertThat(onFx(() -> java.util.List.copyOf(layers.getItems()))).containsExactly("output · 3 softmax");
        robot.interact(network::close);
    }

    @Test
    void theToolsMenuOpensTheClassesWindowFedWithConfusionReports(FxRobot robot) throws Exception {
        Report.ConfusionReport before = new Report.ConfusionReport(0, 0, java.util.List.of("a", "b"),
                new long[] {3, 1, 2, 4});
        robot.interact(() -> vm.accept(java.util.List.of(before)));
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem item = bar.getMenus().stream().filter(m -> m.getText().equals("Tools"))
                .flatMap(m -> m.getItems().stream()).filter(m -> "Classes…".equals(m.getText()))
                .findFirst().orElseThrow();
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
        Stage classes = onFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage st && st.getTitle().startsWith("Classes"))
                .map(w -> (Stage) w).findFirst().orElseThrow());
        assertThat(classes.getOwner()).isSameAs(window.getScene().getWindow());
        assertThat(classes.getScene().getRoot()).isInstanceOf(babysitter.ui.classes.ClassesView.class);
        javafx.scene.control.Label label = (javafx.scene.control.Label) classes.getScene().getRoot().lookup("#epochLabel");
        assertThat(onFx(label::getText)).as("the report from before the window opened").isEqualTo("epoch 1");
        robot.interact(() -> vm.accept(java.util.List.of(new Report.ConfusionReport(1, 0, java.util.List.of("a", "b"),
                new long[] {4, 0, 1, 5}))));
        assertThat(onFx(label::getText)).isEqualTo("epoch 2");
        robot.interact(classes::close);
    }

    @Test
    void toolsSamplesOpensTheSampleBrowserWithTheLatestReport(FxRobot robot) throws Exception {
        Report.SamplesReport report = new Report.SamplesReport(0, 0, java.util.List.of("a", "b"), 4, 2,
                new float[] {0, 1, 1, 0, 1, 0, 0, 1}, new int[] {0, 1}, new float[] {0.9f, 0.1f, 0.7f, 0.3f});
        robot.interact(() -> vm.accept(java.util.List.of(report)));
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem item = bar.getMenus().stream().filter(m -> m.getText().equals("Tools"))
                .flatMap(m -> m.getItems().stream()).filter(m -> "Samples…".equals(m.getText()))
                .findFirst().orElseThrow();
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
        Stage samples = onFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage st && st.getTitle().startsWith("Samples"))
                .map(w -> (Stage) w).findFirst().orElseThrow());
        assertThat(samples.getOwner()).isSameAs(window.getScene().getWindow());
        assertThat(onFx(() -> samples.getScene().getRoot().lookup("#sample0"))).isNotNull();
        assertThat(onFx(() -> samples.getScene().getRoot().lookup("#sample1"))).isNotNull();
        robot.interact(samples::close);
    }
}
