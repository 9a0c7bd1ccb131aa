package babysitter.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The canvas follows the region's size in whole pixels and the subclass repaints only on a change. */
@ExtendWith(ApplicationExtension.class)
class ResizableCanvasPaneTest {

    private final List<double[]> calls = new ArrayList<>();
    private ResizableCanvasPane pane;

    @Start
    void start(Stage stage) {
        pane = new ResizableCanvasPane() {
            @Override
            protected void resized(double w, double h) {
                calls.add(new double[] {w, h, canvas().getWidth(), canvas().getHeight()});
            }
        };
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void theCanvasTakesTheFlooredSizeAndRepaintsOnlyWhenItChanges(FxRobot robot) {
        robot.interact(() -> {
            assertThat(pane.getChildrenUnmodifiable()).containsExactly(pane.canvas());
            pane.resizeRelocate(0, 0, 120.7, 80.2);
            pane.layout();
        });
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).containsExactly(120, 80, 120, 80);
        robot.interact(() -> {
            // the same whole-pixel size: no repaint
            pane.resizeRelocate(0, 0, 120.9, 80.9);
            pane.requestLayout();
            pane.layout();
        });
        assertThat(calls).hasSize(1);
        robot.interact(() -> {
            pane.resizeRelocate(0, 0, 121, 80);
            pane.layout();
        });
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).containsExactly(121, 80, 121, 80);
    }
}
