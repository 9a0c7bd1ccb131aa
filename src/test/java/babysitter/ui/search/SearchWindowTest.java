package babysitter.ui.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.search.Search;
import babysitter.search.Trial;
import babysitter.session.reports.Report;
import babysitter.ui.BabysitterApp;
import babysitter.ui.main.MainViewModel;
import babysitter.ui.main.MainWindow;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real windows, headless: a tiny search from File ▸ New search… to "Babysit this one". */
@ExtendWith(ApplicationExtension.class)
class SearchWindowTest {
    static final String BASE = """
            { "name": "tiny",
              "data": { "kind": "blobs", "n": 160, "classes": 3, "noise": 0.6, "devFraction": 0.25 },
              "network": { "hidden": [ { "units": 8, "activation": "relu", "batchNorm": true } ] },
              "optimizer": { "kind": "momentum", "learningRate": 0.01, "batchSize": 32 },
              "epochs": 2, "seed": 1 }
            """;
    static final String SPACE = "{ \"base\": " + BASE + """
            , "params": [
                { "name": "learningRate", "scale": "log", "min": 1e-3, "max": 0.3 },
                { "name": "momentum", "scale": "one-minus-log", "min": 0.5, "max": 0.99 },
                { "name": "batchSize", "scale": "pow2", "min": 16, "max": 64 } ] }
            """;

    @TempDir
    static Path runs;
    @TempDir
    Path tmp;

    private MainViewModel main;
    private Stage mainStage;

    @Start
    void start(Stage stage) {
        System.setProperty("babysitter.runs", runs.toString());
        BabysitterApp app = new BabysitterApp();
        main = app.createViewModel(Executors.newSingleThreadExecutor());
        MainWindow window = new MainWindow(main, SetupViewModel.defaults());
        stage.setScene(window.scene());
        stage.show();
        mainStage = stage;
        watched = main;
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : java.util.List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s && s != mainStage) {
                    s.close();
                }
            }
            return main.closeSession();
        }).get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(String what, int seconds, BooleanSupplier condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out waiting for: " + what + diagnosis());
        }
    }

    private static MainViewModel watched;

    /** What the main window says, for a failure message. */
    private static String diagnosis() {
        MainViewModel m = watched;
        return m == null ? "" : " (main window: state " + m.progress().stateProperty().get() + ", status '"
                + m.progress().statusProperty().get() + "', notification '" + m.notificationProperty().get() + "', run "
                + m.runDirProperty().get() + ")";
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    // lookups walk the scene graph: on the JavaFX thread, as the window may be changing it
    private MenuItem fileItem(FxRobot robot, String text) throws Exception {
        MenuBar bar = onFx(() -> robot.lookup("#menuBar").queryAs(MenuBar.class));
        return bar.getMenus().stream().filter(m -> m.getText().equals("File")).flatMap(m -> m.getItems().stream())
                .filter(m -> text.equals(m.getText())).findFirst().orElseThrow();
    }

    private static Stage searchStage() throws Exception {
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage st && st.getTitle() != null && st.getTitle().startsWith("Search:"))
                .map(w -> (Stage) w).findFirst().orElse(null));
    }

    private static void set(FxRobot robot, String id, String text) throws Exception {
        TextField f = onFx(() -> robot.lookup(id).queryAs(TextField.class));
        robot.interact(() -> f.setText(text));
    }

    /** Drags across a scatter from one unit x to another (positions come from the canvas, not the screen). */
    private static void brush(FxRobot robot, ScatterCanvas c, double u0, double u1) throws Exception {
        Point2D from = onFx(() -> c.localToScreen(c.unitToLocalX(u0), c.getHeight() * 0.3));
        Point2D to = onFx(() -> c.localToScreen(c.unitToLocalX(u1), c.getHeight() * 0.6));
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(from.add(5, 5)).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aPersonSearchesZoomsInAndBabysitsTheBestTrial(FxRobot robot) throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{ \"base\": " + BASE + ", \"params\": [ { \"name\": \"learningRat\", \"scale\": \"log\", "
                + "\"min\": 0.001, \"max\": 0.1 } ] }");
        Path good = tmp.resolve("space.json");
        Files.writeString(good, SPACE);

        // File ▸ New search…: the form (it waits for an answer, so it is opened with runLater)
        MenuItem item = fileItem(robot, "New search…");
        Platform.runLater(item::fire);
        waitUntil("the New search form", 10, () -> robot.lookup("#newSearchDialog").tryQuery().isPresent());
        set(robot, "#spaceField", bad.toString());
        set(robot, "#newTrialsField", "abc");
        Button startButton = onFx(() -> robot.lookup("#startSearch").queryAs(Button.class));
        assertThat(onFx(startButton::isDisabled)).isTrue();
        assertThat(onFx(() -> robot.lookup("#newTrialsError").queryAs(Label.class).getText())).contains("'abc'");
        set(robot, "#newTrialsField", "4");
        set(robot, "#parallelField", "2");
        set(robot, "#epochsField", "2");
        robot.clickOn(startButton);
        // a bad space: its message shows in the form, which stays open with what was typed
        waitUntil("the error", 10, () -> !robot.lookup("#newSearchError").queryAs(Label.class).getText().isEmpty());
        assertThat(onFx(() -> robot.lookup("#newSearchError").queryAs(Label.class).getText()))
                .contains("learningRat").contains(bad.toString());
        assertThat(onFx(() -> robot.lookup("#newTrialsField").queryAs(TextField.class).getText())).isEqualTo("4");

        set(robot, "#spaceField", good.toString());
        robot.clickOn(startButton);
        waitUntil("the Search window", 20, () -> {
            try {
                return searchStage() != null;
            } catch (Exception e) {
                return false;
            }
        });
        Stage stage = searchStage();
        SearchViewModel vm = (SearchViewModel) stage.getProperties().get(SearchViewModel.class);
        SearchView view = (SearchView) stage.getScene().getRoot();
        assertThat(onFx(() -> vm.search().dir().startsWith(runs.resolve("searches")))).isTrue();

        // the table fills live, then the first round finishes
        waitUntil("4 rows", 30, () -> view.table().getItems().size() == 4);
        waitUntil("round 1 done", 180, () -> !vm.progress().runningProperty().get()
                && vm.trials().rows().stream().allMatch(r -> r.state().finished()));
        assertThat(onFx(() -> vm.trials().rows().stream().filter(r -> Double.isFinite(r.bestDevAccuracy())).count()))
                .isEqualTo(4);
        int best = onFx(() -> vm.trials().bestTrialProperty().get());
        assertThat(best).isBetween(1, 4);
        assertThat(onFx(() -> view.curvesChart().series().stream().filter(s -> s.name().startsWith("best #")).count()))
                .isEqualTo(1);
        assertThat(onFx(() -> robot.lookup("#searchStatus").queryAs(Label.class).getText())).contains("4/4 trials done");

        // the edge warnings of the round are shown as they are
        String warnings = onFx(() -> String.join("\n", vm.search().edgeWarnings(0).stream()
                .map(babysitter.search.EdgeWarning::message).toList()));
        assertThat(onFx(() -> robot.lookup("#edgeWarnings").queryAs(Label.class).getText())).isEqualTo(warnings);
        assertThat(onFx(() -> robot.lookup("#edgeWarnings").queryAs(Label.class).isVisible()))
                .isEqualTo(!warnings.isEmpty());

        // brush learningRate and batchSize, then the next round from the selection
        ScatterCanvas lr = view.scatter("learningRate");
        assertThat(lr).isNotNull();
        brush(robot, lr, 0.2, 0.8);
        double[] b = onFx(() -> vm.charts().brushOf("learningRate"));
        assertThat(b).isNotNull();
        assertThat(b[0]).isCloseTo(0.2, within(0.03));
        assertThat(b[1]).isCloseTo(0.8, within(0.03));
        brush(robot, view.scatter("batchSize"), 0.02, 0.6);
        assertThat(onFx(() -> vm.charts().brushOf("batchSize"))).isNotNull();
        // trials count validation disables the button
        TextField trials = onFx(() -> robot.lookup("#trialsField").queryAs(TextField.class));
        Button fromSelection = onFx(() -> robot.lookup("#nextFromSelection").queryAs(Button.class));
        assertThat(onFx(fromSelection::isDisabled)).isFalse();
        robot.interact(() -> trials.setText("0"));
        assertThat(onFx(fromSelection::isDisabled)).isTrue();
        assertThat(onFx(() -> robot.lookup("#trialsError").queryAs(Label.class).getText())).contains("'0'");
        robot.interact(() -> trials.setText("2"));
        robot.clickOn(fromSelection);
        waitUntil("round 2 done", 180, () -> vm.trials().rows().size() == 6 && !vm.progress().runningProperty().get()
                && vm.trials().rows().stream().allMatch(r -> r.state().finished()));
        Search search = vm.search();
        assertThat(search.rounds()).hasSize(2);
        assertThat(search.rounds().get(1).origin()).isEqualTo("brushed on round 1");
        var lr2 = search.rounds().get(1).space().param("learningRate");
        assertThat(lr2.min()).isCloseTo(Math.pow(10, -3 + 0.2 * Math.log10(300)), within(lr2.min() * 0.1));
        assertThat(search.rounds().get(1).space().param("batchSize").max()).isLessThan(64);
        for (Trial t : search.trials()) {
            if (t.round() == 1) {
                assertThat((double) (Double) t.values().get("learningRate")).isBetween(lr2.min(), lr2.max());
            }
        }

        // the next round from the top k is there too
        robot.interact(() -> trials.setText("1"));
        robot.clickOn("#nextFromTop");
        waitUntil("round 3 done", 180, () -> vm.trials().rows().size() == 7 && !vm.progress().runningProperty().get()
                && vm.trials().rows().stream().allMatch(r -> r.state().finished()));
        assertThat(search.rounds().get(2).origin()).startsWith("top 3 of round 2");

        // "Babysit this one": select the best trial in the table and press Enter
        int bestNow = onFx(() -> vm.trials().bestTrialProperty().get());
        Trial chosen = onFx(() -> vm.trials().trial(bestNow));
        TableRow<?> row = onFx(() -> robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof TrialRow tr && tr.id() == bestNow).findFirst().orElseThrow());
        assertThat(onFx(() -> row.getStyleClass().contains(SearchView.BEST_ROW))).isTrue();
        robot.clickOn(row);
        assertThat(onFx(() -> vm.trials().selectedTrialProperty().get())).isEqualTo(bestNow);
        robot.type(KeyCode.ENTER);
        waitUntil("the main window continuing from the trial's checkpoint", 60,
                () -> main.session() != null && main.progress().stateProperty().get() == Report.State.IDLE
                        && main.runDirProperty().get().equals(chosen.runDir().toString()));
        assertThat(onFx(() -> main.progress().epochProperty().get())).isEqualTo((long) chosen.bestEpoch());
        assertThat(onFx(() -> main.progress().branchProperty().get())).isGreaterThanOrEqualTo(1L);
        // and it goes on training by hand
        robot.interact(main.commands()::togglePause);
        // (with room for more epochs than the trial had: a tiny net may get through them before we look)
        waitUntil("training on past the checkpoint", 60, () -> main.progress().epochProperty().get() > chosen.bestEpoch()
                && main.progress().epochProperty().get() > chosen.curve().size());
    }

    @Test
    void closingARunningSearchAsksCancelsAndTheSearchResumesLater(FxRobot robot) throws Exception {
        Path good = tmp.resolve("space.json");
        Files.writeString(good, SPACE);
        Path dir = runs.resolve("searches").resolve("closing");
        Files.createDirectories(dir.getParent());
        Search s = Search.create(dir, babysitter.search.SearchSpace.read(good), babysitter.search.Method.RANDOM, 3, 0,
                new babysitter.search.Settings(400, 1, babysitter.search.EarlyStopping.none(), 1));
        Stage stage = onFx(() -> SearchWindow.show(babysitter.ui.app.AppContext.fromSystem(), mainStage, main, s, 1, true));
        SearchViewModel vm = (SearchViewModel) stage.getProperties().get(SearchViewModel.class);
        waitUntil("a running trial", 60, () -> vm.trials().rows().stream()
                .anyMatch(r -> r.state() == babysitter.search.TrialState.RUNNING && r.devCurve().length > 0));
        Platform.runLater(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil("the question", 10, () -> robot.lookup("#closeSearchDialog").tryQuery().isPresent());
        Button ok = (Button) robot.lookup("#closeSearchDialog").queryAs(javafx.scene.control.DialogPane.class)
                .lookupButton(javafx.scene.control.ButtonType.OK);
        robot.clickOn(ok);
        waitUntil("stopped", 60, () -> !vm.progress().runningProperty().get());
        assertThat(onFx(stage::isShowing)).isFalse();

        // opened again: the unfinished trials are there and Resume is offered
        Stage again = onFx(() -> SearchWindow.open(babysitter.ui.app.AppContext.fromSystem(), mainStage, main, dir).orElseThrow());
        SearchViewModel vm2 = (SearchViewModel) again.getProperties().get(SearchViewModel.class);
        assertThat(onFx(() -> vm2.trials().rows().size())).isEqualTo(3);
        assertThat(onFx(() -> vm2.canResume().get())).isTrue();
        assertThat(onFx(() -> vm2.progress().runningProperty().get())).isFalse();
        robot.interact(vm2::resume);
        waitUntil("running again", 30, () -> vm2.trials().rows().stream()
                .anyMatch(r -> r.state() == babysitter.search.TrialState.RUNNING));
        robot.interact(vm2::cancel);
        waitUntil("stopped again", 60, () -> !vm2.progress().runningProperty().get());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGridSearchShowsHowFewDistinctValuesItTries(FxRobot robot) throws Exception {
        Path good = tmp.resolve("grid-space.json");
        Files.writeString(good, "{ \"base\": " + BASE + """
                , "params": [
                    { "name": "learningRate", "scale": "log", "min": 1e-3, "max": 0.3 },
                    { "name": "momentum", "scale": "one-minus-log", "min": 0.5, "max": 0.99 } ] }
                """);
        MenuItem item = fileItem(robot, "New search…");
        Platform.runLater(item::fire);
        waitUntil("the New search form", 10, () -> robot.lookup("#newSearchDialog").tryQuery().isPresent());
        set(robot, "#spaceField", good.toString());
        ChoiceBox<babysitter.search.Method> method = onFx(() -> robot.lookup("#methodChoice").queryAs(ChoiceBox.class));
        TextField trialsField = onFx(() -> robot.lookup("#newTrialsField").queryAs(TextField.class));
        TextField k = onFx(() -> robot.lookup("#gridValuesField").queryAs(TextField.class));
        assertThat(onFx(k::isDisabled)).isTrue();
        robot.interact(() -> method.setValue(babysitter.search.Method.GRID));
        assertThat(onFx(trialsField::isDisabled)).isTrue();
        assertThat(onFx(k::isDisabled)).isFalse();
        Button startButton = onFx(() -> robot.lookup("#startSearch").queryAs(Button.class));
        set(robot, "#gridValuesField", "1");
        assertThat(onFx(startButton::isDisabled)).isTrue();
        assertThat(onFx(() -> robot.lookup("#gridError").queryAs(Label.class).getText())).contains("'1'");
        set(robot, "#gridValuesField", "2");
        assertThat(onFx(startButton::isDisabled)).isFalse();
        assertThat(onFx(() -> robot.lookup("#gridCount").queryAs(Label.class).getText()))
                .isEqualTo("2 values per axis × 2 parameters → 4 trials");
        set(robot, "#parallelField", "2");
        set(robot, "#epochsField", "1");
        robot.clickOn(startButton);
        waitUntil("the Search window", 20, () -> {
            try {
                return searchStage() != null;
            } catch (Exception e) {
                return false;
            }
        });
        Stage stage = searchStage();
        SearchViewModel vm = (SearchViewModel) stage.getProperties().get(SearchViewModel.class);
        waitUntil("the grid done", 120, () -> vm.trials().rows().size() == 4 && !vm.progress().runningProperty().get()
                && vm.trials().rows().stream().allMatch(r -> r.state().finished()));
        assertThat(onFx(() -> vm.search().rounds().get(0).method())).isEqualTo(babysitter.search.Method.GRID);
        Label line = onFx(() -> (Label) stage.getScene().lookup("#roundsSummary"));
        assertThat(onFx(line::getText)).isEqualTo(
                "round 1 · grid 2 per axis: 4 trials → distinct values: learningRate 2 · momentum 2");
        assertThat(onFx(line::isVisible)).isTrue();
        // its points line up in two columns on each scatter
        assertThat(onFx(() -> vm.charts().scatter("learningRate").points().stream().map(ScatterData.Point::x).distinct()
                .count())).isEqualTo(2L);

        // the next round as a grid too, from the tool bar
        ChoiceBox<babysitter.search.Method> next = onFx(() -> (ChoiceBox<babysitter.search.Method>)
                stage.getScene().lookup("#nextMethod"));
        TextField perAxis = onFx(() -> (TextField) stage.getScene().lookup("#gridValuesField"));
        assertThat(onFx(perAxis::isVisible)).isFalse();
        robot.interact(() -> next.setValue(babysitter.search.Method.GRID));
        assertThat(onFx(perAxis::isVisible)).isTrue();
        assertThat(onFx(() -> stage.getScene().lookup("#trialsField").isVisible())).isFalse();
        robot.interact(() -> perAxis.setText("2"));
        robot.interact(vm.nextRound()::fromTopK);
        waitUntil("the second grid done", 120, () -> vm.trials().rows().size() == 8 && !vm.progress().runningProperty().get()
                && vm.trials().rows().stream().allMatch(r -> r.state().finished()));
        assertThat(onFx(line::getText)).endsWith("\nround 2 · grid 2 per axis: 4 trials → distinct values: "
                + "learningRate 2 · momentum 2");
    }
}
