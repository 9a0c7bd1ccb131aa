package babysitter.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.store.FakeRuns;
import babysitter.store.RunLibrary;
import babysitter.store.RunTrash;
import babysitter.ui.app.AppContext;
import babysitter.ui.chart.LegendEntry;
import babysitter.ui.chart.LineChartCanvas;
import babysitter.ui.monitor.ReferenceRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Runs…: the library lists, sorts and filters the runs the test made, overlays them and shows what differs. */
@ExtendWith(ApplicationExtension.class)
class LibraryWindowTest {

    @TempDir
    Path root;

    private Stage stage;
    private AppContext app;
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private final List<ReferenceRun> onMonitor = new CopyOnWriteArrayList<>();
    private Path low;
    private Path high;
    private Path moons;

    @Start
    void start(Stage primary) throws Exception {
        low = FakeRuns.run(root, "low", "spiral", "adam", 0.02, 0.9, 4, "finished", 1_700_000_000L, 0.5, 0.6, 0.62);
        high = FakeRuns.run(root, "high", "spiral", "sgd", 0.1, Double.NaN, 4, "stopped", 1_700_000_100L, 0.7, 0.9);
        moons = FakeRuns.run(root, "moons", "moons", "adam", 0.01, 0.9, 4, "killed", 1_700_000_200L, 0.6, 0.7, 0.8,
                0.85);
        app = new AppContext(root);
        stage = LibraryWindow.show(app, null, opened::add, onMonitor::addAll, dir -> false,
                new javafx.beans.property.SimpleObjectProperty<>());
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(stage::close).get(10, TimeUnit.SECONDS);
        app.close();
    }

    private LibraryViewModel vm() {
        return (LibraryViewModel) stage.getProperties().get(LibraryViewModel.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<RunLibrary.Entry> table(FxRobot robot) {
        return robot.lookup("#runsTable").queryAs(TableView.class);
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> names(FxRobot robot) {
        return table(robot).getItems().stream().map(e -> e.summary().name()).toList();
    }

    @Test
    void listsSortsAndFiltersTheRuns(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 3);
        assertThat(names(robot)).as("newest first").containsExactly("moons", "high", "low");
        assertThat(robot.lookup("#libraryStatus").queryAs(Label.class).getText()).startsWith("3 runs");

        robot.clickOn("Best dev acc");
        waitUntil(() -> names(robot).get(0).equals("low"));
        assertThat(names(robot)).as("ascending").containsExactly("low", "moons", "high");
        robot.clickOn("Best dev acc");
        waitUntil(() -> names(robot).get(0).equals("high"));
        assertThat(names(robot)).as("descending").containsExactly("high", "moons", "low");

        robot.clickOn("#libraryFilter").write("data=spiral");
        waitUntil(() -> table(robot).getItems().size() == 2);
        assertThat(names(robot)).containsExactly("high", "low");
        robot.write(" state!=finished");
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(names(robot)).containsExactly("high");
        // the whole text at once: typed letter by letter, "size" would first be a word that no run contains
        robot.interact(() -> vm().filterProperty().set("data=spiral state!=finished size<x"));
        waitUntil(() -> !robot.lookup("#filterError").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#filterError").queryAs(Label.class).getText()).contains("'x' is not");
        assertThat(names(robot)).as("the last good filter stays").containsExactly("high");
    }

    @Test
    void threeSelectedRunsAreOverlaidWithALegendAndTheirDifferencesMarked(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 3);
        robot.interact(() -> table(robot).getSelectionModel().selectAll());
        LineChartCanvas chart = robot.lookup("#overlayChart").queryAs(LineChartCanvas.class);
        waitUntil(() -> chart.series().size() == 3);
        assertThat(chart.legend()).extracting(LegendEntry::name).containsExactly("moons", "high", "low");
        assertThat(chart.legend()).extracting(LegendEntry::color).doesNotHaveDuplicates();
        assertThat(chart.series().get(0).data().size()).as("moons has 4 epochs").isEqualTo(4);

        robot.interact(() -> vm().metricProperty().set(babysitter.store.RunCurves.Metric.TRAIN_COST));
        robot.interact(() -> vm().xAxisProperty().set(babysitter.store.RunCurves.XAxis.STEP));
        waitUntil(() -> chart.xLabel().equals("step"));
        assertThat(chart.series().get(0).data().lastX()).isEqualTo(16);

        robot.clickOn("Configuration");
        waitUntil(() -> robot.lookup(n -> "key-optimizer.kind".equals(n.getId())).tryQuery().isPresent());
        assertThat(robot.lookup(n -> "key-optimizer.kind".equals(n.getId())).queryAs(Label.class).getStyleClass()).contains("differs");
        assertThat(robot.lookup(n -> "key-data.kind".equals(n.getId())).queryAs(Label.class).getStyleClass()).contains("differs");
        assertThat(robot.lookup(n -> "key-optimizer.batchSize".equals(n.getId())).queryAs(Label.class).getStyleClass())
                .doesNotContain("differs");
        assertThat(robot.lookup(n -> "key-seed".equals(n.getId())).queryAs(Label.class).getStyleClass()).doesNotContain("differs");
    }

    @Test
    void theSelectedRunsGoToTheMonitorAsReferencesWithTheirWholeHistory(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 3);
        javafx.scene.control.Button show = robot.lookup("#showOnMonitorButton").queryButton();
        assertThat(show.isDisabled()).as("nothing selected").isTrue();
        robot.interact(() -> table(robot).getSelectionModel().selectIndices(0, 2));
        waitUntil(() -> robot.lookup("#overlayChart").queryAs(LineChartCanvas.class).series().size() == 2);
        robot.clickOn(show);
        waitUntil(() -> onMonitor.size() == 2);
        assertThat(onMonitor).extracting(ReferenceRun::name).containsExactly("moons", "low");
        assertThat(onMonitor).extracting(ReferenceRun::dir).containsExactly(moons, low);
        assertThat(onMonitor.get(0).epochs()).as("moons: 4 epochs").hasSize(4);
        assertThat(onMonitor.get(0).steps()).as("moons: 4 epochs of 4 steps").hasSize(16);
        assertThat(onMonitor.get(1).epochs().get(2).devAccuracy()).isEqualTo(0.62);
    }

    @Test
    void aNewRunAppearsByItselfAndADeletedOneComesBack(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 3);
        FakeRuns.run(root, "later", "spiral", "adam", 0.03, 0.9, 4, "finished", 1_700_000_300L, 0.4);
        waitUntil(() -> table(robot).getItems().size() == 4);
        assertThat(names(robot).get(0)).isEqualTo("later");

        robot.interact(() -> table(robot).getSelectionModel().clearAndSelect(
                table(robot).getItems().stream().map(e -> e.summary().dir()).toList().indexOf(low)));
        robot.clickOn("#deleteButton");
        waitUntil(() -> table(robot).getItems().size() == 3);
        assertThat(low).doesNotExist();
        assertThat(root.resolve(RunTrash.FOLDER).resolve(low.getFileName())).isDirectory();
        robot.clickOn("#undoDeleteButton");
        waitUntil(() -> table(robot).getItems().size() == 4);
        assertThat(low.resolve("run.json")).exists();

        robot.interact(() -> table(robot).getSelectionModel().clearAndSelect(0));
        robot.clickOn("#openRunButton");
        waitUntil(() -> !opened.isEmpty());
        assertThat(opened.get(0).getFileName().toString()).endsWith("-later");
        assertThat(Files.exists(high)).isTrue();
    }
}
