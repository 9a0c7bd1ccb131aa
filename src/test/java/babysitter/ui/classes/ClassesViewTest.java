package babysitter.ui.classes;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The classes window's view in a real (headless) window. */
@ExtendWith(ApplicationExtension.class)
class ClassesViewTest {

    private ClassesViewModel vm;
    private ClassesView view;

    @Start
    void start(Stage stage) {
        vm = new ClassesViewModel();
        view = new ClassesView(vm);
        stage.setScene(new Scene(view, 1000, 640));
        stage.show();
    }

    static final List<String> NAMES = List.of("cat", "dog", "bird");
    // epoch 0: poor; epoch 1: almost perfect
    static final Report.ConfusionReport OLD = new Report.ConfusionReport(0, 0, NAMES,
            new long[] {2, 6, 2, 5, 3, 2, 1, 1, 8});
    static final Report.ConfusionReport NEW = new Report.ConfusionReport(1, 0, NAMES,
            new long[] {10, 0, 0, 1, 9, 0, 0, 0, 10});

    /** The cell shades of the matrix: how many canvas pixels are of the full colour's hue (dark blue). */
    static long darkPixels(WritableImage img) {
        PixelReader px = img.getPixelReader();
        long n = 0;
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                Color c = px.getColor(x, y);
                if (c.getBlue() > 0.5 && c.getRed() < 0.35) {
                    n++;
                }
            }
        }
        return n;
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = view.canvas().snapshot(null, null));
        return img[0];
    }

    @Test
    void showsTheNewestAndTheSliderGoesBackToTheOlderEpoch(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.drawn()).isNull();
        assertThat(darkPixels(snapshot(robot))).isZero();
        Label epochLabel = robot.lookup("#epochLabel").queryAs(Label.class);

        robot.interact(() -> vm.accept(List.of(OLD, NEW)));
        WaitForAsyncUtils.waitForFxEvents();
        Slider slider = robot.lookup("#epochSlider").queryAs(Slider.class);
        assertThat(vm.selectedProperty().get()).isSameAs(NEW);
        assertThat(view.drawn()).isSameAs(NEW);
        assertThat(epochLabel.getText()).isEqualTo("epoch 2");
        assertThat(slider.getMax()).isEqualTo(1);
        assertThat(slider.getValue()).isEqualTo(1);
        assertThat(slider.isDisabled()).isFalse();
        // the diagonal of the newest is almost whole rows: three dark cells
        long newInk = darkPixels(snapshot(robot));
        assertThat(newInk).isGreaterThan(3 * 100L);
        Rectangle catBar = robot.lookup("#classBar-0").queryAs(Rectangle.class);
        assertThat(catBar.getWidth()).isEqualTo(ClassesView.BAR_WIDTH);
        assertThat(robot.lookup("#classBar-1").queryAs(Rectangle.class).getWidth())
                .isCloseTo(0.9 * ClassesView.BAR_WIDTH, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(robot.lookup("#classValue-1").queryAs(Label.class).getText()).isEqualTo("90.0 % (9/10)");

        int redraws = view.redraws();
        robot.interact(slider::requestFocus);
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(slider.getValue()).isZero();
        assertThat(vm.epochIndexProperty().get()).isZero();
        assertThat(vm.selectedProperty().get()).isSameAs(OLD);
        assertThat(vm.followsNewest()).isFalse();
        assertThat(view.drawn()).isSameAs(OLD);
        assertThat(view.redraws()).isGreaterThan(redraws);
        assertThat(epochLabel.getText()).isEqualTo("epoch 1");
        // the older matrix has no row above half: fewer dark pixels than the newest, but painted
        WritableImage old = snapshot(robot);
        assertThat(darkPixels(old)).isLessThan(newInk);
        assertThat(robot.lookup("#classValue-0").queryAs(Label.class).getText()).isEqualTo("20.0 % (2/10)");
        assertThat(robot.lookup("#classBar-2").queryAs(Rectangle.class).getWidth())
                .isCloseTo(0.8 * ClassesView.BAR_WIDTH, org.assertj.core.data.Offset.offset(1e-9));
        List<Node> bars = List.copyOf(robot.lookup("#classBars").queryAs(javafx.scene.layout.VBox.class).getChildren());
        assertThat(bars).hasSize(3);

        // a newer epoch does not pull the slider away from where the person put it
        Report.ConfusionReport third = new Report.ConfusionReport(2, 0, NAMES, new long[] {10, 0, 0, 0, 10, 0, 0, 0, 10});
        robot.interact(() -> vm.accept(third));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(slider.getMax()).isEqualTo(2);
        assertThat(view.drawn()).isSameAs(OLD);
    }

    @Test
    void perClassAccuracyAndLongClassNamesAreShownWhole(FxRobot robot) {
        List<String> names = List.of("T-shirt/top", "Trouser", "Pullover");
        robot.interact(() -> vm.accept(new Report.ConfusionReport(0, 0, names,
                new long[] {1000, 0, 0, 0, 1000, 0, 0, 0, 1000})));
        WaitForAsyncUtils.waitForFxEvents();
        for (int c = 0; c < 3; c++) {
            Label value = robot.lookup("#classValue-" + c).queryAs(Label.class);
            assertThat(value.getText()).isEqualTo("100.0 % (1000/1000)");
            assertThat(babysitter.ui.fx.WholeText.drawn(value)).isEqualTo(value.getText());
        }
        robot.lookup(".label").queryAllAs(Label.class).stream().filter(l -> names.contains(l.getText()))
                .forEach(l -> assertThat(babysitter.ui.fx.WholeText.drawn(l)).isEqualTo(l.getText()));
    }
}
