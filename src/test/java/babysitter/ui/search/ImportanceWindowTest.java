package babysitter.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.search.Method;
import babysitter.search.Param;
import babysitter.search.Round;
import babysitter.search.SearchSpace;
import babysitter.search.Trial;
import babysitter.search.TrialState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Rectangle;
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
 * The Search window's importance chart and parallel coordinates, headless, fed trials as a search
 * would finish them (their dev accuracy depends on α alone): the bars appear once enough trials have
 * finished and follow as more finish (computed off the FX thread); dragging along an axis of the
 * parallel coordinates selects the same trials in the scatters.
 */
@ExtendWith(ApplicationExtension.class)
class ImportanceWindowTest {
    @TempDir
    Path dir;
    private SearchViewModel vm;
    private SearchView view;
    private ExecutorService worker;
    private SearchSpace space;

    @Start
    void start(Stage stage) throws Exception {
        space = SearchSpace.parse(SearchViewModelTest.SPACE, "test space", null);
        worker = Executors.newSingleThreadExecutor();
        vm = new SearchViewModel(Platform::runLater, r -> { }, Clock.systemUTC(), n -> {
            throw new AssertionError("no search runs here");
        }, worker);
        view = new SearchView(vm);
        stage.setScene(new Scene(view, 1300, 900));
        stage.show();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Trials first..last, DONE, dev accuracy a function of α only. */
    private List<Trial> trials(int first, int last) {
        Random r = new Random(first);
        List<Trial> out = new ArrayList<>();
        Param lr = space.param("learningRate");
        for (int id = first; id <= last; id++) {
            Map<String, Object> values = space.sample(r);
            double u = lr.toUnit(values.get("learningRate"));
            double acc = 0.95 - 0.5 * (u - 0.6) * (u - 0.6);
            out.add(SearchViewModelTest.trial(id, TrialState.DONE, values, acc - 0.05, acc));
        }
        return out;
    }

    private void show(List<Trial> ts) throws Exception {
        onFx(() -> {
            vm.show(List.of(new Round(0, space, Method.RANDOM, 60, 0, "initial")), ts);
            return null;
        });
    }

    private long computations() throws Exception {
        return onFx(() -> vm.importance().computationsProperty().get());
    }

    private void waitForComputations(long n) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> computations() >= n);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theImportanceChartAppearsAndFollowsAsTrialsFinish(FxRobot robot) throws Exception {
        List<Trial> all = new ArrayList<>(trials(1, 3));
        show(all);
        waitForComputations(1);
        assertThat(robot.lookup("#importanceReading").queryAs(Label.class).getText())
                .isEqualTo("No importance yet: 3 finished trials: at least 5 are needed.");
        assertThat(robot.lookup("#importanceBars").lookup(".text").tryQuery()).isEmpty();
        assertThat(robot.lookup("#courseOrder").queryAs(Label.class).getText())
                .isEqualTo("course: 1 α · 2 β, batch, units · 3 layers, decay · 4 β1, β2, ε");

        all.addAll(trials(4, 20));
        show(all);
        waitForComputations(2);
        Rectangle alpha = robot.lookup("#bar-learningRate").queryAs(Rectangle.class);
        Rectangle beta = robot.lookup("#bar-momentum").queryAs(Rectangle.class);
        assertThat(alpha.getWidth()).isGreaterThan(4 * beta.getWidth());
        assertThat(robot.lookup("#importanceBasis").queryAs(Label.class).getText()).contains("20 finished trials");
        assertThat(robot.lookup("#importanceReading").queryAs(Label.class).getText())
                .startsWith("As the course says: α mattered most (20 trials");

        all.addAll(trials(21, 50));
        show(all);
        waitForComputations(3);
        assertThat(robot.lookup("#importanceBasis").queryAs(Label.class).getText()).contains("50 finished trials");
        assertThat(robot.lookup("#importanceReading").queryAs(Label.class).getText()).contains("(50 trials)");
    }

    @Test
    void draggingAlongAnAxisSelectsTheSameTrialsInTheScatters(FxRobot robot) throws Exception {
        show(trials(1, 24));
        TabPane tabs = robot.lookup("#searchViews").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        ParallelCanvas pc = view.parallelCoordinates();
        ParallelData data = onFx(pc::data);
        assertThat(data.axes()).extracting(ParallelData.Axis::name)
                .containsExactly("learningRate", "momentum", "batchSize", "optimizer", ParallelData.OBJECTIVE);
        assertThat(data.lines()).hasSize(24);

        // drag along the learningRate axis from 0.2 up to 0.7 of its height
        Point2D from = onFx(() -> pc.localToScreen(pc.axisX(0), pc.unitToLocalY(0.2)));
        Point2D to = onFx(() -> pc.localToScreen(pc.axisX(0), pc.unitToLocalY(0.7)));
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(from.add(0, -5)).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        double[] b = onFx(() -> vm.charts().brushOf("learningRate"));
        assertThat(b).isNotNull();
        assertThat(b[0]).isBetween(0.17, 0.23);
        assertThat(b[1]).isBetween(0.67, 0.73);
        List<Integer> chosen = onFx(vm.charts()::selectedTrials);
        assertThat(chosen).isNotEmpty().hasSizeLessThan(24);
        // every scatter marks exactly those trials, the parallel coordinates too
        for (String name : List.of("learningRate", "momentum", "batchSize", "optimizer")) {
            ScatterData d = onFx(() -> view.scatter(name).data());
            assertThat(d.points()).filteredOn(ScatterData.Point::inBrush).extracting(ScatterData.Point::trialId)
                    .as(name).containsExactlyInAnyOrderElementsOf(chosen);
        }
        assertThat(onFx(pc::data).lines()).filteredOn(ParallelData.Line::chosen).extracting(ParallelData.Line::trialId)
                .containsExactlyInAnyOrderElementsOf(chosen);

        // the objective's axis narrows the same selection further
        int last = data.axes().size() - 1;
        Point2D top = onFx(() -> pc.localToScreen(pc.axisX(last), pc.unitToLocalY(0.98)));
        Point2D mid = onFx(() -> pc.localToScreen(pc.axisX(last), pc.unitToLocalY(0.6)));
        robot.moveTo(top).press(MouseButton.PRIMARY).moveTo(top.add(0, 5)).moveTo(mid).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        List<Integer> narrower = onFx(vm.charts()::selectedTrials);
        assertThat(chosen).containsAll(narrower);
        assertThat(onFx(() -> robot.lookup("#brushText").queryAs(Label.class).getText()))
                .contains("learningRate").contains("best dev accuracy");
        ScatterData momentum = onFx(() -> view.scatter("momentum").data());
        assertThat(momentum.points()).filteredOn(ScatterData.Point::inBrush).extracting(ScatterData.Point::trialId)
                .containsExactlyInAnyOrderElementsOf(narrower);
    }
}
