package babysitter.ui.fx;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * A tool window (network view, classes, samples, surface, search): owned by the main window, so it
 * stays in front of it and closes with it; placed over the main window, a little down and right of
 * its top-left corner and inside the screen; Esc or Ctrl+W closes it.
 */
public final class ToolWindow {
    /** How far down and right of the owner's corner a tool window opens. */
    static final double OFFSET = 40;
    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private ToolWindow() {
    }

    /** A stage owned by {@code owner} (may be null) showing {@code root}, not yet shown. */
    public static Stage create(Window owner, String title, Parent root, double width, double height) {
        Stage stage = new Stage();
        stage.setTitle(title);
        Scene scene = new Scene(root, width, height);
        stage.setScene(scene);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || CLOSE.match(e)) {
                // as the window's own close button: a window that asks before closing still asks
                stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
                e.consume();
            }
        });
        if (owner != null) {
            stage.initOwner(owner);
            place(stage, owner, width, height);
        }
        return stage;
    }

    /**
     * Shows {@code root} in a new tool window and runs {@code detach} when it closes: a window fed
     * by a subscription (to the main window's reports) that ends with it.
     */
    public static Stage showUntilClosed(Window owner, String title, Parent root, double width, double height,
                                        Runnable detach) {
        Stage stage = create(owner, title, root, width, height);
        stage.setOnHidden(e -> detach.run());
        stage.show();
        return stage;
    }

    /** Puts the stage's top-left corner {@link #OFFSET} down and right of the owner's, inside the owner's screen. */
    static void place(Stage stage, Window owner, double width, double height) {
        double x = owner.getX() + OFFSET;
        double y = owner.getY() + OFFSET;
        Rectangle2D screen = Screen.getScreensForRectangle(owner.getX(), owner.getY(),
                        Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight())).stream()
                .findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        x = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - width));
        y = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - height));
        stage.setX(x);
        stage.setY(y);
    }
}
