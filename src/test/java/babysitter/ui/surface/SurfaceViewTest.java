package babysitter.ui.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.engine.optim.OptimizerKind;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The surface window's view in a real (headless) window. */
@ExtendWith(ApplicationExtension.class)
class SurfaceViewTest {
    private SurfaceViewModel vm;
    private SurfaceView view;

    @Start
    void start(Stage stage) {
        vm = new SurfaceViewModel();
        view = new SurfaceView(vm);
        stage.setScene(new Scene(view, 1120, 620));
        // the stage may be reused from an earlier test class with another size: fit it to the scene,
        // or the map is partly outside the window and a click on its middle lands elsewhere
        stage.sizeToScene();
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @Test
    void showsTheMapTheLegendAndTheControls(FxRobot robot) {
        Canvas map = robot.lookup("#surfaceMap").queryAs(Canvas.class);
        assertThat(map.getWidth()).isGreaterThan(500);
        assertThat(map.getHeight()).isGreaterThan(300);
        assertThat(robot.lookup("#startPause").queryButton().getText()).isEqualTo("Start");
        Label adam = robot.lookup("#status-adam").queryAs(Label.class);
        assertThat(adam.getText()).startsWith("Adam   f = ").endsWith(" 0 steps");
        assertThat(view.animating()).isFalse();
        // the α slider is on a log scale
        Slider alpha = robot.lookup("#alpha").queryAs(Slider.class);
        robot.interact(() -> alpha.setValue(-2));
        assertThat(vm.hyperparameters().learningRate()).isCloseTo(0.01, within(1e-15));
    }

    @Test
    void stepAdvancesEveryPathByOnePointAndResetClearsThem(FxRobot robot) {
        robot.clickOn("#step");
        WaitForAsyncUtils.waitForFxEvents();
        for (OptimizerKind k : PathRace.KINDS) {
            assertThat(vm.race().pointCount(k)).as(k.name()).isEqualTo(2);
        }
        robot.clickOn("#step");
        WaitForAsyncUtils.waitForFxEvents();
        for (OptimizerKind k : PathRace.KINDS) {
            assertThat(vm.race().pointCount(k)).as(k.name()).isEqualTo(3);
        }
        assertThat(robot.lookup("#status-sgd").queryAs(Label.class).getText()).endsWith(" 2 steps");
        assertThat(robot.lookup("#steps").queryAs(Label.class).getText()).isEqualTo("step 2");
        robot.clickOn("#reset");
        WaitForAsyncUtils.waitForFxEvents();
        for (OptimizerKind k : PathRace.KINDS) {
            assertThat(vm.race().pointCount(k)).as(k.name()).isEqualTo(1);
        }
        assertThat(robot.lookup("#status-sgd").queryAs(Label.class).getText()).endsWith(" 0 steps");
    }

    @Test
    void startRunsTheTimerAndPauseStopsIt(FxRobot robot) {
        Button startPause = robot.lookup("#startPause").queryButton();
        robot.clickOn(startPause);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(view.animating()).isTrue();
        assertThat(startPause.getText()).isEqualTo("Pause");
        robot.clickOn(startPause);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(view.animating()).isFalse();
        assertThat(startPause.getText()).isEqualTo("Start");
        int steps = vm.stepsProperty().get();
        WaitForAsyncUtils.waitForFxEvents(5);
        assertThat(vm.stepsProperty().get()).isEqualTo(steps);
    }

    @Test
    void clickingTheMapMovesTheStart(FxRobot robot) {
        robot.clickOn("#step");
        Canvas map = robot.lookup("#surfaceMap").queryAs(Canvas.class);
        // where the robot will click, in the map's own pixels (the middle of its visible part)
        javafx.geometry.Point2D screen = robot.point(map).query();
        javafx.geometry.Point2D local = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> map.screenToLocal(screen)));
        assertThat(local.getX()).isBetween(0.0, map.getWidth());
        assertThat(local.getY()).isBetween(0.0, map.getHeight());
        robot.clickOn(map);
        WaitForAsyncUtils.waitForFxEvents();
        Surface s = vm.race().surface();
        double dx = (s.xMax() - s.xMin()) / map.getWidth();
        double dy = (s.yMax() - s.yMin()) / map.getHeight();
        double x = s.xMin() + local.getX() * dx;
        double y = s.yMax() - local.getY() * dy;
        assertThat(vm.startXProperty().get()).isCloseTo(x, within(1.5 * dx));
        assertThat(vm.startYProperty().get()).isCloseTo(y, within(1.5 * dy));
        assertThat(Math.hypot(vm.startXProperty().get() - SurfaceViewModel.DEFAULT_START_X,
                vm.startYProperty().get() - SurfaceViewModel.DEFAULT_START_Y)).isGreaterThan(1);
        for (OptimizerKind k : PathRace.KINDS) {
            assertThat(vm.race().pointCount(k)).isEqualTo(1);
            assertThat(vm.race().currentX(k)).isEqualTo(vm.startXProperty().get());
        }
    }
}
