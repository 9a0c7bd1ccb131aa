package babysitter.ui.main;

import static babysitter.ui.main.WindowTestKit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import babysitter.ui.BabysitterApp;
import babysitter.ui.app.Choosers;
import babysitter.ui.setup.SetupViewModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One whole babysitting session through the real window, as a person goes through it: a new run,
 * α changed by dragging its slider, pause, a checkpoint, a rewind from the strip while training,
 * undo, siblings and adopting one, the three exports, and opening the run again. Then the run's
 * events.jsonl and the exported files are read back.
 */
@ExtendWith(ApplicationExtension.class)
class JourneyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path runs;
    @TempDir
    static Path exports;

    private MainViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        BabysitterApp app = WindowTestKit.app(runs);
        vm = app.createViewModel(Executors.newSingleThreadExecutor());
        SetupViewModel setup = WindowTestKit.spiralSetup("2000");
        // the person's answers to the file dialogs
        app.context().setChoosers(new Choosers() {
            @Override
            public File openFile(Window owner, String title, Path initialDir, String description, String extension) {
                throw new AssertionError("no file is opened on this journey: " + title);
            }

            @Override
            public File folder(Window owner, String title, Path initialDir) {
                return new File(vm.runDirProperty().get());
            }

            @Override
            public File saveFile(Window owner, String title, String name, String extension) {
                return exports.resolve(name).toFile();
            }
        });
        window = WindowTestKit.show(stage, new MainWindow(app.context(), vm, setup));
    }

    @AfterEach
    void tearDown() throws Exception {
        WindowTestKit.closeSession(vm);
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws TimeoutException {
        WindowTestKit.waitUntil(what, 60, condition);
    }

    private static void menu(FxRobot robot, String menu, String item) {
        robot.clickOn(menu).clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<JsonNode> events(Path run) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("events.jsonl"))) {
            events.add(JSON.readTree(line));
        }
        return events;
    }

    @Test
    void oneWholeSessionThroughTheWindow(FxRobot robot) throws Exception {
        // new run: it trains at once
        robot.clickOn("#newRun");
        waitUntil("running", () -> vm.progress().stateProperty().get() == Report.State.RUNNING && vm.progress().epochProperty().get() >= 2);
        Path run = Path.of(onFx(() -> vm.runDirProperty().get()));
        double alphaBefore = onFx(() -> vm.controls().current().learningRate());

        // α by dragging the slider's thumb to the left: one change, applied on release
        Slider slider = robot.lookup("#alphaSlider").queryAs(Slider.class);
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(-40, 0).moveBy(-40, 0).release(MouseButton.PRIMARY);
        waitUntil("the dragged α in use", () -> vm.controls().current().learningRate() < alphaBefore);
        double dragged = onFx(() -> vm.controls().current().learningRate());
        TextField alphaField = robot.lookup("#alphaField").queryAs(TextField.class);
        assertThat(Double.parseDouble(onFx(alphaField::getText))).isCloseTo(dragged, org.assertj.core.data.Offset.offset(dragged * 1e-2));

        // pause, then a checkpoint of one's own
        robot.clickOn("#pauseButton");
        waitUntil("paused", () -> vm.progress().stateProperty().get() == Report.State.PAUSED);
        shortcut(robot, KeyCode.K);
        waitUntil("the person's checkpoint on the strip", () -> vm.checkpoints().stream()
                .anyMatch(c -> c.id().startsWith("step-")));
        String mine = onFx(() -> vm.checkpoints().stream().filter(c -> c.id().startsWith("step-"))
                .reduce((a, b) -> b).orElseThrow().id());

        // resume with Space and, while it trains, rewind to that checkpoint from the strip
        robot.clickOn("#stepChart");
        robot.type(KeyCode.SPACE);
        waitUntil("running again", () -> vm.progress().stateProperty().get() == Report.State.RUNNING);
        waitUntil("an epoch after the checkpoint", () -> vm.checkpoints().stream().reduce((a, b) -> b)
                .map(c -> !c.id().equals(mine)).orElse(false));
        // the strip moves under the mouse as epochs add chips: read the question, as a person does
        for (int attempt = 0; ; attempt++) {
            robot.clickOn("#checkpoint-" + mine);
            // on a busy machine the question opens a moment after the click
            waitUntil("the rewind question", () -> robot.lookup("#rewindDialog").tryQuery().isPresent());
            DialogPane confirm = robot.lookup("#rewindDialog").queryAs(DialogPane.class);
            boolean right = confirm.getHeaderText().contains(mine);
            robot.clickOn((Button) confirm.lookupButton(right ? ButtonType.OK : ButtonType.CANCEL));
            if (right || attempt == 5) {
                break;
            }
        }
        waitUntil("branch 1 from my checkpoint", () -> vm.progress().branchProperty().get() == 1);

        // undo: back to the checkpoint taken before the α change, with the α from before
        waitUntil("undo possible", () -> !vm.lastChangeProperty().get().isEmpty());
        shortcut(robot, KeyCode.Z);
        waitUntil("branch 2 from before the change", () -> vm.progress().branchProperty().get() == 2);
        waitUntil("α from before the change", () -> vm.controls().current().learningRate() == alphaBefore);

        // siblings for one epoch from here, and adopt the best
        robot.clickOn("#pauseButton");
        waitUntil("paused", () -> vm.progress().stateProperty().get() == Report.State.PAUSED);
        shortcut(robot, KeyCode.Z); // nothing left to undo: no harm
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.S).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("the siblings dialog", () -> robot.lookup("#siblingsDialog").tryQuery().isPresent());
        TextField count = robot.lookup("#siblingCount").queryAs(TextField.class);
        robot.doubleClickOn(count).eraseText(count.getText().length() + 2).write("2");
        TextField epochs = robot.lookup("#siblingEpochs").queryAs(TextField.class);
        robot.doubleClickOn(epochs).eraseText(epochs.getText().length() + 2).write("1");
        robot.clickOn("#siblingsOk");
        WindowTestKit.waitUntil("both siblings done", 60, () -> vm.siblings().winnerProperty().get() >= 0,
                () -> "siblings dialog still open: " + robot.lookup("#siblingsDialog").tryQuery().isPresent()
                        + ", session " + vm.progress().stateProperty().get() + ", rows " + vm.siblings().rows());
        int winner = onFx(() -> vm.siblings().winnerProperty().get());
        robot.clickOn("#adoptSibling-" + winner);
        waitUntil("the adopted branch", () -> vm.progress().branchProperty().get() == 3);
        waitUntil("paused after the adopted epoch", () -> vm.progress().stateProperty().get() == Report.State.PAUSED);

        // the three exports from the File menu
        menu(robot, "File", "Export window (PNG)…");
        menu(robot, "File", "Export metrics (CSV, raw and smoothed)…");
        menu(robot, "File", "Export report (HTML)…");
        waitUntil("the report written", () -> Files.exists(exports.resolve("report.html")));

        BufferedImage png = ImageIO.read(exports.resolve("babysitter.png").toFile());
        assertThat(png.getWidth()).isEqualTo((int) Math.round(onFx(() -> window.getScene().getWidth())));
        List<String> csv = Files.readAllLines(exports.resolve("metrics.csv"));
        assertThat(csv.get(0)).isEqualTo(babysitter.ui.monitor.MonitorViewModel.CSV_HEADER);
        assertThat(csv).anyMatch(l -> l.startsWith("3,")).as("the adopted branch's rows");
        String html = Files.readString(exports.resolve("report.html"));
        assertThat(html).contains("<svg").contains("rewind to " + mine).contains("siblings");

        // the run on disk says what happened, in order
        List<JsonNode> events = events(run);
        List<String> kinds = events.stream().map(e -> e.path("kind").asText()).toList();
        assertThat(kinds).containsSubsequence("start", "hyperparameters", "pause", "checkpoint", "resume", "rewind",
                "rewind", "siblings", "siblings-adopted");
        JsonNode change = events.stream().filter(e -> e.path("kind").asText().equals("hyperparameters")).findFirst()
                .orElseThrow();
        assertThat(events.stream().filter(e -> e.path("kind").asText().equals("hyperparameters")
                && e.path("branch").asInt() == 0)).as("one drag, one change").hasSize(1);
        assertThat(change.toString()).contains(Double.toString(dragged));
        List<JsonNode> rewinds = events.stream().filter(e -> e.path("kind").asText().equals("rewind")).toList();
        assertThat(rewinds.get(0).path("details").path("to").asText()).isEqualTo(mine);
        assertThat(rewinds.get(1).path("details").path("branch").asInt()).isEqualTo(2);

        // open the run again: its branches and its last α come back
        int lastBranchEpoch = onFx(() -> (int) vm.progress().epochProperty().get());
        menu(robot, "File", "Open run folder…");
        waitUntil("the run read back", () -> !vm.hasSession().get() && vm.progress().epochProperty().get() == lastBranchEpoch
                && vm.monitor().lines().stream().map(l -> l.branch()).distinct().count() == 4);
        assertThat(onFx(() -> vm.runDirProperty().get())).isEqualTo(run.toString());
        assertThat(onFx(() -> vm.events().stream().noneMatch(e -> e.kind().equals("error")))).isTrue();
    }
}
