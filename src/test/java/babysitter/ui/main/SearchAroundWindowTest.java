package babysitter.ui.main;

import static babysitter.ui.main.WindowTestKit.onFx;
import static babysitter.ui.main.WindowTestKit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import babysitter.search.Param;
import babysitter.search.SearchSpace;
import babysitter.ui.BabysitterApp;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
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

/** Session ▸ Search around this run…: a space around the current values, edited, written, and a search started with it. */
@ExtendWith(ApplicationExtension.class)
class SearchAroundWindowTest {

    @TempDir
    static Path runs;

    private MainViewModel vm;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = new Stage();
        System.setProperty("babysitter.runs", runs.toString());
        vm = new BabysitterApp().createViewModel(Executors.newSingleThreadExecutor());
        SetupViewModel setup = SetupViewModel.defaults();
        setup.nProperty().set("200");
        stage.setScene(new MainWindow(vm, setup).scene());
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Window w : onFx(() -> java.util.List.copyOf(Window.getWindows()))) {
            if (w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Search:")) {
                WaitForAsyncUtils.asyncFx(s::close).get(20, TimeUnit.SECONDS);
            }
        }
        WaitForAsyncUtils.asyncFx(() -> vm.closeSession()).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(stage::close).get(10, TimeUnit.SECONDS);
    }

    private static void set(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> f.setText(text));
    }

    @Test
    void writesASpaceAroundTheCurrentValuesAndStartsASearch(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        MenuItem item = onFx(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "searchAroundItem".equals(i.getId())).findFirst().orElseThrow());
        // the form waits for an answer, so it is opened with runLater
        Platform.runLater(item::fire);
        waitUntil("the form", () -> robot.lookup("#searchAroundDialog").tryQuery().isPresent());
        String alpha = onFx(() -> robot.lookup("#min-learningRate").queryAs(TextField.class).getText());
        assertThat(Double.parseDouble(alpha)).isPositive();
        set(robot, "#max-units", "40");
        robot.clickOn(robot.lookup("#writeSpace").queryAs(Button.class));

        waitUntil("the New search form", () -> robot.lookup("#newSearchDialog").tryQuery().isPresent());
        Path space = Path.of(onFx(() -> robot.lookup("#spaceField").queryAs(TextField.class).getText()));
        assertThat(space.getParent()).isEqualTo(runs.resolve("spaces"));
        SearchSpace read = SearchSpace.read(space);
        var config = SetupViewModel.defaults();
        config.nProperty().set("200");
        var current = config.toConfig().orElseThrow();
        var hp = current.optimizer().toHyperparameters();
        double[] values = {hp.learningRate(), hp.beta1(), hp.batchSize(), current.network().hidden().get(0).units()};
        for (int i = 0; i < values.length; i++) {
            Param p = read.params().get(i);
            assertThat(values[i]).as(p.name()).isBetween(p.min(), p.max());
        }
        assertThat(read.params().get(3).max()).as("the edit is kept").isEqualTo(40);

        set(robot, "#newTrialsField", "2");
        set(robot, "#parallelField", "1");
        set(robot, "#epochsField", "1");
        robot.clickOn(robot.lookup("#startSearch").queryAs(Button.class));
        waitUntil("the Search window", () -> {
            try {
                return onFx(() -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage s
                        && s.getTitle() != null && s.getTitle().startsWith("Search:")));
            } catch (Exception e) {
                return false;
            }
        });
        try (var searches = Files.list(runs.resolve("searches"))) {
            assertThat(searches.toList()).hasSize(1);
        }
    }
}
