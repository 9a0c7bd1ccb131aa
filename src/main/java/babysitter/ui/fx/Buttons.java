package babysitter.ui.fx;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** Tool-bar buttons as every window makes them: an id for tests, a label, a tooltip and an action. */
public final class Buttons {
    private Buttons() {
    }

    /** A button with that id, text and tooltip that runs {@code action} when pressed. */
    public static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
