package babysitter.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.training.Snapshot.CheckpointSummary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The chips under the charts while a run trains: the strip changes every epoch under the person's mouse. */
@ExtendWith(ApplicationExtension.class)
class CheckpointStripTest {
    private static final CheckpointSummary E1 = new CheckpointSummary("epoch-0001", 10, 1, 0, 1);
    private static final CheckpointSummary E2 = new CheckpointSummary("epoch-0002", 20, 2, 0, 2);
    private static final CheckpointSummary E3 = new CheckpointSummary("epoch-0003", 30, 3, 0, 3);

    private final List<CheckpointSummary> chosen = new CopyOnWriteArrayList<>();
    private CheckpointStrip strip;

    @Start
    void start(Stage stage) {
        strip = new CheckpointStrip(chosen::add);
        strip.show(List.of(E1, E2));
        stage.setScene(new Scene(strip, 400, 60));
        stage.show();
    }

    @Test
    void aClickThatStartsBeforeANewEpochsCheckpointStillRewinds(FxRobot robot) {
        Button e2 = robot.lookup("#checkpoint-epoch-0002").queryAs(Button.class);
        robot.moveTo(e2).press(MouseButton.PRIMARY);
        // the next epoch's checkpoint arrives while the button is held
        robot.interact(() -> strip.show(List.of(E1, E2, E3)));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chosen).containsExactly(E2);
        assertThat(robot.lookup("#checkpoint-epoch-0002").queryAs(Button.class)).isSameAs(e2);
    }

    @Test
    void theStripFollowsTheSessionsListInOrder(FxRobot robot) {
        robot.interact(() -> strip.show(List.of(E2, E3)));
        assertThat(strip.getChildren()).extracting(n -> ((Button) n).getText()).containsExactly("e2", "e3");
        robot.interact(() -> strip.show(List.of()));
        assertThat(strip.getChildren()).isEmpty();
    }

    @Test
    void shortNamesSayWhatKindOfCheckpointItIs() {
        assertThat(CheckpointStrip.shortName("epoch-0012")).isEqualTo("e12");
        assertThat(CheckpointStrip.shortName("step-340")).isEqualTo("s340");
        assertThat(CheckpointStrip.shortName("auto-339")).isEqualTo("↶339");
        assertThat(CheckpointStrip.shortName("epoch-0012.b2")).isEqualTo("e12′");
    }
}
