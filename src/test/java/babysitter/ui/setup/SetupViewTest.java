package babysitter.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The setup panel in a real (headless) window. */
@ExtendWith(ApplicationExtension.class)
class SetupViewTest {

    private SetupViewModel vm;
    private final AtomicInteger newRuns = new AtomicInteger();

    @Start
    void start(Stage stage) {
        vm = SetupViewModel.defaults();
        SetupView view = new SetupView(vm);
        view.setOnNewRun(newRuns::incrementAndGet);
        stage.setScene(new Scene(view, 320, 720));
        stage.show();
    }

    @Test
    void typingAnInvalidLearningRateMarksTheFieldAndDisablesNewRun(FxRobot robot) {
        TextField rate = robot.lookup("#learningRate").queryAs(TextField.class);
        Label error = robot.lookup("#learningRateError").queryAs(Label.class);
        Button newRun = robot.lookup("#newRun").queryButton();
        assertThat(error.isVisible()).isFalse();
        assertThat(newRun.isDisabled()).isFalse();

        robot.clickOn(rate);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("abc");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(rate.getText()).isEqualTo("abc");
        assertThat(vm.learningRateProperty().get()).isEqualTo("abc");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.isManaged()).isTrue();
        assertThat(error.getText()).isEqualTo("learning rate α must be a number from 1e-06 to 10, got 'abc'");
        assertThat(rate.getPseudoClassStates()).contains(SetupView.INVALID);
        assertThat(rate.getTooltip()).isNotNull();
        assertThat(rate.getTooltip().getText()).isEqualTo(error.getText());
        assertThat(newRun.isDisabled()).isTrue();

        robot.interact(() -> rate.setText("0.005"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(error.isVisible()).isFalse();
        assertThat(rate.getPseudoClassStates()).doesNotContain(SetupView.INVALID);
        assertThat(newRun.isDisabled()).isFalse();
        assertThat(vm.toConfig().orElseThrow().optimizer().learningRate()).isEqualTo(0.005);
    }

    @Test
    void choosingDigitsHidesTheSpiralFieldsAndThePreview(FxRobot robot) {
        Node arms = robot.lookup("#arms").query();
        Node n = robot.lookup("#n").query();
        Node preview = robot.lookup("#preview").query();
        assertThat(arms.isVisible()).isTrue();
        assertThat(preview.getParent().isVisible()).isTrue();

        @SuppressWarnings("unchecked")
        ComboBox<String> kind = robot.lookup("#dataKind").queryAs(ComboBox.class);
        robot.interact(() -> kind.getSelectionModel().select("digits"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.dataKindProperty().get()).isEqualTo("digits");
        assertThat(arms.isVisible()).isFalse();
        assertThat(arms.isManaged()).isFalse();
        assertThat(n.isVisible()).isFalse();
        assertThat(preview.getParent().isVisible()).isFalse();
        assertThat(robot.lookup("#devFraction").query().isVisible()).isTrue();
        assertThat(robot.lookup("#newRun").queryButton().isDisabled()).isFalse();

        robot.interact(() -> kind.getSelectionModel().select("csv"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#path").query().isVisible()).isTrue();
        assertThat(robot.lookup("#pathError").queryAs(Label.class).getText()).isEqualTo("choose a CSV file");
        assertThat(robot.lookup("#newRun").queryButton().isDisabled()).isTrue();
    }

    @Test
    void clickingNewRunCallsTheAction(FxRobot robot) {
        robot.clickOn("#newRun");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(newRuns.get()).isEqualTo(1);

        robot.interact(() -> vm.busyProperty().set(true));
        assertThat(robot.lookup("#newRun").queryButton().isDisabled()).isTrue();
        robot.clickOn("#newRun");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(newRuns.get()).isEqualTo(1);
    }

    @Test
    void anEmptyHiddenLayersFieldSaysItMeansSoftmaxRegression(FxRobot robot) {
        TextField layers = robot.lookup("#layers").queryAs(TextField.class);
        Label note = robot.lookup("#layersNote").queryAs(Label.class);
        assertThat(note.isVisible()).isFalse();
        robot.interact(() -> layers.setText(""));
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).contains("No hidden layer").contains("softmax regression");
        assertThat(layers.getPromptText()).contains("softmax regression").doesNotContain("relu");
        assertThat(vm.toConfig().orElseThrow().network().hidden()).isEmpty();
    }

    @Test
    void theHiddenLayersFieldIsWideEnoughForThreeLayers(FxRobot robot) {
        TextField layers = robot.lookup("#layers").queryAs(TextField.class);
        robot.interact(() -> layers.setText("128 relu bn, 64 relu bn, 32 tanh"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.text.Text probe = new javafx.scene.text.Text(layers.getText());
        probe.setFont(layers.getFont());
        double room = layers.getWidth() - layers.getInsets().getLeft() - layers.getInsets().getRight();
        assertThat(probe.getLayoutBounds().getWidth()).as("text width within the field").isLessThan(room);
    }
}
