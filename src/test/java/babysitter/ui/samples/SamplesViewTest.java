package babysitter.ui.samples;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sample browser in a real (headless) window. */
@ExtendWith(ApplicationExtension.class)
class SamplesViewTest {

    private SamplesViewModel vm;
    private SamplesView view;

    @Start
    void start(Stage stage) {
        vm = new SamplesViewModel();
        view = new SamplesView(vm);
        stage.setScene(new Scene(view, 900, 500));
        stage.show();
    }

    /** Two 4×4 images: the first (class a) predicted a, the second (class b) predicted a. */
    static Report.SamplesReport twoImages() {
        float[] values = new float[32];
        for (int j = 0; j < 32; j++) {
            values[j] = j;
        }
        return new Report.SamplesReport(2, 0, List.of("a", "b"), 16, 4, values, new int[] {0, 1},
                new float[] {0.9f, 0.1f, 0.7f, 0.3f});
    }

    @Test
    void showsTwoThumbnailsWithRightAndWrongBordersAndClickingTheSecondShowsItsBars(FxRobot robot) {
        robot.interact(() -> vm.accept(twoImages()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.thumbnails()).hasSize(2);
        assertThat(view.borderColor(0)).isEqualTo(SamplesView.RIGHT);
        assertThat(view.borderColor(1)).isEqualTo(SamplesView.WRONG);
        assertThat(robot.lookup("#pct0").queryAs(Label.class).getText()).isEqualTo("90.0%");

        robot.clickOn("#sample1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(1);
        assertThat(robot.lookup("#pct0").queryAs(Label.class).getText()).isEqualTo("70.0%");
        assertThat(robot.lookup("#pct1").queryAs(Label.class).getText()).isEqualTo("30.0%");
        assertThat(robot.lookup("#samplesCaption").queryAs(Label.class).getText())
                .contains("true b").contains("predicted a").contains("wrong");
        assertThat(view.thumbnails()).hasSize(2);
        assertThat(view.borderColor(1)).isEqualTo(SamplesView.WRONG);
    }

    @Test
    void longClassNamesAndCertainProbabilitiesAreShownWhole(FxRobot robot) {
        float[] values = new float[32];
        Report.SamplesReport r = new Report.SamplesReport(2, 0, List.of("T-shirt/top", "Ankle boot"), 16, 4, values,
                new int[] {0, 1}, new float[] {1f, 0f, 0f, 1f});
        robot.interact(() -> vm.accept(r));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#pct0", "#pct1"}) {
            Label l = robot.lookup(id).queryAs(Label.class);
            assertThat(babysitter.ui.fx.WholeText.drawn(l)).as(id).isEqualTo(l.getText());
        }
        robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(l -> l.getText() != null && (l.getText().contains("T-shirt") || l.getText().contains("Ankle")))
                .forEach(l -> assertThat(babysitter.ui.fx.WholeText.shown(l)).as(l.getText()).isTrue());
        Label caption = robot.lookup("#samplesCaption").queryAs(Label.class);
        assertThat(babysitter.ui.fx.WholeText.shown(caption)).as("the caption wraps").isTrue();
    }
}
